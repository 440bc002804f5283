// The Outlook add-in in the app manifest: for every environment the packaged manifest, add-in included,
// passes the official schema and the add-in rules; everything the add-in makes Outlook load is in the zip
// or served by Tandem at that URL; the ribbon icons are a fresh render of the app's icon; the schema and the
// rules catch what they are for; the Entra app lets Outlook broker the pane's sign-in (NAA).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { unzipSync } from 'fflate';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADDIN_ICON_SIZES, ADDIN_PERMISSIONS, addinProblems, addinUrls, type ManifestWithAddin } from '../scripts/addin-manifest.ts';
import { ADDIN_ICON_DIR, addinIconFile, renderAddinIcons } from '../scripts/addin-icons.ts';
import { buildAppPackage, listEnvironments, parseEnvFile, PROVISIONED, readPackageEnv, ROOT } from '../scripts/app-package.ts';
import { decodePng } from '../scripts/png.ts';
import { tabAssets } from '../src/api/tab-assets.ts';
import { ensureTabBuilt, TAB_DIST } from '../src/api/tab-build.ts';

const PROVISIONED_SAMPLE = { TEAMS_APP_ID: 'a1b2c3d4-0000-4000-8000-000000000001', BOT_ID: 'a1b2c3d4-0000-4000-8000-000000000002', AAD_APP_CLIENT_ID: 'a1b2c3d4-0000-4000-8000-000000000003', AAD_APP_TENANT_ID: 'a1b2c3d4-0000-4000-8000-00000000000a' };

async function overrides(environment: string): Promise<Record<string, string>> {
  const raw = parseEnvFile(await readFile(join(ROOT, 'env', `.env.${environment}`), 'utf8'));
  return Object.fromEntries(PROVISIONED.filter((name) => !raw[name]).map((name) => [name, PROVISIONED_SAMPLE[name]]));
}

type Manifest = ManifestWithAddin & Record<string, unknown>;
const environments = await listEnvironments();
/** The server's /tab mount, over the built bundle. */
const server = new Hono().route('/tab', tabAssets(TAB_DIST));

beforeAll(async () => {
  await ensureTabBuilt();
}, 120_000);

describe.each(environments)('the Outlook add-in in appPackage.%s.zip', (environment) => {
  let manifest: Manifest;
  let files: Record<string, Uint8Array>;
  let env: Awaited<ReturnType<typeof readPackageEnv>>;

  beforeAll(async () => {
    const built = await buildAppPackage(environment, { overrides: await overrides(environment) });
    files = unzipSync(await readFile(built.zipPath));
    manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as Manifest;
    env = await readPackageEnv(environment, ROOT, await overrides(environment));
  });

  it('passes the official schema and the add-in rules', async () => {
    expect(await AppManifestUtils.validateAgainstSchema(manifest as never)).toEqual([]);
    expect(addinProblems(manifest, env)).toEqual([]);
    const extension = manifest.extensions![0]!;
    expect(extension.requirements).toEqual({ scopes: ['mail'], capabilities: [{ name: 'Mailbox', minVersion: '1.5' }] });
    expect(extension.ribbons!.map((ribbon) => ribbon.contexts)).toEqual([['mailRead']]);
    // The least item permission that lets the pane write the category; never the whole mailbox.
    const permissions = (manifest.authorization?.permissions?.resourceSpecific ?? []).map((permission) => permission.name);
    expect(permissions).toEqual(expect.arrayContaining([...ADDIN_PERMISSIONS]));
    expect(permissions).not.toContain('Mailbox.ReadWrite.User');
  });

  it('makes Outlook load only what the zip holds or Tandem serves at that URL', async () => {
    const urls = addinUrls(manifest);
    expect(urls).toHaveLength(1 + 2 * ADDIN_ICON_SIZES.length);
    for (const url of urls) {
      const parsed = new URL(url);
      if (!url.startsWith(env.TAB_ENDPOINT)) {
        expect(Object.keys(files), url).toContain(parsed.pathname.replace(/^\//, ''));
        continue;
      }
      const response = await server.request(`${parsed.pathname}${parsed.search}`);
      expect(response.status, url).toBe(200);
      if (parsed.pathname.endsWith('.png')) {
        expect(response.headers.get('content-type')).toBe('image/png');
        const size = decodePng(new Uint8Array(await response.arrayBuffer())).width;
        expect(url).toContain(`icon-${size}.png`);
      } else {
        const html = await response.text();
        expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
        expect(html).toMatch(/<script type="module"[^>]+src="\/tab\/assets\/addin-[^"]+\.js"/);
      }
    }
  });
});

it('the ribbon icons are the app icon rendered at 16, 32 and 80 px (run scripts/addin-icons.ts after changing it)', async () => {
  for (const [name, png] of await renderAddinIcons()) {
    expect(Buffer.from(await readFile(join(ADDIN_ICON_DIR, name))).equals(png), name).toBe(true);
  }
  for (const size of ADDIN_ICON_SIZES) {
    const pixels = decodePng(await readFile(join(ADDIN_ICON_DIR, addinIconFile(size))));
    expect([pixels.width, pixels.height]).toEqual([size, size]);
  }
});

describe('what the schema and the rules catch', () => {
  let good: Manifest;
  let env: Awaited<ReturnType<typeof readPackageEnv>>;
  beforeAll(async () => {
    const built = await buildAppPackage('local');
    good = built.manifest as unknown as Manifest;
    env = await readPackageEnv('local');
  });
  const withExtension = (change: (extension: Record<string, unknown>) => Record<string, unknown>): Manifest => ({
    ...good,
    extensions: [change(JSON.parse(JSON.stringify(good.extensions![0])) as Record<string, unknown>)] as never,
  });

  it('the schema refuses an unknown ribbon context and a pane without a page', async () => {
    const badContext = withExtension((extension) => ({ ...extension, ribbons: [{ ...(extension.ribbons as object[])[0], contexts: ['mailReading'] }] }));
    expect(await AppManifestUtils.validateAgainstSchema(badContext as never)).not.toEqual([]);
    const noPage = withExtension((extension) => ({ ...extension, runtimes: [{ ...(extension.runtimes as object[])[0], code: {} }] }));
    expect(await AppManifestUtils.validateAgainstSchema(noPage as never)).not.toEqual([]);
  });

  it('the rules name each broken add-in rule', () => {
    expect(addinProblems({ ...good, extensions: [] }, env)).toEqual(['extensions: the Outlook add-in is missing']);
    const broken = withExtension((extension) => {
      const runtime = (extension.runtimes as { actions: object[]; code: { page: string } }[])[0]!;
      return {
        ...extension,
        requirements: { scopes: ['mail', 'document'], capabilities: [{ name: 'Mailbox', minVersion: '1.1' }] },
        runtimes: [{ ...runtime, code: { page: 'http://elsewhere.example.net/pane.html' }, actions: [{ id: 'openTandemPane', type: 'openPage' }] }],
      };
    });
    const problems = addinProblems({ ...broken, authorization: { permissions: { resourceSpecific: [{ name: 'Mailbox.ReadWrite.User', type: 'Delegated' }] } } }, env);
    expect(problems).toEqual([
      'the add-in\'s requirements.scopes must be exactly ["mail"]',
      'the add-in must require Mailbox 1.5, got 1.1',
      `a runtime must open the task pane at ${env.TAB_ENDPOINT}/tab/addin/?clientId=${env.AAD_APP_CLIENT_ID}&tenantId=${env.AAD_APP_TENANT_ID}&appId=${env.TEAMS_APP_ID}`,
      'the task pane action must be an openPage action that can be pinned',
      'the "Tandem" button must open the task pane action',
      'http://elsewhere.example.net/pane.html must be https inside validDomains',
      'the add-in\'s delegated permissions must be exactly MailboxItem.ReadWrite.User, Mailbox.SharedFolder; got Mailbox.ReadWrite.User',
    ]);
    const wrongIcon = withExtension((extension) => JSON.parse(JSON.stringify(extension).replace('icon-80.png', 'icon-64.png')) as Record<string, unknown>);
    expect(addinProblems(wrongIcon, env)).toEqual([`ribbon group 0 icon 80 must be ${env.TAB_ENDPOINT}/tab/addin/icon-80.png, got ${env.TAB_ENDPOINT}/tab/addin/icon-64.png`]);
  });
});

it('the Entra app lets Outlook broker the pane\'s sign-in (nested app authentication\'s SPA redirect)', async () => {
  const aad = JSON.parse(await readFile(join(ROOT, 'manifest/aad.manifest.json'), 'utf8')) as { replyUrlsWithType: { url: string; type: string }[] };
  expect(aad.replyUrlsWithType).toContainEqual({ url: 'brk-multihub://${{TAB_DOMAIN}}', type: 'Spa' });
});
