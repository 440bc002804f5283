// `tandem pairing add`, `list` and `approve`: create a pairing from the command line (dev tenant, imports), see
// the pairings the store holds, and approve a mailbox set up in a chat that is not the owner's own.
import { z } from 'zod';
import { appendAudit } from '../store/audit.ts';
import { addressesOf, approveMailbox, createPairing, listPairings, requirePairing } from '../store/pairings.ts';
import { ensureTenant, getTenant } from '../store/tenants.ts';
import { address, domain, domainOf, parseCommandLine, validateArguments } from './arguments.ts';
import { resolveSettings } from './settings-file.ts';
import { withStore, type Environment } from './store-session.ts';
import { UsageError } from './usage-error.ts';

/** The tenant a pairing made on the command line belongs to unless --tenant says otherwise. */
export const DEFAULT_TENANT = 'dev';

export const PAIRING_USAGE = `Usage: tandem pairing add --mailbox <address> --owner <address> --va <address> [options]
       tandem pairing list
       tandem pairing approve --pairing <id>

  add: creates a pairing and prints its id
  --mailbox <address>      the mailbox measured
  --owner <address>        the owner's address (repeat it for more addresses of the owner; default: the mailbox)
  --va <address>           the VA's address (repeat it for more addresses of the VA)
  --owner-id <object id>   the owner's Entra object id (a GUID: Entra admin center, Users, Object ID)
  --va-id <object id>      the VA's Entra object id; the tab and the Outlook pane know people by object id
                           only, so without both the tab cannot sign them in until the chat set-up stores them
  --tenant <id>            the tenant (default: ${DEFAULT_TENANT}); created when new
  --internal-domain <d>    the tenant's verified domains (repeatable; a new tenant defaults to the mailbox's domain)
  --tz <zone>              IANA or Windows time zone of the pairing (default: UTC)
  --settings <file>        JSON file with any KPI settings by name (responseTargetPct, windowHours, clock, ...)

  list: prints every pairing: id, mailbox, owner, VA, their object ids (- when not stored yet), time zone and
        whether it is active

  approve: lets Tandem read a pairing's mailbox that is not the owner's own (set up in a chat, waiting for an
  admin); whoever runs this command has the server's database, so approves as its operator`;

const ADD_OPTIONS = {
  mailbox: { type: 'string' },
  owner: { type: 'string', multiple: true },
  va: { type: 'string', multiple: true },
  'owner-id': { type: 'string' },
  'va-id': { type: 'string' },
  tenant: { type: 'string' },
  'internal-domain': { type: 'string', multiple: true },
  tz: { type: 'string' },
  settings: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** An Entra object id: a GUID, stored lower-case as tokens carry it (`oid`). */
const objectId = (flag: string) =>
  z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: `${flag} must be an Entra object id (a GUID)` })
    .transform((value) => value.toLowerCase());

const addSchema = z.object({
  mailbox: z.string({ error: '--mailbox is required' }).pipe(address('--mailbox')),
  owner: z.array(address('--owner')).optional(),
  va: z.array(address('--va'), { error: '--va is required' }).min(1, { error: '--va is required' }),
  'owner-id': objectId('--owner-id').optional(),
  'va-id': objectId('--va-id').optional(),
  tenant: z.string().trim().min(1, { error: '--tenant must not be empty' }).default(DEFAULT_TENANT),
  'internal-domain': z.array(domain('--internal-domain')).optional(),
  tz: z.string().optional(),
  settings: z.string().optional(),
});

async function addPairing(argv: readonly string[], stdout: NodeJS.WritableStream, env: Environment): Promise<number> {
  const values = parseCommandLine(argv, ADD_OPTIONS, 'pairing');
  if (values.help === true) {
    stdout.write(`${PAIRING_USAGE}\n`);
    return 0;
  }
  const args = validateArguments(addSchema, values);
  const settings = await resolveSettings(args.settings, args.tz);
  const [owner, ...ownerAliases] = args.owner ?? [args.mailbox];
  const [va, ...vaAliases] = args.va;
  const pairing = await withStore(env, (db) =>
    db.transaction(async (tx) => {
      const tenant = await getTenant(tx, args.tenant);
      const domains = args['internal-domain'];
      if (tenant === null || domains !== undefined) {
        await ensureTenant(tx, { id: args.tenant, name: tenant?.name ?? args.tenant, verifiedDomains: domains ?? [domainOf(args.mailbox)] });
      }
      return createPairing(tx, {
        tenantId: args.tenant,
        mailbox: args.mailbox,
        owner: { address: owner!, aliases: ownerAliases, userId: args['owner-id'] ?? null },
        va: { address: va!, aliases: vaAliases, userId: args['va-id'] ?? null },
        settings,
      });
    }),
  );
  stdout.write(`${pairing.id}\n`);
  return 0;
}

/** Aligned columns; the last one is not padded. */
function formatColumns(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n');
}

async function listAll(argv: readonly string[], stdout: NodeJS.WritableStream, env: Environment): Promise<number> {
  const values = parseCommandLine(argv, { help: { type: 'boolean', short: 'h' } }, 'pairing');
  if (values.help === true) {
    stdout.write(`${PAIRING_USAGE}\n`);
    return 0;
  }
  const pairings = await withStore(env, (db) => listPairings(db));
  if (pairings.length === 0) {
    stdout.write('no pairings (add one with: tandem pairing add)\n');
    return 0;
  }
  const rows = pairings.map((pairing) => [
    pairing.id,
    pairing.mailbox,
    addressesOf(pairing.owner).join(','),
    addressesOf(pairing.va).join(','),
    pairing.owner.userId ?? '-',
    pairing.va.userId ?? '-',
    pairing.settings.timeZone,
    pairing.stoppedAt !== null ? `stopped ${new Date(pairing.stoppedAt).toISOString()}` : pairing.mailboxApproval === null ? 'waiting for mailbox approval' : 'active',
  ]);
  stdout.write(`${formatColumns([['id', 'mailbox', 'owner', 'va', 'owner id', 'va id', 'time zone', 'status'], ...rows])}\n`);
  return 0;
}

const approveSchema = z.object({ pairing: z.string({ error: '--pairing is required' }).trim().pipe(z.uuid({ error: '--pairing must be a pairing id' })) });

async function approve(argv: readonly string[], stdout: NodeJS.WritableStream, env: Environment): Promise<number> {
  const values = parseCommandLine(argv, { pairing: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, 'pairing');
  if (values.help === true) {
    stdout.write(`${PAIRING_USAGE}\n`);
    return 0;
  }
  const args = validateArguments(approveSchema, values);
  const pairing = await withStore(env, (db) =>
    db.transaction(async (tx) => {
      const found = await requirePairing(tx, args.pairing);
      await approveMailbox(tx, found.id, 'operator');
      await appendAudit(tx, { tenantId: found.tenantId, pairingId: found.id, actor: 'cli', action: 'mailbox_approved', details: { mailbox: found.mailbox } });
      return found;
    }),
  );
  stdout.write(`Tandem may now read ${pairing.mailbox} for pairing ${pairing.id}\n`);
  return 0;
}

/** Runs `tandem pairing <add|list|approve>`; returns the exit code. Throws UsageError for bad arguments. */
export async function runPairing(argv: readonly string[], stdout: NodeJS.WritableStream, env: Environment): Promise<number> {
  const [subcommand, ...rest] = argv;
  switch (subcommand) {
    case 'add':
      return addPairing(rest, stdout, env);
    case 'list':
      return listAll(rest, stdout, env);
    case 'approve':
      return approve(rest, stdout, env);
    case '--help':
    case '-h':
      stdout.write(`${PAIRING_USAGE}\n`);
      return 0;
    case undefined:
      throw new UsageError('tandem pairing needs a command: add, list or approve (try: tandem pairing --help)');
    default:
      throw new UsageError(`unknown pairing command "${subcommand}" (try: tandem pairing add or tandem pairing list)`);
  }
}
