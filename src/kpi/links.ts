// Links that come from outside (Graph's webLink, a task's web URL) and are opened as they are, by a card's
// button or the tab's anchor: only an https page qualifies, so a `javascript:` one can never run there.

/** `url` when it is an https URL, else null. */
export function httpsLink(url: string | null | undefined): string | null {
  if (url == null || !URL.canParse(url)) return null;
  return new URL(url).protocol === 'https:' ? url : null;
}
