// @ts-check
// Dependency rules: the layering of issue #15 written down, so a wrong arrow fails `npm run lint` (and so `npm test`).
//
// Each layer is an allow-list: a rule forbids every import of our own code (src/, bot/, tab/) except the
// folders the layer may use. Packages and node: builtins are free except where a rule says otherwise.
// Tests (`*.test.ts`, `test/**`) are exempt from the layering: they wire real pieces together and may use the
// dev tenant's stand-ins. test/architecture.test.ts loads this file and proves the rules bite.
//
// The layers, bottom up:
//   src/kpi (pure engine) <- src/i18n, src/ports <- src/store, src/sources <- src/graph, src/reports
//   src/auth (token validation) beside src/graph
//   <- src/actions <- src/jobs <- surfaces (src/api, bot, src/mail, tab)
//   <- composition root (src/index.ts, src/wiring) and the CLI (src/cli, src/cli.ts).
//   src/devtenant (local stand-ins) sits beside all of them and is loaded only by the local wiring.

/** Regexes are matched against paths relative to the repo root, with forward slashes. */
const TESTS = ['\\.test\\.tsx?$', '^test/'];
/** Everything that is our code: what the allow-list rules look at (tests: rule not-to-test). */
const OURS = '^(src|bot|tab)/';
const SURFACES = '^(src/api|src/mail|bot|tab)/';
const COMPOSITION_ROOT = ['^src/index\\.ts$', '^src/wiring/', '^src/cli/', '^src/cli\\.ts$'];
const LEFT_TO_OWN_RULES = ['^src/devtenant/', ...COMPOSITION_ROOT, ...TESTS];

/**
 * An allow-list rule: modules under `from` may import nothing of ours except what matches one of `allowed`.
 * Imports of src/devtenant, of the composition root and of tests are left to their own rules below, so each wrong
 * arrow is reported once, under the rule that says best why it is wrong.
 * @param {string} name @param {string} comment @param {string} from @param {string[]} allowed
 * @returns {import('dependency-cruiser').IForbiddenRuleType}
 */
function layer(name, comment, from, allowed) {
  return { name, comment, severity: 'error', from: { path: from, pathNot: TESTS }, to: { path: OURS, pathNot: [...allowed, ...LEFT_TO_OWN_RULES] } };
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // ---- The engine -------------------------------------------------------------------------------------------
    layer(
      'kpi-is-pure',
      'src/kpi is the pure KPI engine: everything else builds on it, so it may use nothing of ours outside src/kpi.',
      '^src/kpi/',
      ['^src/kpi/'],
    ),
    {
      name: 'kpi-no-io',
      comment:
        'src/kpi is pure computation, run identically by the server, the CLI, the tab and the benches: no node: ' +
        'builtins, and of packages only pure ones (luxon for time, zod for settings, windows-iana for zone names). ' +
        'Add a package here only if it does no I/O.',
      severity: 'error',
      from: { path: '^src/kpi/', pathNot: TESTS },
      to: {
        dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown'],
        pathNot: ['^node_modules/(@types/)?(luxon|zod|windows-iana)/'],
      },
    },

    // ---- Leaves beside the engine -----------------------------------------------------------------------------
    layer(
      'i18n-layer',
      'src/i18n (catalogs and formatting) is shared by every surface, the tab included: it may use only itself and src/kpi.',
      '^src/i18n/',
      ['^src/(i18n|kpi)/'],
    ),
    {
      name: 'i18n-browser-safe',
      comment: 'The tab bundles src/i18n for the browser, where node: builtins do not exist.',
      severity: 'error',
      from: { path: '^src/i18n/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    layer(
      'ports-layer',
      'src/ports are the interfaces of outside services (Graph, chat, mail, clock): they speak in src/kpi terms and nothing else, ' +
        'so every layer can depend on them and none of them drags an implementation in.',
      '^src/ports/',
      ['^src/(ports|kpi)/'],
    ),

    layer(
      'log-and-config-are-leaves',
      'src/log.ts and src/config.ts are used by nearly every layer, so they may use nothing of ours but src/kpi: ' +
        'anything more would leak into all of those layers at once.',
      '^src/(log|config)\\.ts$',
      ['^src/kpi/'],
    ),

    // ---- Persistence and importers ----------------------------------------------------------------------------
    layer(
      'store-layer',
      'src/store persists what the engine computes: it may use src/kpi, itself, the pure catalogs of src/i18n (locale ' +
        'tags), the port types and src/log.ts, never a read model, a job or a surface (they use the store, not the other way round).',
      '^src/store/',
      ['^src/(kpi|store|ports|i18n)/', '^src/log\\.ts$'],
    ),
    {
      name: 'store-ports-types-only',
      comment: 'The store only names the port types in its signatures; implementations of the ports live above it.',
      severity: 'error',
      from: { path: '^src/store/', pathNot: TESTS },
      to: { path: '^src/ports/', dependencyTypesNot: ['type-only'] },
    },
    layer(
      'sources-layer',
      'src/sources (mbox, .eml, Graph export importers) turn files into engine messages: only src/kpi and itself, ' +
        'so the CLI and the Graph sync can share them without pulling in the store.',
      '^src/sources/',
      ['^src/(kpi|sources)/'],
    ),
    layer(
      'graph-layer',
      'src/graph (msal and the Graph sync) implements the mailbox ports: it may use src/kpi, src/sources, src/ports, ' +
        'src/store, src/i18n, src/log.ts and src/config.ts, never a job, a surface or the dev tenant.',
      '^src/graph/',
      ['^src/(kpi|sources|ports|store|i18n|graph)/', '^src/(log|config)\\.ts$'],
    ),

    layer(
      'auth-layer',
      'src/auth validates the tokens Entra (or the dev identity) issues for the tab and the Outlook pane: it may use ' +
        'src/kpi, the store (known tenants), src/log.ts and the Graph layer\'s HTTPS client for signing keys.',
      '^src/auth/',
      ['^src/(kpi|store|auth)/', '^src/graph/https-network-client\\.ts$', '^src/log\\.ts$'],
    ),

    // ---- Application --------------------------------------------------------------------------------------------
    layer(
      'reports-layer',
      'src/reports are the read models every surface shows (tab, cards, mail, CSV): src/kpi, src/store, src/ports, ' +
        'src/i18n and src/log.ts only, so a surface never has to borrow another surface\'s reading code.',
      '^src/reports/',
      ['^src/(kpi|store|ports|i18n|reports)/', '^src/log\\.ts$'],
    ),
    layer(
      'actions-layer',
      'src/actions are the commands every surface runs (settings, leave, feedback, offboard): they may read through ' +
        'src/reports but never reach up into a job or a surface.',
      '^src/actions/',
      ['^src/(kpi|store|reports|ports|i18n|actions)/', '^src/log\\.ts$'],
    ),
    layer(
      'jobs-layer',
      'src/jobs (scheduled sync and deliveries) sit under the surfaces: they send through src/ports, never by ' +
        'importing the bot, the mail renderer or the API.',
      '^src/jobs/',
      ['^src/(kpi|store|reports|actions|ports|i18n|jobs)/', '^src/log\\.ts$'],
    ),

    // ---- Surfaces ------------------------------------------------------------------------------------------------
    {
      name: 'surface-not-to-surface',
      comment:
        'The surfaces (src/api, bot, src/mail, tab) are independent ways into the same application: ' +
        'what two of them share belongs in src/reports or src/actions, never in one surface imported by another.',
      severity: 'error',
      from: { path: SURFACES, pathNot: TESTS },
      to: { path: SURFACES, pathNot: '^$1/' },
    },
    layer(
      'surface-layer',
      'A surface may use src/kpi, src/i18n, src/reports, src/actions, src/ports, src/log.ts, src/config.ts and itself: ' +
        'not the store, the Graph client, the jobs or the importers directly (they are wired in by the composition root). ' +
        'It may name the types of stored rows, of the token validator and of the job system\'s renderer port ' +
        '(rule surface-types-only).',
      SURFACES,
      ['^src/(kpi|i18n|reports|actions|ports|store|auth)/', '^src/jobs/renderers\\.ts$', '^src/(log|config)\\.ts$', SURFACES],
    ),
    {
      name: 'surface-types-only',
      comment:
        'A surface reads through src/reports and writes through src/actions; from the store, the token validator and ' +
        'the renderer port it takes type names only (a Pairing, an AuthenticatedUser, a RitualPost), never code.',
      severity: 'error',
      from: { path: SURFACES, pathNot: TESTS },
      to: { path: ['^src/(store|auth)/', '^src/jobs/renderers\\.ts$'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'surface-config-types-only',
      comment: 'Surfaces get their configuration handed in by the composition root; they may name its type, not load it.',
      severity: 'error',
      from: { path: SURFACES, pathNot: TESTS },
      to: { path: '^src/config\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'tab-browser-bundle',
      comment:
        'tab/ runs in the browser: at run time it may load only tab/, src/kpi and src/i18n. Read models, actions, ports ' +
        'and the log are server code, so from there it may import types only (the API\'s response shapes); the two ' +
        'read-model modules that are plain data (the check-in questions, the Teams deep link) are shared as code.',
      severity: 'error',
      from: { path: '^tab/', pathNot: TESTS },
      to: {
        path: ['^src/(reports|actions|ports)/', '^src/(log|config)\\.ts$'],
        pathNot: ['^src/reports/(feedback-questions|tab-link)\\.ts$'],
        dependencyTypesNot: ['type-only'],
      },
    },

    {
      name: 'tab-no-node',
      comment: 'tab/src is bundled for the browser (Teams tab, Outlook add-in pane), where node: builtins do not exist.',
      severity: 'error',
      from: { path: '^tab/src/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },

    // ---- Dev tenant and composition root -----------------------------------------------------------------------
    {
      name: 'devtenant-only-from-local-wiring',
      comment:
        'src/devtenant (fake Graph, fake identity, seeded mailboxes) must never be part of a production build: only ' +
        'itself, src/wiring/local*.ts and tests import it; the composition root and the CLI\'s devtenant command ' +
        'load it by dynamic import (rule devtenant-by-dynamic-import-only).',
      severity: 'error',
      from: {
        pathNot: [
          ...TESTS,
          '^src/devtenant/',
          '^src/wiring/',
          '^src/index\\.ts$',
          '^src/cli/devtenant-command\\.ts$',
        ],
      },
      to: { path: '^src/devtenant/' },
    },
    {
      name: 'devtenant-by-dynamic-import-only',
      comment:
        'The composition root and `tandem devtenant` load the local stand-ins with import() only when local mode ' +
        'asks for them, so a production start never loads (or even parses) the dev tenant.',
      severity: 'error',
      from: {
        path: ['^src/index\\.ts$', '^src/wiring/', '^src/cli/devtenant-command\\.ts$'],
        pathNot: ['^src/wiring/local[^/]*\\.ts$', ...TESTS],
      },
      to: {
        path: ['^src/devtenant/', '^src/wiring/local[^/]*\\.ts$'],
        dynamic: false,
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'composition-root-on-top',
      comment:
        'src/index.ts, src/wiring and the CLI are the tops of the graph: they may import anything, so nothing below ' +
        'may import them (that would be a cycle waiting to happen).',
      severity: 'error',
      from: { pathNot: [...TESTS, ...COMPOSITION_ROOT] },
      to: { path: COMPOSITION_ROOT },
    },

    // ---- Hygiene -------------------------------------------------------------------------------------------------
    {
      name: 'folder-in-a-layer',
      comment:
        'Every module under src/ belongs to a layer above (or is src/log.ts, src/config.ts, src/cli.ts, src/index.ts): ' +
        'a new folder\'s imports would go unchecked, so give it a layer rule here before it lands.',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: [
          '^src/(kpi|i18n|ports|store|sources|graph|auth|reports|actions|jobs|api|mail|cli|devtenant|wiring)/',
          '^src/(log|config|cli|index)\\.ts$',
          ...TESTS,
        ],
      },
      to: { path: OURS },
    },
    {
      name: 'no-folder-cycle',
      comment:
        'No cycle between top-level folders: a cycle makes two layers one, whatever the rules above say. ' +
        'Reported on each import that closes a cycle through another folder.',
      severity: 'error',
      from: { path: '^(src/[^/.]+|bot|tab)/', pathNot: TESTS },
      to: { circular: true, via: { pathNot: '^$1/' } },
    },
    {
      name: 'not-to-test',
      comment: 'Production code never imports tests or test support.',
      severity: 'error',
      from: { pathNot: TESTS },
      to: { path: TESTS },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'An import dependency-cruiser cannot resolve is an import no rule can check (tsc reports the broken ones too).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Packages are leaves: their insides are not ours to check, and following them would cost seconds.
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^test/artifacts/', '^test/fixtures/', '^\\.tandem/'] },
    // Count `import type` too, marked 'type-only', so rules can allow types where they forbid code.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
