// The MailSender port over Microsoft Graph, sending each summary exactly once the way Microsoft documents for
// finding a mail again after sending it (https://learn.microsoft.com/graph/outlook-immutable-id#immutable-id-with-sending-mail):
// create a draft with `Prefer: IdType="ImmutableId"`, record its id in the delivery ledger, send that draft,
// and when in doubt look the id up — the sent copy in Sent Items keeps it — instead of sending again.
// sendMail cannot do this: it answers a bare 202 that names nothing, and a retry after a lost answer may send twice.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { GraphError, type GraphClient } from './graph-client.ts';
import type { MailSender, OutgoingMail, SendProgress } from '../ports/mail.ts';

/** The custom header carrying the delivery key (Graph takes only `x-` names: https://learn.microsoft.com/graph/api/resources/message). */
export const DELIVERY_KEY_HEADER = 'x-tandem-delivery';

/** Without it Graph answers ids that change when the draft moves to Sent Items (https://learn.microsoft.com/graph/outlook-immutable-id). */
const IMMUTABLE_IDS = { Prefer: 'IdType="ImmutableId"' } as const;

/**
 * The Message-ID a delivery's draft is created with: the same for every attempt, unique per key. A draft may
 * set it ("Updatable only if isDraft is true", https://learn.microsoft.com/graph/api/resources/message), and it
 * is a basic property that `$filter` takes, so a draft whose creation answer was lost can be found again
 * (Graph cannot filter on internet headers), and so can mail sent by sendMail before drafts were used.
 */
export function deliveryMessageId(mailbox: string, key: string): string {
  const domain = mailbox.split('@')[1] ?? 'tandem.invalid';
  return `<tandem.${createHash('sha256').update(key).digest('hex').slice(0, 40)}@${domain}>`;
}

/** Asked to send, but neither sent nor a draft any more: it may still be on its way, so it is not sent again. */
export class MailSendUnconfirmedError extends Error {
  override readonly name = 'MailSendUnconfirmedError';
  constructor(
    readonly mailbox: string,
    readonly draftId: string,
    options?: ErrorOptions,
  ) {
    super(`summary mail ${draftId} in ${mailbox} was sent for but is not in Sent Items yet; not sending it again`, options);
  }
}

const stateSchema = z.object({ id: z.string(), isDraft: z.boolean() });
const listSchema = z.object({ value: z.array(stateSchema) });
type MailState = 'sent' | 'draft' | 'missing';

/** An OData string literal: single quotes doubled. */
const odataString = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** A 4xx other than 404 says Graph did not act (a 429 included: throttled requests "fail", https://learn.microsoft.com/graph/throttling). */
function refusedOutright(error: unknown): boolean {
  return error instanceof GraphError && error.statusCode >= 400 && error.statusCode < 500 && error.statusCode !== 404;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface GraphMailSenderOptions {
  /**
   * A mailbox that sends every summary (e.g. a `tandem@` shared mailbox) instead of each pairing's own;
   * then Mail.Send and Mail.ReadWrite can be scoped to that one mailbox.
   */
  readonly sender?: string;
  /** After a send whose answer was lost: how often to look for the sent copy, and how long to wait between looks. */
  readonly confirm?: { readonly looks?: number; readonly intervalMs?: number; readonly sleep?: (ms: number) => Promise<void> };
  /** Sends of one draft per attempt while Graph shows it still unsent after a failure. */
  readonly maxSends?: number;
}

export function graphMailSender(graph: Pick<GraphClient, 'get' | 'post'>, options: GraphMailSenderOptions = {}): MailSender {
  const from = (mailbox: string) => options.sender ?? mailbox;
  const looks = options.confirm?.looks ?? 5;
  const intervalMs = options.confirm?.intervalMs ?? 2_000;
  const sleep = options.confirm?.sleep ?? realSleep;
  const maxSends = options.maxSends ?? 3;
  const user = (mailbox: string) => `/users/${encodeURIComponent(mailbox)}`;

  /** Where the mail with this immutable id is: sent (Sent Items, or wherever the owner filed it), still a draft, or nowhere to be seen. */
  const stateOf = async (mailbox: string, id: string): Promise<MailState> => {
    try {
      const message = stateSchema.parse(await graph.get(`${user(mailbox)}/messages/${encodeURIComponent(id)}?$select=id,isDraft`, { headers: IMMUTABLE_IDS }));
      return message.isDraft ? 'draft' : 'sent';
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 404) return 'missing';
      throw error;
    }
  };

  /**
   * This delivery's mail in one folder, by its Message-ID: in Drafts (made, never sent) or in Sent Items. Not
   * the whole mailbox: a summary sent to its own mailbox has a received copy in the Inbox under the same id.
   */
  const byMessageId = async (mailbox: string, key: string, folder: 'drafts' | 'sentitems') => {
    const filter = encodeURIComponent(`internetMessageId eq ${odataString(deliveryMessageId(mailbox, key))}`);
    return listSchema.parse(await graph.get(`${user(mailbox)}/mailFolders/${folder}/messages?$filter=${filter}&$select=id,isDraft&$top=10`, { headers: IMMUTABLE_IDS })).value;
  };

  const createDraft = async (mailbox: string, mail: OutgoingMail, key: string): Promise<string> => {
    const message = {
      subject: mail.subject,
      // Outlook renders the HTML part; the text part is for file outboxes and clients that get MIME.
      body: { contentType: 'HTML', content: mail.html },
      toRecipients: mail.to.map((address) => ({ emailAddress: { address } })),
      internetMessageId: deliveryMessageId(mailbox, key),
      internetMessageHeaders: [{ name: DELIVERY_KEY_HEADER, value: key }],
    };
    try {
      return stateSchema.pick({ id: true }).parse(await graph.post(`${user(mailbox)}/messages`, message, { headers: IMMUTABLE_IDS, notRepeatable: true })).id;
    } catch (error) {
      if (refusedOutright(error)) throw error;
      // The draft may exist all the same: adopt it rather than leave it and make another. Not found yet, the
      // attempt fails; the next one looks again before creating (findSent), and a draft it still misses stays
      // in Drafts unsent, since only the draft recorded in the ledger is ever sent.
      const [draft] = await byMessageId(mailbox, key, 'drafts');
      if (draft) return draft.id;
      throw error;
    }
  };

  /** Looks for the sent copy a few times: it "may not succeed immediately after sending" (outlook-immutable-id). */
  const confirm = async (mailbox: string, id: string): Promise<MailState> => {
    for (let look = 0; ; look++) {
      const state = await stateOf(mailbox, id);
      if (state !== 'missing' || look + 1 >= looks) return state;
      await sleep(intervalMs);
    }
  };

  return {
    async send(pairingMailbox, mail: OutgoingMail, key, progress: SendProgress) {
      const mailbox = from(pairingMailbox);
      let id = progress.prepared;
      if (id === null) {
        id = await createDraft(mailbox, mail, key);
        await progress.recordPrepared(id);
      }
      await progress.recordSendRequested();
      for (let sends = 1; ; sends++) {
        try {
          // A bare 202 (https://learn.microsoft.com/graph/api/message-send); never repeated blindly by the client.
          await graph.post(`${user(mailbox)}/messages/${encodeURIComponent(id)}/send`, '', { notRepeatable: true });
          return id;
        } catch (error) {
          if (refusedOutright(error)) throw error;
          // A 5xx, a 404 or a lost answer may come after the mail went: look before sending again.
          const state = await confirm(mailbox, id);
          if (state === 'sent') return id;
          if (state === 'missing') throw new MailSendUnconfirmedError(mailbox, id, { cause: error });
          if (sends >= maxSends) throw error;
        }
      }
    },

    async findSent(pairingMailbox, key, progress: SendProgress) {
      const mailbox = from(pairingMailbox);
      if (progress.prepared === null) {
        // No draft recorded: one may exist whose creation answer was lost (adopted, so it and no other is
        // sent), or mail sent by sendMail before drafts were used.
        const [sent] = await byMessageId(mailbox, key, 'sentitems');
        if (sent) return sent.id;
        const [draft] = await byMessageId(mailbox, key, 'drafts');
        if (draft) await progress.recordPrepared(draft.id);
        return null;
      }
      const state = await stateOf(mailbox, progress.prepared);
      if (state === 'sent') return progress.prepared;
      if (state === 'draft') return null;
      // Gone before anyone asked to send it (someone deleted the draft): a new draft is made.
      if (!progress.sendRequested) {
        await progress.recordPrepared(null);
        return null;
      }
      throw new MailSendUnconfirmedError(mailbox, progress.prepared);
    },
  };
}
