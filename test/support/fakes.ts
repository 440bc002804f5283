// Typed fakes of the job ports for tests and test instances: a mailbox with nothing new and an empty
// Inbox, and a mail sender that accepts everything and remembers nothing.
import type { MailboxSource } from '../../src/ports/mailbox.ts';
import type { MailSender } from '../../src/ports/mail.ts';

export const emptyMailbox: MailboxSource = {
  sync: async ({ position }) => ({ messages: [], position, more: false, progress: { phase: 'incremental', fetched: 0, fraction: null }, outOfOffice: null, verifiedDomains: null, mailboxSettings: null }),
  inboxItemCount: async () => 0,
};

export const acceptingMail: MailSender = {
  send: async (_mailbox, _mail, key) => key,
  findSent: async () => null,
};
