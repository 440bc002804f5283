// The lint rules bite: dependency-cruiser with the repo's own rules (.dependency-cruiser.cjs) reports each wrong
// arrow in a small tree laid out like the repo, under the right rule, and lets the allowed arrows through;
// ESLint with the repo's eslint.config.js reports a deliberate mistake.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));
const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs') as IConfiguration;

/** The probe tree: path → source. Each import is either allowed or meant to break exactly one rule. */
const files: Record<string, string> = {
  'src/kpi/engine.ts': 'export const kpi = 1;\n',
  'src/store/x.ts': "import { kpi } from '../kpi/engine.ts';\nexport const x = kpi;\n",
  'src/devtenant/y.ts': 'export const y = 1;\n',
  'src/reports/report.ts': "import { x } from '../store/x.ts';\nexport type Report = { x: number };\nexport const report = (): Report => ({ x });\n",
  'bot/probe.ts': 'export const b = 1;\n',

  // Wrong arrows.
  'src/api/probe.ts': "import { b } from '../../bot/probe.ts';\nexport const a = b;\n",
  'src/kpi/probe.ts': "import { x } from '../store/x.ts';\nexport const p = x;\n",
  'src/kpi/io.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  'src/jobs/x.ts': "import { y } from '../devtenant/y.ts';\nexport const j = y;\n",
  'src/index.ts': "import { y } from './devtenant/y.ts';\nexport const start = async () => (await import('./wiring/local.ts')).local + y;\n",
  'tab/src/bad.ts': "import { report } from '../../src/reports/report.ts';\nexport const shown = report();\n",
  'src/actions/up.ts': "import { start } from '../index.ts';\nexport const up = start;\n",
  'src/misc/thing.ts': "import { kpi } from '../kpi/engine.ts';\nexport const thing = kpi;\n",
  'src/graph/a.ts': "import { s } from '../sources/b.ts';\nexport const g = s;\n",
  'src/sources/b.ts': "import { g } from '../graph/a.ts';\nexport const s = () => g;\n",

  // Allowed arrows.
  'src/wiring/local.ts': "import { y } from '../devtenant/y.ts';\nexport const local = y;\n",
  'tab/src/view.ts': "import type { Report } from '../../src/reports/report.ts';\nimport { kpi } from '../../src/kpi/engine.ts';\nexport const view = (r: Report) => r.x + kpi;\n",
  'src/actions/ok.ts': "import { report } from '../reports/report.ts';\nexport const act = report;\n",
  'src/kpi/probe.test.ts': "import { x } from '../store/x.ts';\nimport { y } from '../devtenant/y.ts';\nexport const t = x + y;\n",
};

let tree = '';
let result: ICruiseResult;

beforeAll(async () => {
  tree = mkdtempSync(join(tmpdir(), 'tandem-architecture-'));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), source);
  }
  // The repo's options, less its tsconfig (the probe tree has none: its imports name their files exactly).
  const { tsConfig: _tsConfig, ...options } = config.options ?? {};
  const cruised = await cruise(['src', 'bot', 'tab'], { ...options, baseDir: tree, validate: true, ruleSet: { forbidden: config.forbidden ?? [] } });
  result = cruised.output as ICruiseResult;
});

afterAll(() => {
  if (tree !== '') rmSync(tree, { recursive: true, force: true });
});

/** Every reported violation as "rule: from → to". */
const violations = () => result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();

describe('dependency rules', () => {
  it('see every probe file', () => {
    expect(result.modules.filter((m) => m.coreModule !== true).map((m) => m.source).sort()).toEqual(Object.keys(files).sort());
  });

  it('see the allowed arrows, so their silence below means something', () => {
    const arrow = (from: string, to: string) => result.modules.find((m) => m.source === from)?.dependencies.find((d) => d.resolved === to);
    expect(arrow('src/wiring/local.ts', 'src/devtenant/y.ts')).toBeDefined();
    expect(arrow('src/index.ts', 'src/wiring/local.ts')).toMatchObject({ dynamic: true });
    expect(arrow('tab/src/view.ts', 'src/reports/report.ts')?.dependencyTypes).toContain('type-only');
    expect(arrow('src/kpi/probe.test.ts', 'src/devtenant/y.ts')).toBeDefined();
    expect(result.modules.flatMap((m) => m.dependencies).filter((d) => d.couldNotResolve)).toEqual([]);
  });

  it.each([
    ['surface-not-to-surface', 'src/api/probe.ts', 'bot/probe.ts'],
    ['kpi-is-pure', 'src/kpi/probe.ts', 'src/store/x.ts'],
    ['kpi-no-io', 'src/kpi/io.ts', 'fs'],
    ['devtenant-only-from-local-wiring', 'src/jobs/x.ts', 'src/devtenant/y.ts'],
    ['devtenant-by-dynamic-import-only', 'src/index.ts', 'src/devtenant/y.ts'],
    ['tab-browser-bundle', 'tab/src/bad.ts', 'src/reports/report.ts'],
    ['composition-root-on-top', 'src/actions/up.ts', 'src/index.ts'],
    ['sources-layer', 'src/sources/b.ts', 'src/graph/a.ts'],
    ['folder-in-a-layer', 'src/misc/thing.ts', 'src/kpi/engine.ts'],
  ])('%s: %s → %s', (rule, from, to) => {
    expect(violations()).toContain(`${rule}: ${from} → ${to}`);
  });

  it('no-folder-cycle: src/graph ⇄ src/sources (reported once per cycle, on one of its arrows)', () => {
    expect(violations().filter((v) => v.startsWith('no-folder-cycle:'))).toEqual([
      expect.stringMatching(/^no-folder-cycle: (src\/graph\/a\.ts → src\/sources\/b\.ts|src\/sources\/b\.ts → src\/graph\/a\.ts)$/),
    ]);
  });

  it('report nothing else: the allowed arrows and the tests pass, and each wrong arrow is reported once', () => {
    expect(violations().filter((v) => !v.startsWith('no-folder-cycle:'))).toEqual(
      [
        'composition-root-on-top: src/actions/up.ts → src/index.ts',
        'devtenant-by-dynamic-import-only: src/index.ts → src/devtenant/y.ts',
        'devtenant-only-from-local-wiring: src/jobs/x.ts → src/devtenant/y.ts',
        'folder-in-a-layer: src/misc/thing.ts → src/kpi/engine.ts',
        'kpi-is-pure: src/kpi/probe.ts → src/store/x.ts',
        'kpi-no-io: src/kpi/io.ts → fs',
        'sources-layer: src/sources/b.ts → src/graph/a.ts',
        'surface-not-to-surface: src/api/probe.ts → bot/probe.ts',
        'tab-browser-bundle: tab/src/bad.ts → src/reports/report.ts',
      ].sort(),
    );
  });
});

describe('ESLint', () => {
  it('reports a deliberate mistake with the repo config', async () => {
    const eslint = new ESLint({ cwd: repo });
    const [lint] = await eslint.lintText("const unused = 1;\nif (typeof unused == 'number') throw 'boom';\n", { filePath: join(repo, 'src/kpi/probe.ts') });
    expect(lint?.messages.map((m) => m.ruleId).sort()).toEqual(['eqeqeq', 'no-throw-literal']);
  });

  it('passes clean code', async () => {
    const eslint = new ESLint({ cwd: repo });
    const [lint] = await eslint.lintText('export const double = (n: number): number => n * 2;\n', { filePath: join(repo, 'src/kpi/probe.ts') });
    expect(lint?.messages).toEqual([]);
  });
});
