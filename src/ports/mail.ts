// The mail port: how the weekly summary leaves the owner's mailbox (Graph in a tenant, files locally).

export interface OutgoingMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

/**
 * What the delivery ledger keeps of one delivery's attempts to send, across retries and crashes: the mail
 * made ready to send (a draft's immutable id) is recorded before it is sent, so only that one is ever sent.
 */
export interface SendProgress {
  /** The draft an earlier attempt recorded, or null. */
  readonly prepared: string | null;
  /** Whether an attempt asked for `prepared` to be sent (then its absence may mean it is on its way). */
  readonly sendRequested: boolean;
  /** Records the draft to send (null: the recorded one is gone); before it is sent. */
  recordPrepared(id: string | null): Promise<void>;
  /** Records, before asking, that `prepared` is about to be sent. */
  recordSendRequested(): Promise<void>;
}

export interface MailSender {
  /** Sends from `mailbox`, tagged with `key` so a retry can find it; resolves to the mail's id. */
  send(mailbox: string, mail: OutgoingMail, key: string, progress: SendProgress): Promise<string>;
  /** The id of the mail an earlier attempt sent with `key`, or null when none went out. */
  findSent(mailbox: string, key: string, progress: SendProgress): Promise<string | null>;
}
