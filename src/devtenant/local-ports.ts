// The ports as `npm start` wires them without a Microsoft 365 tenant: mail metadata comes from `tandem
// import`, summary mails land as files in the data directory (chat posts go to the Agents Playground, without tokens).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Queryable } from '../store/database.ts';
import type { MailboxSource } from '../ports/mailbox.ts';
import type { MailSender } from '../ports/mail.ts';
import type { TaskSource } from '../ports/tasks.ts';

/** Imported mail is already in the store, so a sync finds nothing new; the Inbox count is what was imported into it. */
export function importedMailboxSource(db: Queryable): MailboxSource {
  return {
    sync: async ({ position }) => ({
      messages: [],
      position: position ?? { version: 1, kind: 'import' },
      more: false,
      progress: { phase: 'incremental', fetched: 0, fraction: null },
      outOfOffice: null,
      verifiedDomains: null,
      mailboxSettings: null,
    }),
    async inboxItemCount(mailbox) {
      const [row] = await db.query<{ count: number }>(
        `select count(*)::int as count from messages m join pairings p on p.id = m.pairing_id
         where p.mailbox = $1 and m.folder = 'inbox' and not m.deleted_in_mailbox`,
        [mailbox],
      );
      return row?.count ?? 0;
    },
  };
}

/**
 * Tasks of a pairing outside the dev tenant, as mail is: what the store holds stays, nothing arrives (no import
 * reads tasks). Without it, their task sync would ask the dev tenant for a plan it has never heard of, and the tab
 * would say the tasks could not be read.
 */
export const storedTaskSource: TaskSource = {
  sync: async ({ position }) => ({ tasks: [], removed: [], listedAll: null, at: 0, position: position ?? { version: 1, kind: 'stored' }, more: false }),
};

/** The dev tenant's Graph for its own people's tasks, the store's for everyone else's (by the owner's mailbox, asked first). */
export function routedTaskSource(isDevMailbox: (mailbox: string) => boolean, graph: TaskSource): TaskSource {
  return { sync: (request) => (request.users[0] !== undefined && isDevMailbox(request.users[0]) ? graph : storedTaskSource).sync(request) };
}

/** Writes each mail as JSON under `<dir>/<key>.json`; the key makes a retry find the earlier send. */
export function fileMailSender(dir: string): MailSender {
  const fileOf = (key: string) => join(dir, `${key.replace(/[^a-zA-Z0-9_-]/g, '_')}.json`);
  return {
    async send(mailbox, mail, key) {
      await mkdir(dir, { recursive: true });
      await writeFile(fileOf(key), JSON.stringify({ from: mailbox, ...mail }, null, 2), { flag: 'w' });
      return key;
    },
    async findSent(_mailbox, key) {
      try {
        await readFile(fileOf(key));
        return key;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
  };
}

/**
 * Locally, the dev tenant's mailboxes sync through Graph like a tenant's, and mail imported for any other
 * mailbox (`tandem import`) stays as imported.
 */
export function routedMailboxSource(isDevMailbox: (mailbox: string) => boolean, graph: MailboxSource, imported: MailboxSource): MailboxSource {
  const pick = (mailbox: string) => (isDevMailbox(mailbox) ? graph : imported);
  return {
    sync: (request) => pick(request.mailbox).sync(request),
    inboxItemCount: (mailbox) => pick(mailbox).inboxItemCount(mailbox),
  };
}
