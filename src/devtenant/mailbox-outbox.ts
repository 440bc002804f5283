// Mail sent from the dev tenant's mailboxes (Graph's sendMail, or a draft created and then sent): a copy in
// the sender's Sent Items when asked, one in the Inbox of every recipient with a mailbox in the tenant (as
// Exchange delivers), and a list of everything sent that tests read.
import { randomUUID } from 'node:crypto';
import type { MailboxStore } from './mailbox-store.ts';
import type { DevAddress, DevHeader, DevMessage, DevUser } from './tenant-seed.ts';

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
  /** Drafts' Bcc recipients, which a stored message does not hold. */
  private readonly draftBcc = new Map<string, readonly DevAddress[]>();
  private readonly copying = new Set<Promise<void>>();

  /**
   * `sentCopyDelayMs`: how long after a draft is sent its copy appears in Sent Items (and recipients'
   * Inboxes). Graph warns that the copy "is not created until the message successfully sends, which may take
   * time" (https://learn.microsoft.com/graph/outlook-immutable-id#immutable-id-with-sending-mail).
   */
  constructor(
    private readonly store: MailboxStore,
    private readonly sentCopyDelayMs = 0,
  ) {}

  /** Sends from `mailbox` (id or userPrincipalName) at the store's now. */
  send(mailbox: string, mail: SendInput, save: boolean): SentMail {
    const box = this.requireMailbox(mailbox);
    const now = this.store.now();
    const message = this.outgoing(box.user, mail, { id: `sent-${randomUUID()}`, folder: 'sentitems', isDraft: false, now });
    const sent: SentMail = { mailbox: box.user.userPrincipalName, at: now, message, saved: save };
    this.sent.push(sent);
    this.deliverCopies(box.user, message, mail.bccRecipients, save);
    return sent;
  }

  /** Saves a draft in the mailbox's Drafts folder (create message); its id is immutable. */
  createDraft(mailbox: string, mail: SendInput): DevMessage {
    const box = this.requireMailbox(mailbox);
    const message = this.outgoing(box.user, mail, { id: `msg-${randomUUID()}`, folder: 'drafts', isDraft: true, now: this.store.now() });
    this.store.deliver(box.user.id, message);
    this.draftBcc.set(message.id, mail.bccRecipients);
    return message;
  }

  /**
   * Sends a stored draft (message: send): it leaves Drafts at once and its copy, under the same immutable id,
   * reaches Sent Items after `sentCopyDelayMs` ("This method saves the message in the Sent Items folder",
   * https://learn.microsoft.com/graph/api/message-send; an immutable id "will NOT change if the item is
   * moved to a different folder in the mailbox", https://learn.microsoft.com/graph/outlook-immutable-id).
   */
  sendDraft(mailbox: string, draft: DevMessage): SentMail {
    const box = this.requireMailbox(mailbox);
    const now = this.store.now();
    this.store.remove(box.user.id, draft.id);
    const message: DevMessage = { ...draft, folder: 'sentitems', isDraft: false, receivedDateTime: now, sentDateTime: now };
    const sent: SentMail = { mailbox: box.user.userPrincipalName, at: now, message, saved: true };
    this.sent.push(sent);
    const bcc = this.draftBcc.get(draft.id) ?? [];
    this.draftBcc.delete(draft.id);
    this.deliverCopies(box.user, message, bcc, true);
    return sent;
  }

  /** A draft's Bcc recipients. */
  bccOf(draftId: string): readonly DevAddress[] {
    return this.draftBcc.get(draftId) ?? [];
  }

  /** Resolves once every sent copy still on its way has arrived. */
  async settled(): Promise<void> {
    while (this.copying.size > 0) await Promise.all([...this.copying]);
  }

  private outgoing(user: DevUser, mail: SendInput, where: { id: string; folder: string; isDraft: boolean; now: number }): DevMessage {
    const from: DevAddress = { name: user.displayName, address: user.mail };
    return {
      id: where.id,
      conversationId: `conv-${randomUUID()}`,
      internetMessageId: mail.internetMessageId ?? `<${randomUUID()}@${user.mail.split('@')[1] ?? 'dev.test'}>`,
      subject: mail.subject,
      from,
      sender: from,
      toRecipients: mail.toRecipients,
      ccRecipients: mail.ccRecipients,
      receivedDateTime: where.now,
      sentDateTime: where.now,
      folder: where.folder,
      isDraft: where.isDraft,
      isRead: true,
      categories: [],
      inferenceClassification: 'focused',
      internetMessageHeaders: mail.internetMessageHeaders,
      body: mail.body,
    };
  }

  /** The copy in Sent Items (when kept) and one in the Inbox of every recipient with a mailbox in the tenant. */
  private deliverCopies(user: DevUser, message: DevMessage, bcc: readonly DevAddress[], save: boolean): void {
    const { store } = this;
    const deliver = () => {
      if (save) store.deliver(user.id, message);
      const recipients = new Set([...message.toRecipients, ...message.ccRecipients, ...bcc].map((recipient) => recipient.address.toLowerCase()));
      for (const other of store.users) {
        if (!recipients.has(other.mail.toLowerCase()) && !recipients.has(other.userPrincipalName.toLowerCase())) continue;
        if (store.mailbox(other.id)) store.deliver(other.id, { ...message, id: `in-${randomUUID()}`, folder: 'inbox', isRead: false });
      }
    };
    if (this.sentCopyDelayMs <= 0) return deliver();
    const copying = new Promise<void>((resolve) => setTimeout(resolve, this.sentCopyDelayMs)).then(deliver);
    this.copying.add(copying);
    void copying.finally(() => this.copying.delete(copying));
  }

  private requireMailbox(mailbox: string) {
    const box = this.store.mailbox(mailbox);
    if (!box) throw new Error(`no mailbox ${mailbox} in dev tenant ${this.store.tenantId}`);
    return box;
  }
}
