// The MailSender port over Microsoft Graph: `POST /users/{id}/sendMail`, each mail stamped with an
// internet Message-ID derived from its delivery key (and the key itself in an `x-` header), so a retry
// whose predecessor died after sending finds that mail in Sent Items instead of sending it twice.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { GraphClient } from './graph-client.ts';
import type { MailSender, OutgoingMail } from '../ports/mail.ts';

/** The custom header carrying the delivery key (Graph accepts only `x-` names on sendMail). */
export const DELIVERY_KEY_HEADER = 'x-tandem-delivery';

/**
 * The Message-ID a delivery's mail is sent with: the same for every attempt, unique per key. Graph lets a
 * new message set `internetMessageId`, and it is a basic property, so Sent Items can be filtered on it with
 * `Mail.ReadBasic.All` alone (internet headers are not returned for Sent Items, and extended properties
 * would need `Mail.Read`).
 */
export function deliveryMessageId(mailbox: string, key: string): string {
  const domain = mailbox.split('@')[1] ?? 'tandem.invalid';
  return `<tandem.${createHash('sha256').update(key).digest('hex').slice(0, 40)}@${domain}>`;
}

const sentItemsSchema = z.object({ value: z.array(z.object({ id: z.string(), internetMessageId: z.string().nullish() })) });

/** An OData string literal: single quotes doubled. */
const odataString = (value: string) => `'${value.replace(/'/g, "''")}'`;

export interface GraphMailSenderOptions {
  /**
   * A mailbox that sends every summary (e.g. a `tandem@` shared mailbox) instead of each pairing's own;
   * then Mail.Send can be scoped to that one mailbox.
   */
  readonly sender?: string;
}

export function graphMailSender(graph: Pick<GraphClient, 'get' | 'post'>, options: GraphMailSenderOptions = {}): MailSender {
  const from = (mailbox: string) => options.sender ?? mailbox;
  return {
    async send(pairingMailbox, mail: OutgoingMail, key) {
      const mailbox = from(pairingMailbox);
      const internetMessageId = deliveryMessageId(mailbox, key);
      // Graph's JSON sendMail carries one body; Outlook renders the HTML part (the text part is for file
      // outboxes and clients that get MIME). The client retries 429/503/504 and dropped connections; a 504 or
      // a drop may come after Exchange accepted the mail, and the retry then sends the same Message-ID again
      // (open: whether Exchange's duplicate detection drops that copy; the dev tenant cannot tell).
      await graph.post(`/users/${encodeURIComponent(mailbox)}/sendMail`, {
        message: {
          subject: mail.subject,
          body: { contentType: 'HTML', content: mail.html },
          toRecipients: mail.to.map((address) => ({ emailAddress: { address } })),
          internetMessageId,
          internetMessageHeaders: [{ name: DELIVERY_KEY_HEADER, value: key }],
        },
        saveToSentItems: true,
      });
      // sendMail answers 202 without an id; the Message-ID is what identifies the mail from now on.
      return internetMessageId;
    },

    async findSent(pairingMailbox, key) {
      const mailbox = from(pairingMailbox);
      const internetMessageId = deliveryMessageId(mailbox, key);
      const filter = encodeURIComponent(`internetMessageId eq ${odataString(internetMessageId)}`);
      const page = sentItemsSchema.parse(
        await graph.get(`/users/${encodeURIComponent(mailbox)}/mailFolders/sentitems/messages?$filter=${filter}&$select=id,internetMessageId&$top=1`),
      );
      return page.value.some((message) => message.internetMessageId === internetMessageId) ? internetMessageId : null;
    },
  };
}
