import { describe, expect, it } from 'vitest';
import { intlLocale, resolveLocale } from './locales.ts';

describe('resolveLocale', () => {
  it.each([
    ['en-US', 'en'], ['en-GB', 'en'], ['da', 'da'], ['da-DK', 'da'], ['DA_dk', 'da'], ['nl-NL', 'nl'], ['nl-BE', 'nl'],
    ['nb', 'nb'], ['nb-NO', 'nb'], ['no', 'nb'], ['no-NO', 'nb'], ['nn', 'nb'], ['nn-NO', 'nb'],
    ['de', 'de'], ['de-DE', 'de'], ['de-AT', 'de'], ['de-CH', 'de'], ['fr-FR', 'en'], ['sv-SE', 'en'], ['', 'en'],
    ['  ', 'en'], ['not a locale', 'en'], [null, 'en'], [undefined, 'en'], ['qps-ploc', 'qps-ploc'], ['en-XA', 'qps-ploc'],
  ])('%s → %s', (tag, expected) => {
    expect(resolveLocale(tag)).toBe(expected);
  });
});

describe('intlLocale', () => {
  it.each([
    ['en-GB', 'en-GB'], ['da-DK', 'da-DK'], ['de-CH', 'de-CH'], ['nl-BE', 'nl-BE'], ['nb-NO', 'nb-NO'],
    ['no-NO', 'nb-NO'], ['nn', 'nb'], ['fr-FR', 'en'], ['qps-ploc', 'en'], ['en-XA', 'en'], ['de_at', 'de-AT'],
    ['!!', 'en'], [undefined, 'en'],
  ])('%s → %s', (tag, expected) => {
    expect(intlLocale(tag)).toBe(expected);
  });
});
