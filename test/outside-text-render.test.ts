// Cards carrying outside text (a phishing-style subject, display names with Markdown, an echoed command) rendered
// in Chromium by the adaptivecards SDK with Teams' Markdown applied: the reader sees the text as written and no
// link. Screenshots in test/artifacts/outside-text/. Issue #17, item 6.
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_VERSION } from '../bot/cards/card-parts.ts';
import { helpCard } from '../bot/cards/help-card.ts';
import { noticeCard } from '../bot/cards/notice-card.ts';
import { scorecardCard } from '../bot/cards/scorecard-card.ts';
import { waitingCard } from '../bot/cards/waiting-card.ts';
import { t } from '../src/i18n/messages.ts';
import { hostConfig } from './support/adaptive-cards-sdk.ts';
import { scorecardInput } from './support/bot-cards.ts';
import { openCardPage, renderCard } from './support/card-page.ts';
import { HOSTILE } from './support/hostile-text.ts';

const ARTIFACTS = new URL('./artifacts/outside-text/', import.meta.url);
const SUBJECT = HOSTILE.link;
const NAME = '**Olivia** [Owner](https://evil.example/profile)';

describe('outside text on cards in Chromium, with Teams’ Markdown', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    page = await openCardPage(browser, '#ffffff', { markdown: true });
  });
  afterAll(async () => browser?.close());

  it('would show a link for the raw subject, so the checks below can fail', async () => {
    const raw = { type: 'AdaptiveCard', version: CARD_VERSION, body: [{ type: 'TextBlock', text: `Missed: ${SUBJECT}`, wrap: true }] };
    const result = await renderCard(page, raw, hostConfig('light'));
    await page.locator('#card').screenshot({ path: new URL('unescaped-link.png', ARTIFACTS).pathname });
    expect(result.links).toEqual(['https://evil.example']);
  });

  const week = scorecardInput().week;
  const cards: Array<[string, object, string[]]> = [
    ['scorecard-missed-subject', scorecardCard(scorecardInput({ week: { ...week, oldestWaiting: [{ ...week.oldestWaiting[0]!, from: NAME, subject: SUBJECT }] } })), [SUBJECT, NAME]],
    ['waiting-subject', waitingCard({ locale: 'en', timeZone: 'UTC', windowHours: 24, privacyMode: false, items: [{ from: NAME, subject: HOSTILE.autolink, receivedAt: Date.parse('2026-11-24T09:00:00Z'), minutesLeft: 30 }], tabUrl: null }), [HOSTILE.autolink]],
    ['help-echo', helpCard({ locale: 'en', unknown: SUBJECT, paired: true }), [SUBJECT]],
    ['setup-names', noticeCard(t('en', 'welcome.done', { owner: NAME, va: HOSTILE.emphasis })), [NAME, HOSTILE.emphasis]],
  ];

  for (const [name, card, shown] of cards) {
    it(`shows ${name} as written, with no link`, async () => {
      const result = await renderCard(page, card, hostConfig('light'));
      await page.locator('#card').screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname });
      expect(result.links).toEqual([]);
      for (const value of shown) expect(result.text).toContain(value);
      expect(await page.locator('#card strong, #card em, #card del, #card code').count()).toBe(0);
    });
  }
});
