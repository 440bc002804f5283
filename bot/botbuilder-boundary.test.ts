// botbuilder's support has ended: it stays confined to the adapter, so moving to the Teams SDK touches one file.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../', import.meta.url).pathname;

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, dir), { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name)).map((entry) => join(entry.parentPath, entry.name).slice(ROOT.length));
}

describe('the botbuilder boundary', () => {
  it('lets only bot/adapter.ts import botbuilder or its connector', async () => {
    const files = [...(await sources('bot')), ...(await sources('src'))];
    const importers: string[] = [];
    for (const file of files) {
      if (/from '(botbuilder|botframework-[a-z-]+)(\/[^']*)?'/.test(await readFile(join(ROOT, file), 'utf8'))) importers.push(file);
    }
    expect(importers).toEqual(['bot/adapter.ts']);
  });
});
