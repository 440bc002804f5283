// Every card the bot sends, in Teams' light and dark host configs and a high-contrast one: each piece of text
// (TextBlock, TextRun, FactSet title and value) in the colour the host config gives it, against its container
// style's background, must reach WCAG's 4.5:1. The formula is written out in support/contrast.ts.
import { describe, expect, it } from 'vitest';
import { hostConfig, type CardTheme } from './support/adaptive-cards-sdk.ts';
import { allCards } from './support/bot-cards.ts';
import { cardTexts, contrastRatio, MIN_TEXT_CONTRAST } from './support/contrast.ts';

const THEMES: readonly CardTheme[] = ['light', 'dark', 'contrast'];
const round = (ratio: number) => Math.round(ratio * 100) / 100;

describe.each(THEMES)('cards in the Teams %s host config', (theme) => {
  const config = hostConfig(theme);

  it.each(allCards())('%s: every text reaches 4.5:1', (name, card) => {
    const texts = cardTexts(card, config);
    expect(texts.length, name).toBeGreaterThan(0);
    const low = texts.filter((text) => text.ratio < MIN_TEXT_CONTRAST).map((text) => `${round(text.ratio)}:1 ${text.color}${text.isSubtle ? ' subtle' : ''} on ${text.style}: ${text.text}`);
    expect(low).toEqual([]);
  });
});

describe('the contrast check itself', () => {
  it('computes WCAG ratios: black on white 21:1, #767676 on white just passes, #777777 just fails, Teams\' alpha-first colours composited', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    // Order does not matter; a fully transparent colour is the background.
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#00000000', '#ffffff')).toBeCloseTo(1, 5);
  });

  it('finds the colours that used to fail: warning and good on light, attention on dark, subtle accent on light', () => {
    const ratio = (theme: CardTheme, element: Record<string, unknown>, style?: string) =>
      round(cardTexts({ body: [style === undefined ? element : { type: 'Container', style, items: [element] }] }, hostConfig(theme))[0]!.ratio);
    expect(ratio('light', { type: 'TextBlock', text: 'x', color: 'Warning' })).toBe(1.47);
    expect(ratio('light', { type: 'TextBlock', text: 'x', color: 'Good' })).toBe(2.07);
    expect(ratio('dark', { type: 'TextBlock', text: 'x', color: 'Attention' })).toBe(3.24);
    expect(ratio('light', { type: 'TextBlock', text: 'x', color: 'Accent', isSubtle: true })).toBe(3.15);
    // Nested text and a container's own background are followed.
    expect(ratio('light', { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'x', color: 'Good' }] }, 'emphasis')).toBe(1.95);
    expect(ratio('light', { type: 'TextBlock', text: 'x' })).toBe(15.48);
  });
});
