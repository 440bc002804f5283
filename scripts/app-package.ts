// Builds the Teams app package for one environment: manifest/manifest.json with its ${{PLACEHOLDERS}}
// filled from env/.env.<environment>, the two icons rendered from manifest/icon.svg, checked against the
// manifest's official JSON schema (shipped offline by @microsoft/app-manifest) and Tandem's own rules,
// with a localization file per language from the message catalog, then zipped to appPackage/build/appPackage.<environment>.zip.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { zipSync } from 'fflate';
import { z } from 'zod';
import { addinProblems } from './addin-manifest.ts';
import { renderIcons } from './icons.ts';
import { localizeManifest, type LocalizableManifest } from './manifest-localization.ts';
import { manifestProblems, type AppManifest } from './manifest-rules.ts';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PLACEHOLDER = /\$\{\{([A-Z0-9_]+)\}\}/g;
/** Written into env/.env.<env> by `teamsapp provision`; empty in a template until then. */
export const PROVISIONED = ['TEAMS_APP_ID', 'BOT_ID', 'AAD_APP_CLIENT_ID', 'AAD_APP_TENANT_ID'] as const;
/** A fixed time inside the zip, so the same inputs give the same bytes. */
const ZIP_TIME = new Date('2026-01-01T00:00:00Z');

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: 'must be a GUID' });
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });
/** The variables the manifest template uses, validated before anything is filled in. */
export const packageEnvSchema = z.object({
  APP_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'must be a version like 1.0.0' }),
  APP_NAME_SUFFIX: z.string().max(10).default(''),
  DEVELOPER_NAME: z.string().min(1).max(32),
  DEVELOPER_WEBSITE_URL: httpsUrl,
  DEVELOPER_PRIVACY_URL: httpsUrl,
  DEVELOPER_TERMS_URL: httpsUrl,
  TEAMS_APP_ID: guid,
  BOT_ID: guid,
  AAD_APP_CLIENT_ID: guid,
  /** The tenant the Entra app is registered in (aadApp/create writes it): the pane's sign-in authority. */
  AAD_APP_TENANT_ID: guid,
  TAB_DOMAIN: z.string().regex(/^[a-z0-9.-]+(:\d+)?$/i, { error: 'must be a host name (with an optional :port), no scheme or path' }),
  TAB_ENDPOINT: httpsUrl,
});
export type PackageEnv = z.infer<typeof packageEnvSchema>;

export class PackageError extends Error {
  override readonly name = 'PackageError';
}

/** Parses a dotenv file the way Agents Toolkit writes it: KEY=VALUE lines, # comments, optional quotes. */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match === null || line.trimStart().startsWith('#')) continue;
    values[match[1]!] = match[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

/** The environments with a template in env/ (`.env.<name>`, not the git-ignored `.user` files). */
export async function listEnvironments(root = ROOT): Promise<string[]> {
  const files = await readdir(join(root, 'env'));
  return files.flatMap((file) => /^\.env\.([a-z0-9-]+)$/.exec(file)?.[1] ?? []).sort();
}

export async function readPackageEnv(environment: string, root = ROOT, overrides: Record<string, string> = {}): Promise<PackageEnv> {
  const raw = { ...parseEnvFile(await readFile(join(root, 'env', `.env.${environment}`), 'utf8')), ...overrides };
  const unprovisioned = PROVISIONED.filter((name) => (raw[name] ?? '') === '');
  if (unprovisioned.length > 0) {
    throw new PackageError(`env/.env.${environment}: ${unprovisioned.join(', ')} not set yet; run \`teamsapp provision --env ${environment}\` first (it writes them)`);
  }
  const present = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const parsed = packageEnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new PackageError(`env/.env.${environment}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** The template with every ${{NAME}} replaced; a name the environment lacks is an error, not a blank. */
export function fillManifest(template: string, env: Readonly<Record<string, string>>): AppManifest {
  const missing = [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]!))].filter((name) => !(name in env));
  if (missing.length > 0) throw new PackageError(`manifest placeholders without a value: ${missing.join(', ')}`);
  // Values are JSON-escaped, so a quote in a value cannot break the document.
  return JSON.parse(template.replace(PLACEHOLDER, (_match, name: string) => JSON.stringify(env[name]).slice(1, -1))) as AppManifest;
}

export interface BuiltPackage {
  readonly manifest: AppManifest;
  readonly icons: { readonly color: Buffer; readonly outline: Buffer };
  readonly zipPath: string;
}

/** Fills, renders, checks and zips one environment's package; throws PackageError listing every problem. */
export interface BuildOptions {
  readonly root?: string;
  /** Values that replace the env file's (tests stand in for what provision would write). */
  readonly overrides?: Record<string, string>;
  /** Where the zip goes; default appPackage/build. */
  readonly outDir?: string;
}

export async function buildAppPackage(environment: string, options: BuildOptions = {}): Promise<BuiltPackage> {
  const root = options.root ?? ROOT;
  const env = await readPackageEnv(environment, root, options.overrides);
  const manifest = fillManifest(await readFile(join(root, 'manifest', 'manifest.json'), 'utf8'), env);
  const icons = renderIcons(await readFile(join(root, 'manifest', 'icon.svg'), 'utf8'));
  const schemaErrors = await AppManifestUtils.validateAgainstSchema(manifest as never);
  const localization = await localizeManifest(manifest as unknown as LocalizableManifest, env.APP_NAME_SUFFIX);
  const problems = [...schemaErrors.map((error) => `schema: ${error}`), ...manifestProblems(manifest, icons, env), ...addinProblems(manifest, env), ...localization.problems];
  if (problems.length > 0) throw new PackageError(`appPackage.${environment}: the manifest is not valid:\n  ${problems.join('\n  ')}`);

  const zip = zipSync(
    {
      'manifest.json': [Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), { mtime: ZIP_TIME }],
      [manifest.icons.color]: [icons.color, { mtime: ZIP_TIME, level: 0 }],
      [manifest.icons.outline]: [icons.outline, { mtime: ZIP_TIME, level: 0 }],
      ...Object.fromEntries(Object.entries(localization.files).map(([name, file]) => [name, [Buffer.from(`${JSON.stringify(file, null, 2)}\n`), { mtime: ZIP_TIME }] as const])),
    },
    { level: 9 },
  );
  const dir = options.outDir ?? join(root, 'appPackage', 'build');
  await mkdir(dir, { recursive: true });
  const zipPath = join(dir, `appPackage.${environment}.zip`);
  await writeFile(zipPath, zip);
  return { manifest, icons, zipPath };
}
