// `tandem report`: reads mail exports, runs the KPI engine and prints the weekly table or JSON.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { computeKpi, defaultPeriod } from '../kpi/engine.ts';
import { isLocalDate } from '../kpi/local-calendar.ts';
import type { PairingPeople } from '../kpi/message.ts';
import { parseSettings, SettingsError, type Settings } from '../kpi/settings.ts';
import { loadSources, SourceError } from '../sources/load.ts';
import { formatJsonReport, formatTable } from './report-format.ts';
import { UsageError } from './usage-error.ts';

/** Sources larger than this get progress lines on stderr. */
const PROGRESS_THRESHOLD = 10_000;

export const REPORT_USAGE = `Usage: tandem report --source <file|dir> --mailbox <address> [options]

  --source <file|dir>      Graph export JSON, .mbox file, Maildir or folder tree (repeatable)
  --mailbox <address>      the mailbox measured
  --owner <address>        the owner's address (repeatable; default: the mailbox)
  --va <address>           the VA's address (repeatable)
  --internal-domain <d>    the tenant's verified domain (repeatable; default: the mailbox's domain)
  --tz <zone>              IANA or Windows time zone of the pairing (default: UTC)
  --now <instant>          evaluation instant, ISO 8601 with a zone (default: the current time)
  --from <YYYY-MM-DD>      first local day reported (default: first message)
  --to <YYYY-MM-DD>        last local day reported (default: last message)
  --settings <file>        JSON file with any KPI settings by name (responseTargetPct, windowHours, clock, ...)
  --json                   print one JSON document instead of the table`;

const OPTIONS = {
  source: { type: 'string', multiple: true },
  mailbox: { type: 'string' },
  owner: { type: 'string', multiple: true },
  va: { type: 'string', multiple: true },
  'internal-domain': { type: 'string', multiple: true },
  tz: { type: 'string' },
  now: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  settings: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const address = (flag: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: (issue) => `${flag} must be an e-mail address (got "${String(issue.input)}")` }));

const INSTANT_WITH_ZONE = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const instant = z.string().transform((value, context) => {
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!INSTANT_WITH_ZONE.test(value) || !parsed.isValid) {
    context.addIssue({ code: 'custom', message: `--now must be an ISO 8601 instant with a zone, e.g. 2026-11-23T09:00Z (got "${value}")` });
    return z.NEVER;
  }
  return parsed.toMillis();
});

const localDate = (flag: string) => z.string().refine(isLocalDate, { error: (issue) => `${flag} must be a date YYYY-MM-DD (got "${String(issue.input)}")` });

const argsSchema = z.object({
  source: z.array(z.string().min(1), { error: '--source is required' }).min(1, { error: '--source is required' }),
  mailbox: z.string({ error: '--mailbox is required' }).pipe(address('--mailbox')),
  owner: z.array(address('--owner')).optional(),
  va: z.array(address('--va')).default([]),
  'internal-domain': z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, { error: '--internal-domain must be a domain like contoso.com' })).optional(),
  tz: z.string().optional(),
  now: instant.optional(),
  from: localDate('--from').optional(),
  to: localDate('--to').optional(),
  settings: z.string().optional(),
  json: z.boolean().default(false),
});

function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (try: tandem report --help)`, { cause: error });
  }
}

async function readSettingsFile(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read settings file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`settings file ${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(`settings file ${path} must hold a JSON object of settings`);
  }
  return parsed as Record<string, unknown>;
}

/** Settings from the file plus --tz; a flag that contradicts the file is an error, never a silent override. */
async function resolveSettings(file: string | undefined, tz: string | undefined): Promise<Settings> {
  const fromFile = file === undefined ? {} : await readSettingsFile(file);
  if (tz !== undefined && fromFile.timeZone !== undefined && fromFile.timeZone !== tz) {
    throw new UsageError(`--tz ${tz} contradicts timeZone "${String(fromFile.timeZone)}" in ${file}; give the time zone once`);
  }
  try {
    return parseSettings(tz === undefined ? fromFile : { ...fromFile, timeZone: tz });
  } catch (error) {
    if (error instanceof SettingsError) {
      const problems = error.problems.map((problem) => problem.replace(/^timeZone /, tz !== undefined ? '--tz ' : 'timeZone '));
      throw new UsageError(problems.join('; '), { cause: error });
    }
    throw error;
  }
}

function progressReporter(stderr: NodeJS.WritableStream) {
  let shown = 0;
  return (seen: number) => {
    if (seen < PROGRESS_THRESHOLD || seen - shown < PROGRESS_THRESHOLD) return;
    shown = seen;
    stderr.write(`tandem: read ${seen.toLocaleString('en')} messages…\n`);
  };
}

/** Runs `tandem report`; returns the exit code. Throws UsageError for bad arguments or sources. */
export async function runReport(argv: readonly string[], stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
  const values = parseCommandLine(argv);
  if (values.help === true) {
    stdout.write(`${REPORT_USAGE}\n`);
    return 0;
  }
  const parsedArgs = argsSchema.safeParse(values);
  if (!parsedArgs.success) throw new UsageError(parsedArgs.error.issues.map((issue) => issue.message).join('; '));
  const args = parsedArgs.data;
  const mailbox = args.mailbox;
  const settings = await resolveSettings(args.settings, args.tz);
  const people: PairingPeople = {
    mailbox: [mailbox],
    owner: args.owner ?? [mailbox],
    va: args.va,
    internalDomains: args['internal-domain'] ?? [mailbox.slice(mailbox.indexOf('@') + 1)],
  };

  let imported;
  try {
    imported = await loadSources(args.source, { onProgress: progressReporter(stderr) });
  } catch (error) {
    if (error instanceof SourceError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
  for (const warning of imported.warnings) stderr.write(`tandem: warning: ${warning}\n`);
  for (const unreadable of imported.unreadable) stderr.write(`tandem: unreadable: ${unreadable.path}: ${unreadable.error}\n`);

  const now = args.now ?? Date.now();
  const fallback = defaultPeriod(imported.messages, now, settings.timeZone);
  const period = { from: args.from ?? fallback.from, to: args.to ?? fallback.to };
  if (period.from > period.to) throw new UsageError(`--from ${period.from} is after --to ${period.to}`);

  const report = computeKpi({ messages: imported.messages, people, settings, now, period });
  const context = { settings, people, now, period, imported, report };
  stdout.write(args.json ? `${JSON.stringify(formatJsonReport(context), null, 2)}\n` : formatTable(context));
  return 0;
}
