// office-addin-manifest's OfficeApp enum, the only thing office-addin-mock takes from that Node-only package,
// so the mock can be bundled for the browser.
export const OfficeApp = { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } as const;
