// The one reader of process.env: a zod schema validated at start-up; everything else receives Config.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const wholeNumber = (name: string, min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number from ${min} to ${max}` })
    .int({ error: `${name} must be a whole number from ${min} to ${max}` })
    .min(min, { error: `${name} must be a whole number from ${min} to ${max}` })
    .max(max, { error: `${name} must be a whole number from ${min} to ${max}` })
    .default(fallback);

const configSchema = z.object({
  /** PostgreSQL server; without it Tandem runs on embedded PGlite. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
    .optional(),
  /** Where embedded PGlite keeps its files. */
  TANDEM_DATA_DIR: z.string().min(1).default('./.tandem'),
  /** Message metadata older than this is purged daily. */
  TANDEM_RETENTION_DAYS: wholeNumber('TANDEM_RETENTION_DAYS', 1, 3650, 400),
  /** Jobs this instance runs at the same time, per queue. */
  TANDEM_JOB_CONCURRENCY: wholeNumber('TANDEM_JOB_CONCURRENCY', 1, 256, 8),
  PORT: wholeNumber('PORT', 1, 65535, 3978),
  /** How often each pairing's mailbox is synced; a cron minute step, so below an hour. */
  TANDEM_SYNC_EVERY_MINUTES: wholeNumber('TANDEM_SYNC_EVERY_MINUTES', 1, 59, 5),
  /** The Entra app Tandem reads mailboxes as, with a secret or a certificate (none: the local dev tenant stands in). */
  TANDEM_TENANT_ID: z.string().optional(),
  TANDEM_CLIENT_ID: z.string().optional(),
  TANDEM_CLIENT_SECRET: z.string().optional(),
  /** A PEM file with the app's certificate and its private key, instead of TANDEM_CLIENT_SECRET. */
  TANDEM_CLIENT_CERTIFICATE_PATH: z.string().optional(),
  /** `headers` (Mail.Read: header-based detection of automatic mail) or `basic` (Mail.ReadBasic.All). */
  TANDEM_GRAPH_MODE: z.enum(['headers', 'basic'], { error: 'TANDEM_GRAPH_MODE must be headers or basic' }).default('headers'),
  /** Days of mail the first sync reads. */
  TANDEM_BACKFILL_DAYS: wholeNumber('TANDEM_BACKFILL_DAYS', 1, 365, 90),
  /** National clouds and tests point these elsewhere. */
  TANDEM_AUTHORITY_HOST: z.url({ protocol: /^https$/, error: 'TANDEM_AUTHORITY_HOST must be an https:// URL' }).default('https://login.microsoftonline.com'),
  TANDEM_GRAPH_BASE_URL: z.url({ protocol: /^https$/, error: 'TANDEM_GRAPH_BASE_URL must be an https:// URL' }).default('https://graph.microsoft.com/v1.0'),
  /** The Teams app's id (manifest `id`): deep links to the KPI tab in cards and mail need it. */
  TANDEM_TEAMS_APP_ID: z.uuid({ error: 'TANDEM_TEAMS_APP_ID must be the Teams app id (a GUID)' }).optional(),
  /** Where Microsoft 365 can reach this server (change notifications, links in mail); optional. */
  TANDEM_PUBLIC_URL: z.url({ protocol: /^https$/, error: 'TANDEM_PUBLIC_URL must be an https:// URL' }).optional(),
  /** The bot's Entra app (Azure Bot resource); with MicrosoftAppId set, /api/messages requires Bot Framework tokens. */
  MicrosoftAppId: z.string().min(1).optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppTenantId: z.string().optional(),
  /** 1: run against the local stand-ins (dev tenant, sign-in picker, Agents Playground). Never with NODE_ENV=production. */
  TANDEM_LOCAL: z.enum(['0', '1'], { error: 'TANDEM_LOCAL must be 0 or 1' }).default('0'),
  NODE_ENV: z.string().optional(),
  /** Local mode also starts the Agents Playground against the bot; 0 turns that off. */
  TANDEM_PLAYGROUND: z.enum(['0', '1'], { error: 'TANDEM_PLAYGROUND must be 0 or 1' }).default('1'),
  TANDEM_PLAYGROUND_PORT: wholeNumber('TANDEM_PLAYGROUND_PORT', 1, 65535, 56150),
});

/** The Graph app's credential: one of the two, never both. */
const CREDENTIAL_VARIABLES = ['TANDEM_CLIENT_SECRET', 'TANDEM_CLIENT_CERTIFICATE_PATH'] as const;
const CREDENTIAL = 'TANDEM_CLIENT_SECRET or TANDEM_CLIENT_CERTIFICATE_PATH';
/** Every tenant variable one can set; any of them set means a tenant was meant. */
const TENANT_SETTINGS = ['TANDEM_TENANT_ID', 'TANDEM_CLIENT_ID', ...CREDENTIAL_VARIABLES, 'MicrosoftAppId', 'MicrosoftAppPassword'] as const;
/** What a tenant needs, all together: the Graph app (mail metadata, summary mail) and the bot's app. */
const TENANT_VARIABLES = ['TANDEM_TENANT_ID', 'TANDEM_CLIENT_ID', CREDENTIAL, 'MicrosoftAppId', 'MicrosoftAppPassword'] as const;

/**
 * How the Graph app proves itself to Entra: a client secret, or a certificate whose private key signs a client
 * assertion (https://learn.microsoft.com/entra/identity-platform/certificate-credentials). For msal-node the
 * certificate is its SHA-256 thumbprint and the PEM private key
 * (https://learn.microsoft.com/entra/msal/javascript/node/certificate-credentials).
 */
export type AppCredential =
  | { readonly kind: 'secret'; readonly clientSecret: string }
  | { readonly kind: 'certificate'; readonly thumbprintSha256: string; readonly privateKey: string; readonly path: string };

/** Where mail metadata comes from: a real tenant through its app registration, or the local dev tenant. */
export type GraphTarget =
  | { readonly kind: 'devtenant' }
  | { readonly kind: 'tenant'; readonly tenantId: string; readonly clientId: string; readonly credential: AppCredential; readonly authorityHost: string; readonly graphBaseUrl: string };

export type Config = Readonly<{
  databaseUrl: string | undefined;
  dataDir: string;
  retentionDays: number;
  jobConcurrency: number;
  port: number;
  syncEveryMinutes: number;
  graph: GraphTarget;
  graphMode: 'headers' | 'basic';
  backfillDays: number;
  publicUrl: string | undefined;
  teamsAppId: string | undefined;
  /** Bot Framework credentials; null (local mode only) runs the bot without authentication (Agents Playground). */
  bot: { readonly appId: string; readonly appPassword: string | undefined; readonly appTenantId: string | undefined } | null;
  /** Port of the Agents Playground started with the local dev tenant; null: not started. */
  playgroundPort: number | null;
}>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface LoadOptions {
  /**
   * `npm start` on a machine with no tenant configured: run locally as if TANDEM_LOCAL=1 were set, unless
   * NODE_ENV=production. A production start never falls back to the stand-ins.
   */
  readonly localUnlessConfigured?: boolean;
}

const fail = (message: string): never => {
  throw new ConfigError(`Invalid configuration: ${message}`);
};

/** Local or tenant, decided once: local only when asked; a tenant only complete. */
function chooseMode(values: z.infer<typeof configSchema>, options: LoadOptions): 'local' | 'tenant' {
  const has = (name: (typeof TENANT_VARIABLES)[number]) => (name === CREDENTIAL ? CREDENTIAL_VARIABLES.some((variable) => values[variable] !== undefined) : values[name] !== undefined);
  const given = TENANT_SETTINGS.filter((name) => values[name] !== undefined);
  const production = values.NODE_ENV === 'production';
  const asked = values.TANDEM_LOCAL === '1' || (options.localUnlessConfigured === true && given.length === 0 && !production);
  if (asked && production) fail('TANDEM_LOCAL=1 is refused with NODE_ENV=production: the local stand-ins would answer for a real tenant');
  if (asked && given.length > 0) fail(`TANDEM_LOCAL=1 runs on local stand-ins, but ${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set too: set either TANDEM_LOCAL=1 or a tenant`);
  if (asked) return 'local';
  const missing = TENANT_VARIABLES.filter((name) => !has(name));
  if (missing.length > 0) fail(`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing (a tenant needs ${TENANT_VARIABLES.join(', ')}; TANDEM_LOCAL=1 runs on local stand-ins instead)`);
  if (CREDENTIAL_VARIABLES.every((variable) => values[variable] !== undefined)) fail(`set ${CREDENTIAL_VARIABLES.join(' or ')}, not both`);
  return 'tenant';
}

/**
 * The certificate credential from a PEM file holding the certificate and its private key (as exported for an
 * app registration's "Certificates & secrets"): the SHA-256 thumbprint msal-node sends as `x5t#S256`, and the
 * key as PKCS#8 PEM. Refuses a file that cannot be read, lacks either part, or whose key is not the certificate's.
 */
export function readClientCertificate(path: string, readFile: (path: string) => string = (file) => readFileSync(file, 'utf8')): Extract<AppCredential, { kind: 'certificate' }> {
  const name = 'TANDEM_CLIENT_CERTIFICATE_PATH';
  let pem: string;
  try {
    pem = readFile(path);
  } catch (error) {
    return fail(`${name}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const certificatePem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  const keyPem = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.exec(pem)?.[0];
  if (certificatePem === undefined || keyPem === undefined) {
    return fail(`${name}: ${path} must hold the certificate and its private key in PEM (${certificatePem === undefined ? 'no CERTIFICATE' : 'no PRIVATE KEY'} block)`);
  }
  let certificate: X509Certificate;
  let key: ReturnType<typeof createPrivateKey>;
  try {
    certificate = new X509Certificate(certificatePem);
    key = createPrivateKey(keyPem);
  } catch (error) {
    return fail(`${name}: ${path} is not a readable certificate and unencrypted private key (${(error as Error).message})`);
  }
  if (!certificate.checkPrivateKey(key)) fail(`${name}: the private key in ${path} is not the certificate's`);
  return {
    kind: 'certificate',
    thumbprintSha256: certificate.fingerprint256.replaceAll(':', '').toLowerCase(),
    privateKey: key.export({ format: 'pem', type: 'pkcs8' }).toString(),
    path,
  };
}

/** Reads config from an environment (process.env at start-up); throws ConfigError naming every bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, options: LoadOptions = {}): Config {
  // A blank variable counts as unset, so a template's empty line cannot half-configure a tenant.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const result = configSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(`Invalid configuration: ${result.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  const values = result.data;
  const mode = chooseMode(values, options);
  const graph: GraphTarget =
    mode === 'local'
      ? { kind: 'devtenant' }
      : {
          kind: 'tenant',
          tenantId: values.TANDEM_TENANT_ID!,
          clientId: values.TANDEM_CLIENT_ID!,
          credential:
            values.TANDEM_CLIENT_SECRET !== undefined
              ? { kind: 'secret', clientSecret: values.TANDEM_CLIENT_SECRET }
              : readClientCertificate(values.TANDEM_CLIENT_CERTIFICATE_PATH!),
          authorityHost: values.TANDEM_AUTHORITY_HOST,
          graphBaseUrl: values.TANDEM_GRAPH_BASE_URL,
        };
  return {
    databaseUrl: values.DATABASE_URL,
    dataDir: values.TANDEM_DATA_DIR,
    retentionDays: values.TANDEM_RETENTION_DAYS,
    jobConcurrency: values.TANDEM_JOB_CONCURRENCY,
    port: values.PORT,
    syncEveryMinutes: values.TANDEM_SYNC_EVERY_MINUTES,
    graph,
    graphMode: values.TANDEM_GRAPH_MODE,
    backfillDays: values.TANDEM_BACKFILL_DAYS,
    publicUrl: values.TANDEM_PUBLIC_URL,
    teamsAppId: values.TANDEM_TEAMS_APP_ID,
    // A single-tenant bot (the registration the README describes) names the tenant it serves.
    bot: mode === 'local' ? null : { appId: values.MicrosoftAppId!, appPassword: values.MicrosoftAppPassword, appTenantId: values.MicrosoftAppTenantId ?? values.TANDEM_TENANT_ID },
    // The Playground sends no Bot Framework tokens: only with the local stand-ins.
    playgroundPort: mode === 'local' && values.TANDEM_PLAYGROUND === '1' ? values.TANDEM_PLAYGROUND_PORT : null,
  };
}
