// The deep link in the summary e-mail that opens Tandem's personal KPI tab in Teams (or the Microsoft 365
// app / Outlook, which resolve the same link) at one pairing and week.

/** The static tab's `entityId` in manifest/manifest.json. */
export const KPI_TAB_ENTITY_ID = 'kpi';

/**
 * `https://teams.microsoft.com/l/entity/<appId>/kpi?context={"subEntityId":"<pairing>/<week>"}`: the tab
 * reads the sub-entity (`app.getContext()` → `page.subPageId`) to open that pairing's week.
 */
export function kpiTabLink(teamsAppId: string, pairingId: string, week: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: `${pairingId}/${week}` }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${KPI_TAB_ENTITY_ID}?context=${context}`;
}
