// The repository stands alone (issue #15): a fresh clone builds, runs and tests without the sibling folder
// the project once read specs, schemas and real mail from. Everything it needs is vendored under test/fixtures.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Built from pieces so this file does not contain what it looks for. */
const NEEDLE = ['..', 'shared'].join('/');
/** Whatever is read at build, run or test time: code, tests, scripts, benches and the build's own config. */
const CHECKED = ['src', 'bot', 'tab', 'test', 'scripts', 'bench', 'bin', '.ci', 'package.json', 'tsconfig.json', 'vitest.config.ts', 'Dockerfile', 'compose.yaml', 'teamsapp.yml'];

/** Tracked files under `paths`, or null outside a Git checkout (e.g. an unpacked archive). */
function trackedFiles(paths: readonly string[]): string[] | null {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--', ...paths], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return out.split('\0').filter((path) => path !== '');
  } catch {
    return null;
  }
}

/** Every file under `paths` on disk, for checkouts without Git. */
function filesOnDisk(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    const full = join(ROOT, path);
    if (!existsSync(full)) return [];
    if (!statSync(full).isDirectory()) return [path];
    return readdirSync(full, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
  });
}

function filesIn(dir: string): number {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

const SCHEMAS = ['adaptive-card-1.5.0.json', 'hostconfig-teams-light.json', 'hostconfig-teams-dark.json'];
const MAILBOXES = [
  ['badeer-r', 877],
  ['cuilla-m', 798],
] as const;

describe('the repository stands alone', () => {
  it(`no file read at build, run or test time mentions ${NEEDLE}`, () => {
    const files = trackedFiles(CHECKED) ?? filesOnDisk(CHECKED);
    expect(files.length).toBeGreaterThan(100);
    const offending = files.filter((path) => {
      const full = join(ROOT, path);
      // A tracked file deleted in the working tree is someone's change in progress, not something read.
      return existsSync(full) && readFileSync(full).includes(NEEDLE);
    });
    expect(offending).toEqual([]);
  });

  it('vendors the Adaptive Cards schema and the Teams host configs, with their provenance', () => {
    for (const name of SCHEMAS) {
      const parsed: unknown = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/schemas', name), 'utf8'));
      expect(parsed, name).toBeTypeOf('object');
    }
    const readme = readFileSync(join(ROOT, 'test/fixtures/schemas/README.md'), 'utf8');
    expect(readme).toContain('microsoft/AdaptiveCards');
    expect(readme).toContain('MIT');
  });

  it('vendors the two Enron mailboxes whole, with their provenance', () => {
    const tracked = trackedFiles(['test/fixtures/enron']);
    for (const [mailbox, count] of MAILBOXES) {
      const dir = `test/fixtures/enron/${mailbox}`;
      expect(filesIn(dir), dir).toBe(count);
      // Committed, not just present in this working tree.
      if (tracked !== null) expect(tracked.filter((path) => path.startsWith(`${dir}/`)).length, `${dir} tracked`).toBe(count);
    }
    const readme = readFileSync(join(ROOT, 'test/fixtures/enron/README.md'), 'utf8');
    expect(readme).toContain('FERC');
    expect(readme).toContain('Carnegie Mellon');
  });
});
