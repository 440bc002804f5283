// The catalog lookup and the formats load up front in the tab and the Outlook pane: their import graph must stay
// free of packages (luxon, zod and windows-iana once reached the tab's first chunk through a kpi import; the
// engine's package-free rules, such as the ISO week, may come along), and of the catalogs themselves, which
// the pages load one language at a time (load-catalog.ts).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Modules reached by value imports (type-only imports are erased), and any package they import. */
function graph(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    for (const [, clause, from] of readFileSync(file, 'utf8').matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)) {
      if (clause !== undefined) continue;
      if (from!.startsWith('.')) visit(resolve(dirname(file), from!));
      else packages.add(from!);
    }
  };
  visit(fileURLToPath(new URL(entry, import.meta.url)));
  return { modules, packages };
}

describe('what the tab loads up front', () => {
  it.each(['./messages.ts', './format.ts', './time-zones.ts', './catalog.ts', './load-catalog.ts'])('%s imports no package and nothing outside src/i18n and src/kpi', (entry) => {
    const { modules, packages } = graph(entry);
    expect([...packages]).toEqual([]);
    expect([...modules].filter((file) => !/\/src\/(i18n|kpi)\//.test(file))).toEqual([]);
    expect(modules.size).toBeGreaterThan(3);
  });

  it.each(['./catalog.ts', './load-catalog.ts'])('%s (what the pages get for messages.ts) imports no catalog', (entry) => {
    const catalogs = [...graph(entry).modules].filter((file) => /\/src\/i18n\/(?:[a-z]{2}\.ts|[a-z]{2}\/)/.test(file));
    expect(catalogs).toEqual([]);
  });
});
