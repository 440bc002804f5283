// `tandem devtenant`: the local dev tenant on its own, as `npm start` runs it — the seeded mailboxes behind
// a Graph stand-in and an identity over HTTPS — with what a client needs to use it, until Ctrl-C.
import { writeFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { jsonLogger } from '../log.ts';
import { parseCommandLine } from './arguments.ts';
import { cliConfig, type Environment } from './store-session.ts';

export const DEVTENANT_USAGE = `Usage: tandem devtenant

Starts the local dev tenant (a Microsoft Graph and Entra ID stand-in over HTTPS with the seeded owner, VA
and mailboxes; its clock follows real time) and prints its URLs, the app's client id and secret, and where
its CA certificate was written (<TANDEM_DATA_DIR>/devtenant-ca.pem). Runs until interrupted.`;

export async function runDevtenant(argv: readonly string[], stdout: NodeJS.WritableStream, env: Environment, untilStopped: () => Promise<void>): Promise<number> {
  const values = parseCommandLine(argv, { help: { type: 'boolean', short: 'h' } }, 'devtenant');
  if (values.help === true) {
    stdout.write(`${DEVTENANT_USAGE}\n`);
    return 0;
  }
  const config = cliConfig(env);
  // Loaded here, not at the top: every other `tandem` command then runs without the dev tenant's code
  // (rule devtenant-by-dynamic-import-only in .dependency-cruiser.cjs).
  const { startLocalTenant } = await import('../devtenant/local-tenant.ts');
  const local = await startLocalTenant({ now: Date.now, logger: jsonLogger() });
  try {
    await mkdir(config.dataDir, { recursive: true });
    const caFile = resolve(join(config.dataDir, 'devtenant-ca.pem'));
    await writeFile(caFile, local.tenant.ca);
    const { tenant, seed } = local;
    const user = (id: string) => seed.users.find((candidate) => candidate.id === id)!;
    stdout.write(
      [
        'Dev tenant is running.',
        `  Microsoft Graph: ${tenant.graphBaseUrl}`,
        `  Identity:        ${tenant.authority} (OpenID metadata at ${tenant.authority}/v2.0/.well-known/openid-configuration)`,
        `  Tenant id:       ${tenant.tenantId}`,
        `  App:             client id ${tenant.app.clientId}, secret ${tenant.app.clientSecret}, roles ${tenant.app.roles.join(', ')}`,
        `  CA certificate:  ${caFile}`,
        `  Owner:           ${user(seed.groundTruth.pairing.ownerUserId).mail}`,
        `  VA:              ${user(seed.groundTruth.pairing.vaUserId).mail}`,
        '',
      ].join('\n'),
    );
    await untilStopped();
    return 0;
  } finally {
    await local.close();
  }
}
