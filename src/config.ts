// The one reader of process.env: a zod schema validated at start-up; everything else receives Config.
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
});

export type Config = Readonly<{
  databaseUrl: string | undefined;
  dataDir: string;
  retentionDays: number;
  jobConcurrency: number;
  port: number;
  syncEveryMinutes: number;
}>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads config from an environment (process.env at start-up); throws ConfigError naming every bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = configSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(`Invalid configuration: ${result.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  const values = result.data;
  return {
    databaseUrl: values.DATABASE_URL,
    dataDir: values.TANDEM_DATA_DIR,
    retentionDays: values.TANDEM_RETENTION_DAYS,
    jobConcurrency: values.TANDEM_JOB_CONCURRENCY,
    port: values.PORT,
    syncEveryMinutes: values.TANDEM_SYNC_EVERY_MINUTES,
  };
}
