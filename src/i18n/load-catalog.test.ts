// The pages' catalogs: without messages.ts (the server's five), t() knows only the languages loaded so far.
import { describe, expect, it } from 'vitest';
import { hasCatalog, t } from './catalog.ts';
import { loadCatalog } from './load-catalog.ts';

describe('loading one language at a time', () => {
  it('starts with none, loads the reader\'s on demand and keeps it; English serves other languages and the pseudo-locale', async () => {
    expect(hasCatalog('da')).toBe(false);
    expect(t('da-DK', 'tab.signOut')).toBe('tab.signOut');

    await loadCatalog('da-DK');
    expect(t('da-DK', 'tab.signOut')).toBe('Log af');
    expect(hasCatalog('en')).toBe(false);
    expect(hasCatalog('de')).toBe(false);

    await Promise.all([loadCatalog('qps-ploc'), loadCatalog('fr-FR')]);
    expect(hasCatalog('en')).toBe(true);
    expect(t('fr-FR', 'tab.signOut')).toBe('Sign out');
    expect(t('qps-ploc', 'tab.signOut')).toMatch(/^\[Šîĝñ öûţ·+\]$/);
    expect(hasCatalog('nl')).toBe(false);
  });

  it('shares one load between callers asking at once', () => {
    expect(loadCatalog('nb-NO')).toBe(loadCatalog('no'));
  });
});
