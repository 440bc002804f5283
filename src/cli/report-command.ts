// `tandem report`: reads mail exports, runs the KPI engine and prints the weekly table or JSON.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { computeKpi, defaultPeriod } from '../kpi/engine.ts';
import { isLocalDate } from '../kpi/local-calendar.ts';
import type { PairingPeople } from '../kpi/message.ts';
import { address, domain, domainOf, parseCommandLine, validateArguments } from './arguments.ts';
import { readSourcesForCli } from './read-sources.ts';
import { formatJsonReport, formatTable } from './report-format.ts';
import { resolveSettings } from './settings-file.ts';
import { UsageError } from './usage-error.ts';

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
  'internal-domain': z.array(domain('--internal-domain')).optional(),
  tz: z.string().optional(),
  now: instant.optional(),
  from: localDate('--from').optional(),
  to: localDate('--to').optional(),
  settings: z.string().optional(),
  json: z.boolean().default(false),
});

/** Runs `tandem report`; returns the exit code. Throws UsageError for bad arguments or sources. */
export async function runReport(argv: readonly string[], stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
  const values = parseCommandLine(argv, OPTIONS, 'report');
  if (values.help === true) {
    stdout.write(`${REPORT_USAGE}\n`);
    return 0;
  }
  const args = validateArguments(argsSchema, values);
  const mailbox = args.mailbox;
  const settings = await resolveSettings(args.settings, args.tz);
  const people: PairingPeople = {
    mailbox: [mailbox],
    owner: args.owner ?? [mailbox],
    va: args.va,
    internalDomains: args['internal-domain'] ?? [domainOf(mailbox)],
  };

  const imported = await readSourcesForCli(args.source, stderr);

  const now = args.now ?? Date.now();
  const fallback = defaultPeriod(imported.messages, now, settings.timeZone);
  const period = { from: args.from ?? fallback.from, to: args.to ?? fallback.to };
  if (period.from > period.to) throw new UsageError(`--from ${period.from} is after --to ${period.to}`);

  const report = computeKpi({ messages: imported.messages, people, settings, now, period });
  const context = { settings, people, now, period, imported, report };
  stdout.write(args.json ? `${JSON.stringify(formatJsonReport(context), null, 2)}\n` : formatTable(context));
  return 0;
}
