// The Teams app package: for every env template, the filled manifest validates against the official schema
// of its version (offline, from @microsoft/app-manifest) and Tandem's own rules; the zip holds exactly the
// manifest and the two icons; and the rules do catch what they are for.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { Resvg } from '@resvg/resvg-js';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../bot/commands.ts';
import { buildAppPackage, fillManifest, listEnvironments, PackageError, parseEnvFile, PROVISIONED, readPackageEnv, ROOT } from '../scripts/app-package.ts';
import { outlineSvg, renderIcons } from '../scripts/icons.ts';
import { domainCovers, manifestProblems, RSC_PERMISSIONS, type AppManifest } from '../scripts/manifest-rules.ts';
import { localizeManifest, type LocalizableManifest } from '../scripts/manifest-localization.ts';
import { decodePng } from '../scripts/png.ts';
import { t } from '../src/i18n/messages.ts';
import { kpiTabLink } from '../src/reports/tab-link.ts';

const run = promisify(execFile);
const SCHEMAS = join(ROOT, 'node_modules/@microsoft/app-manifest/build/json-schemas/teams');
/** What `teamsapp provision` would write into a template whose ids are still empty. */
const PROVISIONED_SAMPLE = { TEAMS_APP_ID: 'a1b2c3d4-0000-4000-8000-000000000001', BOT_ID: 'a1b2c3d4-0000-4000-8000-000000000002', AAD_APP_CLIENT_ID: 'a1b2c3d4-0000-4000-8000-000000000003', AAD_APP_TENANT_ID: 'a1b2c3d4-0000-4000-8000-00000000000a' };

async function provisionedOverrides(environment: string): Promise<Record<string, string>> {
  const raw = parseEnvFile(await readFile(join(ROOT, 'env', `.env.${environment}`), 'utf8'));
  return Object.fromEntries(PROVISIONED.filter((name) => !raw[name]).map((name) => [name, PROVISIONED_SAMPLE[name]]));
}

const environments = await listEnvironments();
/** Test builds stay out of appPackage/build, where a package with sample ids could be mistaken for a real one. */
const OUT = await mkdtemp(join(tmpdir(), 'tandem-package-'));

describe('app package', () => {
  afterAll(() => rm(OUT, { recursive: true, force: true }));

  it('has env templates for local and dev, with no secrets in them', async () => {
    expect(environments).toEqual(expect.arrayContaining(['dev', 'local']));
    for (const environment of environments) {
      const names = Object.keys(parseEnvFile(await readFile(join(ROOT, 'env', `.env.${environment}`), 'utf8')));
      expect(names.filter((name) => /SECRET|PASSWORD|KEY$/i.test(name))).toEqual([]);
    }
  });

  it('uses the newest manifest schema the package ships offline, 1.23 or newer', async () => {
    const template = JSON.parse(await readFile(join(ROOT, 'manifest/manifest.json'), 'utf8')) as { manifestVersion: string; $schema: string };
    const newest = (await readdir(SCHEMAS))
      .flatMap((dir) => /^v(\d+\.\d+)$/.exec(dir)?.[1] ?? [])
      .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
      .at(-1);
    expect(newest).toBeDefined();
    expect(template.manifestVersion).toBe(newest);
    expect(Number(template.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(23);
    expect(template.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`);
  });

  it.each(environments)('builds appPackage.%s.zip whose manifest passes the schema and the rules', async (environment) => {
    const built = await buildAppPackage(environment, { overrides: await provisionedOverrides(environment), outDir: OUT });
    expect(built.zipPath).toBe(join(OUT, `appPackage.${environment}.zip`));
    const files = unzipSync(await readFile(built.zipPath));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'da.json', 'de.json', 'manifest.json', 'nb.json', 'nl.json', 'outline.png']);
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as AppManifest & Record<string, unknown>;
    // Teams' command menu in Danish offers the words the bot parses, described in Danish.
    const danish = JSON.parse(Buffer.from(files['da.json']!).toString('utf8')) as Record<string, string>;
    expect(danish['bots[0].commandLists[0].commands[0].title']).toBe('resultatkort');
    expect(parseCommand(danish['bots[0].commandLists[0].commands[0].title']!)).toEqual({ kind: 'scorecard', last: false });
    expect(danish['bots[0].commandLists[0].commands[4].description']).toBe('VA’ens fridage, der stopper uret, fx “fri 2026-12-24 2026-12-31”');
    expect(danish['staticTabs[0].name']).toBe('Nøgletal');
    expect(JSON.parse(Buffer.from(files['de.json']!).toString('utf8'))).toMatchObject({ 'name.short': manifest.name.short, 'description.short': t('de', 'manifest.description.short') });
    // Checked again from the zip's bytes, independently of the build's own check.
    expect(await AppManifestUtils.validateAgainstSchema(manifest as never)).toEqual([]);
    const env = await readPackageEnv(environment, ROOT, await provisionedOverrides(environment));
    expect(manifestProblems(manifest, { color: files['color.png']!, outline: files['outline.png']! }, env)).toEqual([]);
    expect(manifest.validDomains).toEqual([env.TAB_DOMAIN]);
    expect(manifest.bots?.[0]?.botId).toBe(env.BOT_ID);
    // The summary mail's deep link names the app and the static tab this manifest declares.
    expect(kpiTabLink(manifest.id, 'p', { view: 'messages', week: '2026-W47' })).toContain(`/l/entity/${manifest.id}/${manifest.staticTabs?.[0]?.entityId}?`);
  });

  it('refuses English manifest text the catalog does not say, and a language list that misses a catalog', async () => {
    const overrides = await provisionedOverrides('local');
    const env = await readPackageEnv('local', ROOT, overrides);
    const manifest = fillManifest(await readFile(join(ROOT, 'manifest/manifest.json'), 'utf8'), env) as unknown as LocalizableManifest;
    expect((await localizeManifest(manifest, env.APP_NAME_SUFFIX)).problems).toEqual([]);
    const drifted = {
      ...manifest,
      description: { ...manifest.description, short: 'Targets for owners and VAs.' },
      localizationInfo: { defaultLanguageTag: 'en-us', additionalLanguages: [{ languageTag: 'da', file: 'da.json' }] },
    };
    const { problems } = await localizeManifest(drifted, env.APP_NAME_SUFFIX);
    expect(problems).toEqual([
      `manifest description.short must say what the catalog's English says: ${JSON.stringify(t('en', 'manifest.description.short'))}`,
      expect.stringContaining('localizationInfo.additionalLanguages must be'),
    ]);
    const tooLong = { ...manifest, name: { ...manifest.name, short: 'Tandem'.repeat(6) } };
    expect((await localizeManifest(tooLong, env.APP_NAME_SUFFIX)).problems).toContain('da.json: /name.short must NOT have more than 30 characters');
  });

  it('builds the same bytes from the same inputs', async () => {
    const first = await readFile((await buildAppPackage('local', { outDir: OUT })).zipPath);
    const second = await readFile((await buildAppPackage('local', { outDir: OUT })).zipPath);
    expect(second.equals(first)).toBe(true);
  });

  it('refuses an environment that was never provisioned, naming what is missing', async () => {
    const raw = parseEnvFile(await readFile(join(ROOT, 'env/.env.dev'), 'utf8'));
    expect(raw.TEAMS_APP_ID).toBe('');
    await expect(readPackageEnv('dev')).rejects.toThrow(/TEAMS_APP_ID, BOT_ID, AAD_APP_CLIENT_ID, AAD_APP_TENANT_ID not set yet; run `teamsapp provision --env dev`/);
    await expect(readPackageEnv('local', ROOT, { TAB_ENDPOINT: 'http://plain.example.com' })).rejects.toThrow(/TAB_ENDPOINT must be an https:\/\/ URL/);
  });

  it('renders a 192 px opaque colour icon and a 32 px white-on-transparent outline from one SVG', async () => {
    const svg = await readFile(join(ROOT, 'manifest/icon.svg'), 'utf8');
    const { color, outline } = renderIcons(svg);
    const colorPixels = decodePng(color);
    const outlinePixels = decodePng(outline);
    expect([colorPixels.width, colorPixels.height, outlinePixels.width, outlinePixels.height]).toEqual([192, 192, 32, 32]);
    expect(outlinePixels.rgba[3]).toBe(0);
    expect(colorPixels.rgba.slice(0, 4)).toEqual(new Uint8Array([0x0f, 0x6c, 0xbd, 255]));
    expect(outlineSvg(svg)).not.toContain('0F6CBD');
  });

  describe('rules the schema cannot express', () => {
    const base = async () => {
      const env = await readPackageEnv('local');
      const manifest = fillManifest(await readFile(join(ROOT, 'manifest/manifest.json'), 'utf8'), env);
      return { env, manifest: manifest as AppManifest & Record<string, unknown>, icons: renderIcons(await readFile(join(ROOT, 'manifest/icon.svg'), 'utf8')) };
    };

    it('finds each broken rule', async () => {
      const { env, manifest, icons } = await base();
      expect(manifestProblems(manifest, icons, env)).toEqual([]);
      const broken = {
        ...manifest,
        id: 'tandem-app',
        staticTabs: [{ entityId: 'kpi', contentUrl: 'https://elsewhere.example.net/tab/' }],
        webApplicationInfo: { id: env.AAD_APP_CLIENT_ID, resource: `api://other.example.com/${env.AAD_APP_CLIENT_ID}` },
        authorization: { permissions: { resourceSpecific: [...RSC_PERMISSIONS.map((name) => ({ name, type: 'Application' })), { name: 'ChatSettings.Read.Chat', type: 'Application' }] } },
        bots: [{ botId: env.BOT_ID, commandLists: [{ commands: [{ title: 'scorecard' }] }] }],
        name: { short: 'Tandem for Teams' },
      };
      const colorOutline = renderIcons((await readFile(join(ROOT, 'manifest/icon.svg'), 'utf8')).replace('viewBox="0 0 192 192"', 'viewBox="0 0 96 96"'));
      const problems = manifestProblems(broken, { color: icons.color, outline: colorOutline.color }, env);
      expect(problems).toEqual([
        'id must be a GUID (got "tandem-app")',
        'https://elsewhere.example.net/tab/: elsewhere.example.net is not in validDomains',
        `webApplicationInfo.resource must be api://localhost:3978/${env.AAD_APP_CLIENT_ID} (the tab's domain and the SSO app), got api://other.example.com/${env.AAD_APP_CLIENT_ID}`,
        'the static tab "kpi" (the summary mail links to it) must show https://localhost:3978/tab/',
        'bots[0] commands must be scorecard, waiting, feedback, settings, leave, review, help, offboard; got scorecard',
        'resource-specific permissions must be exactly ChatMessage.Read.Chat; got ChatMessage.Read.Chat, ChatSettings.Read.Chat',
        'the app name "Tandem for Teams" uses a word the store reserves',
        'outline.png is 192×192, must be 32×32',
      ]);
    });

    it('an outline icon in colour or without transparency is refused', async () => {
      const { env, manifest, icons } = await base();
      const png = (body: string) => Buffer.from(new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">${body}</svg>`).render().asPng());
      const problemsWith = (outline: Buffer) => manifestProblems(manifest, { color: icons.color, outline }, env);
      expect(problemsWith(png('<circle cx="16" cy="16" r="8" fill="#FFFFFF"/>'))).toEqual([]);
      expect(problemsWith(png('<circle cx="16" cy="16" r="8" fill="#FF0000"/>'))).toEqual([expect.stringMatching(/^outline\.png has a non-white pixel \(255,0,0\)/)]);
      expect(problemsWith(png('<rect width="32" height="32" fill="#FFFFFF"/>'))).toEqual(['outline.png has no transparent background']);
      expect(problemsWith(png(''))).toEqual(['outline.png is empty']);
    });

    it('a placeholder without a value is an error, not a blank', () => {
      expect(() => fillManifest('{"id":"${{TEAMS_APP_ID}}","x":"${{NOPE}}"}', { TEAMS_APP_ID: 'x' })).toThrow(PackageError);
      expect(() => fillManifest('{"id":"${{TEAMS_APP_ID}}","x":"${{NOPE}}"}', { TEAMS_APP_ID: 'x' })).toThrow('manifest placeholders without a value: NOPE');
      expect(fillManifest('{"name":"${{N}}"}', { N: 'a "quoted" name' })).toEqual({ name: 'a "quoted" name' });
    });

    it('validDomains wildcards cover sub-domains only', () => {
      expect(domainCovers(['*.example.com'], 'tab.example.com')).toBe(true);
      expect(domainCovers(['*.example.com'], 'example.com')).toBe(false);
      expect(domainCovers(['*.example.com'], 'evilexample.com')).toBe(false);
      expect(domainCovers(['localhost:3978'], 'localhost:3978')).toBe(true);
      expect(domainCovers(['localhost:3978'], 'localhost:4000')).toBe(false);
    });
  });

  it('`npm run package` builds every provisioned environment and explains the others', async () => {
    const ok = await run('node', ['--import', 'tsx', 'scripts/package.ts', 'local'], { cwd: ROOT });
    expect(ok.stdout).toBe('appPackage/build/appPackage.local.zip  (manifest 3c1f7a52-8d0e-4b6a-9f21-5e7d0c4a1b01)\n');
    const failed = await run('node', ['--import', 'tsx', 'scripts/package.ts', 'dev'], { cwd: ROOT }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('package: env/.env.dev: TEAMS_APP_ID, BOT_ID, AAD_APP_CLIENT_ID, AAD_APP_TENANT_ID not set yet');
  });
});
