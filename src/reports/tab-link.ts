// The deep link that opens Tandem's personal KPI tab in Teams (or the Microsoft 365 app / Outlook, which resolve
// the same link) at one pairing and view: the summary e-mail and the cards' "Open KPI tab".
import { isIsoWeek } from '../kpi/iso-week.ts';

/** The static tab's `entityId` in manifest/manifest.json. */
export const KPI_TAB_ENTITY_ID = 'kpi';

/**
 * Where a link opens the tab: a view, and for Messages the week whose mail it lists. The tab reads it back
 * with readSubPage below.
 */
export type TabPlace = { readonly view: 'messages'; readonly week: string } | { readonly view: 'week' | 'waiting' | 'feedback' | 'settings' };

/**
 * `https://teams.microsoft.com/l/entity/<appId>/kpi?context={"subEntityId":"<pairing>/<view>[/<week>]"}`:
 * Teams hands the sub-entity to the tab (`app.getContext()` → `page.subPageId`), per
 * https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application
 */
export function kpiTabLink(teamsAppId: string, pairingId: string, place: TabPlace): string {
  const subEntityId = [pairingId, place.view, ...(place.view === 'messages' ? [place.week] : [])].join('/');
  const context = encodeURIComponent(JSON.stringify({ subEntityId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${KPI_TAB_ENTITY_ID}?context=${context}`;
}

/** Where a deep link asks the tab to open, as the tab reads it back from Teams' sub-page id. */
export interface SubPage {
  readonly pairing: string;
  /** A view name as the link wrote it; the tab shows it only when the pairing has that view. */
  readonly view: string | null;
  readonly week: string | null;
}

/** Reads kpiTabLink's sub-entity; links posted before it named views carry `<pairing>/<week>`: that week's messages. */
export function readSubPage(subPageId: string | null | undefined): SubPage | null {
  const [pairing, second, third] = (subPageId ?? '').split('/');
  if (!pairing) return null;
  if (second !== undefined && isIsoWeek(second)) return { pairing, view: 'messages', week: second };
  return { pairing, view: second || null, week: third !== undefined && isIsoWeek(third) ? third : null };
}
