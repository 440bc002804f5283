// Builds the seeded tenant's messages in Graph's shape (DevMessage): ids that look like immutable ids,
// conversation ids, Internet headers as Exchange shows them, and a short body that Tandem must never see.
import type { DevAddress, DevHeader, DevMeetingMessageType, DevMessage } from '../tenant-seed.ts';
import type { Random } from './random.ts';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Inbound mail leaves the sender's server this long (at most) before the mailbox receives it. */
const MAX_TRANSIT_SECONDS = 90;

interface MessageSpec {
  readonly conversationId: string;
  readonly subject: string;
  readonly to: readonly DevAddress[];
  readonly cc?: readonly DevAddress[];
  /** The message it replies to, for In-Reply-To and References. */
  readonly replyTo?: DevMessage;
  readonly body: string;
}

export interface InboundSpec extends MessageSpec {
  readonly from: DevAddress;
  readonly receivedAt: number;
  readonly folder?: 'inbox' | 'junkemail';
  readonly inference: 'focused' | 'other';
  /** Extra headers that make it automatic mail (List-Unsubscribe, Auto-Submitted…). */
  readonly headers?: readonly DevHeader[];
  readonly meetingMessageType?: DevMeetingMessageType;
}

export interface SentSpec extends MessageSpec {
  /** The mailbox owner: delegates send on the owner's behalf. */
  readonly from: DevAddress;
  /** Who pressed Send: the VA as delegate, or the owner. */
  readonly sender: DevAddress;
  readonly sentAt: number;
}

function formatAddress(address: DevAddress): string {
  return `"${address.name}" <${address.address}>`;
}

function rfcDate(instant: number): string {
  return new Date(instant).toUTCString().replace('GMT', '+0000');
}

export class MailFactory {
  private count = 0;

  constructor(private readonly random: Random) {}

  conversationId(): string {
    return `AAQkAD${this.random.chars(38, ID_ALPHABET)}=`;
  }

  private id(): string {
    this.count += 1;
    return `AAMkAD${this.count.toString(36).padStart(4, '0')}${this.random.chars(60, ID_ALPHABET)}=`;
  }

  private internetMessageId(domain: string): string {
    return `<${this.random.chars(24, ID_ALPHABET.slice(0, 62))}@${domain}>`;
  }

  private threadHeaders(replyTo: DevMessage | undefined): DevHeader[] {
    if (replyTo === undefined) return [];
    return [
      { name: 'In-Reply-To', value: replyTo.internetMessageId },
      { name: 'References', value: replyTo.internetMessageId },
    ];
  }

  /** The parts every message shares: ids, the RFC 5322 header block and the Graph fields. */
  private build(
    spec: MessageSpec & { readonly from: DevAddress; readonly sender: DevAddress; readonly sentAt: number; readonly receivedAt: number },
    shape: Pick<DevMessage, 'folder' | 'isRead' | 'inferenceClassification' | 'meetingMessageType'> & { readonly received?: DevHeader; readonly extra?: readonly DevHeader[] },
  ): DevMessage {
    const domain = spec.from.address.slice(spec.from.address.indexOf('@') + 1);
    const internetMessageId = this.internetMessageId(domain);
    const headers: DevHeader[] = [
      ...(shape.received === undefined ? [] : [shape.received]),
      { name: 'From', value: formatAddress(spec.from) },
      ...(spec.sender.address === spec.from.address ? [] : [{ name: 'Sender', value: formatAddress(spec.sender) }]),
      { name: 'To', value: spec.to.map(formatAddress).join(', ') },
      ...((spec.cc ?? []).length > 0 ? [{ name: 'Cc', value: spec.cc!.map(formatAddress).join(', ') }] : []),
      { name: 'Subject', value: spec.subject },
      { name: 'Date', value: rfcDate(spec.sentAt) },
      { name: 'Message-ID', value: internetMessageId },
      ...this.threadHeaders(spec.replyTo),
      { name: 'MIME-Version', value: '1.0' },
      { name: 'Content-Type', value: 'multipart/alternative; boundary="_000_seed_"' },
      ...(shape.extra ?? []),
    ];
    return {
      id: this.id(),
      conversationId: spec.conversationId,
      internetMessageId,
      subject: spec.subject,
      from: spec.from,
      sender: spec.sender,
      toRecipients: spec.to,
      ccRecipients: spec.cc ?? [],
      receivedDateTime: spec.receivedAt,
      sentDateTime: spec.sentAt,
      folder: shape.folder,
      isDraft: false,
      isRead: shape.isRead,
      categories: [],
      inferenceClassification: shape.inferenceClassification,
      internetMessageHeaders: headers,
      ...(shape.meetingMessageType === undefined ? {} : { meetingMessageType: shape.meetingMessageType }),
      body: spec.body,
    };
  }

  inbound(spec: InboundSpec): DevMessage {
    const sentAt = spec.receivedAt - this.random.int(5, MAX_TRANSIT_SECONDS) * 1000;
    const domain = spec.from.address.slice(spec.from.address.indexOf('@') + 1);
    return this.build(
      { ...spec, sender: spec.from, sentAt },
      {
        folder: spec.folder ?? 'inbox',
        isRead: false,
        inferenceClassification: spec.inference,
        meetingMessageType: spec.meetingMessageType,
        received: { name: 'Received', value: `from mail.${domain} by mx.contoso.example; ${rfcDate(spec.receivedAt)}` },
        extra: spec.headers ?? [],
      },
    );
  }

  /** A reply saved in Drafts and never sent: not an answer. Graph has no sent time for it; it carries when it was saved. */
  draft(spec: SentSpec): DevMessage {
    return { ...this.sent(spec), folder: 'drafts', isDraft: true };
  }

  /** Exchange stamps a sent item's receivedDateTime with the moment it was saved to Sent Items. */
  sent(spec: SentSpec): DevMessage {
    return this.build({ ...spec, receivedAt: spec.sentAt }, { folder: 'sentitems', isRead: true, inferenceClassification: 'focused', meetingMessageType: undefined });
  }
}
