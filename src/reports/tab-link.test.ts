// The KPI tab's deep link, written by the cards and the summary mail and read back by the tab.
import { describe, expect, it } from 'vitest';
import { kpiTabLink, readSubPage } from './tab-link.ts';

const APP = '00000000-0000-4000-8000-0000000000aa';

/** What Teams hands the tab as `page.subPageId`: the `subEntityId` of the link's `context` parameter. */
const subPageOf = (link: string) => (JSON.parse(new URL(link).searchParams.get('context')!) as { subEntityId: string }).subEntityId;

describe('the KPI tab deep link', () => {
  it('names the static tab and carries the pairing, the view and (for Messages) the week', () => {
    expect(kpiTabLink(APP, 'p1', { view: 'waiting' })).toBe(`https://teams.microsoft.com/l/entity/${APP}/kpi?context=%7B%22subEntityId%22%3A%22p1%2Fwaiting%22%7D`);
    expect(subPageOf(kpiTabLink(APP, 'p1', { view: 'messages', week: '2026-W47' }))).toBe('p1/messages/2026-W47');
  });

  it('is read back by the tab as it was written', () => {
    expect(readSubPage(subPageOf(kpiTabLink(APP, 'p1', { view: 'messages', week: '2026-W47' })))).toEqual({ pairing: 'p1', view: 'messages', week: '2026-W47' });
    expect(readSubPage(subPageOf(kpiTabLink(APP, 'p1', { view: 'settings' })))).toEqual({ pairing: 'p1', view: 'settings', week: null });
  });

  it('opens links posted before views were named at that week’s messages, and ignores what it cannot read', () => {
    expect(readSubPage('p1/2026-W47')).toEqual({ pairing: 'p1', view: 'messages', week: '2026-W47' });
    expect(readSubPage('p1')).toEqual({ pairing: 'p1', view: null, week: null });
    expect(readSubPage('p1/messages/last-week')).toEqual({ pairing: 'p1', view: 'messages', week: null });
    expect(readSubPage('')).toBeNull();
    expect(readSubPage(null)).toBeNull();
  });
});
