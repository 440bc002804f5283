// Mail sent from the dev tenant's mailboxes (Graph's sendMail): a copy in the sender's Sent Items when
// asked, one in the Inbox of every recipient with a mailbox in the tenant (as Exchange delivers), and a
// list of everything sent that tests read.
import { randomUUID } from 'node:crypto';
import type { MailboxStore } from './mailbox-store.ts';
import type { DevAddress, DevHeader, DevMessage } from './tenant-seed.ts';

/** What sending needs from a sendMail request, after validation. */
export interface SendInput {
  readonly subject: string;
  readonly body: string;
  readonly toRecipients: readonly DevAddress[];
  readonly ccRecipients: readonly DevAddress[];
  readonly bccRecipients: readonly DevAddress[];
  readonly internetMessageHeaders: readonly DevHeader[];
  /** The Message-ID the sender chose (Graph lets a new message set it); made up when absent. */
  readonly internetMessageId?: string;
}

export interface SentMail {
  /** The sender's userPrincipalName. */
  readonly mailbox: string;
  /** Epoch ms on the simulated clock. */
  readonly at: number;
  readonly message: DevMessage;
  /** Whether a copy was kept in Sent Items. */
  readonly saved: boolean;
}

export class DevOutbox {
  /** Everything sent, oldest first. */
  readonly sent: SentMail[] = [];

  constructor(private readonly store: MailboxStore) {}

  /** Sends from `mailbox` (id or userPrincipalName) at the store's now. */
  send(mailbox: string, mail: SendInput, save: boolean): SentMail {
    const { store } = this;
    const box = store.mailbox(mailbox);
    if (!box) throw new Error(`no mailbox ${mailbox} in dev tenant ${store.tenantId}`);
    const now = store.now();
    const from: DevAddress = { name: box.user.displayName, address: box.user.mail };
    const message: DevMessage = {
      id: `sent-${randomUUID()}`,
      conversationId: `conv-${randomUUID()}`,
      internetMessageId: mail.internetMessageId ?? `<${randomUUID()}@${box.user.mail.split('@')[1] ?? 'dev.test'}>`,
      subject: mail.subject,
      from,
      sender: from,
      toRecipients: mail.toRecipients,
      ccRecipients: mail.ccRecipients,
      receivedDateTime: now,
      sentDateTime: now,
      folder: 'sentitems',
      isDraft: false,
      isRead: true,
      categories: [],
      inferenceClassification: 'focused',
      internetMessageHeaders: mail.internetMessageHeaders,
      body: mail.body,
    };
    if (save) store.deliver(box.user.id, message);
    const sent: SentMail = { mailbox: box.user.userPrincipalName, at: now, message, saved: save };
    this.sent.push(sent);
    const recipients = new Set([...mail.toRecipients, ...mail.ccRecipients, ...mail.bccRecipients].map((recipient) => recipient.address.toLowerCase()));
    for (const user of store.users) {
      if (!recipients.has(user.mail.toLowerCase()) && !recipients.has(user.userPrincipalName.toLowerCase())) continue;
      if (store.mailbox(user.id)) store.deliver(user.id, { ...message, id: `in-${randomUUID()}`, folder: 'inbox', isRead: false });
    }
    return sent;
  }
}
