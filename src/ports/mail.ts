// The mail port: how the weekly summary leaves the owner's mailbox (Graph in a tenant, files locally).

export interface OutgoingMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

export interface MailSender {
  /** Sends from `mailbox`, tagged with `key` (an internet header) so a retry can find it. */
  send(mailbox: string, mail: OutgoingMail, key: string): Promise<string>;
  /** The id of the mail an earlier attempt sent with `key`, or null. */
  findSent(mailbox: string, key: string): Promise<string | null>;
}
