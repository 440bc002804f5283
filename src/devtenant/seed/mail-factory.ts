// Builds the seeded tenant's messages in Graph's shape (DevMessage): ids that look like immutable ids,
// conversation ids, Internet headers as Exchange shows them, and a short body that Tandem must never see.
import type { DevAddress, DevHeader, DevMeetingMessageType, DevMessage } from '../tenant-seed.ts';
import type { Random } from './random.ts';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Inbound mail leaves the sender's server this long (at most) before the mailbox receives it. */
const MAX_TRANSIT_SECONDS = 90;

export interface InboundSpec {
  readonly conversationId: string;
  readonly subject: string;
  readonly from: DevAddress;
  readonly to: readonly DevAddress[];
  readonly cc?: readonly DevAddress[];
  readonly receivedAt: number;
  readonly folder?: 'inbox' | 'junkemail';
  readonly inference: 'focused' | 'other';
  /** Extra headers that make it automatic mail (List-Unsubscribe, Auto-Submitted…). */
  readonly headers?: readonly DevHeader[];
  readonly meetingMessageType?: DevMeetingMessageType;
  /** The message it replies to, for In-Reply-To and References. */
  readonly replyTo?: DevMessage;
  readonly body: string;
}

export interface SentSpec {
  readonly conversationId: string;
  readonly subject: string;
  /** The mailbox owner: delegates send on the owner's behalf. */
  readonly from: DevAddress;
  /** Who pressed Send: the VA as delegate, or the owner. */
  readonly sender: DevAddress;
  readonly to: readonly DevAddress[];
  readonly cc?: readonly DevAddress[];
  readonly sentAt: number;
  readonly replyTo?: DevMessage;
  readonly body: string;
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

  inbound(spec: InboundSpec): DevMessage {
    const sentAt = spec.receivedAt - this.random.int(5, MAX_TRANSIT_SECONDS) * 1000;
    const domain = spec.from.address.slice(spec.from.address.indexOf('@') + 1);
    const internetMessageId = this.internetMessageId(domain);
    const headers: DevHeader[] = [
      { name: 'Received', value: `from mail.${domain} by mx.contoso.example; ${rfcDate(spec.receivedAt)}` },
      { name: 'From', value: formatAddress(spec.from) },
      { name: 'To', value: spec.to.map(formatAddress).join(', ') },
      ...((spec.cc ?? []).length > 0 ? [{ name: 'Cc', value: spec.cc!.map(formatAddress).join(', ') }] : []),
      { name: 'Subject', value: spec.subject },
      { name: 'Date', value: rfcDate(sentAt) },
      { name: 'Message-ID', value: internetMessageId },
      ...this.threadHeaders(spec.replyTo),
      { name: 'MIME-Version', value: '1.0' },
      { name: 'Content-Type', value: 'multipart/alternative; boundary="_000_seed_"' },
      ...(spec.headers ?? []),
    ];
    return {
      id: this.id(),
      conversationId: spec.conversationId,
      internetMessageId,
      subject: spec.subject,
      from: spec.from,
      sender: spec.from,
      toRecipients: spec.to,
      ccRecipients: spec.cc ?? [],
      receivedDateTime: spec.receivedAt,
      sentDateTime: sentAt,
      folder: spec.folder ?? 'inbox',
      isDraft: false,
      isRead: false,
      categories: [],
      inferenceClassification: spec.inference,
      internetMessageHeaders: headers,
      ...(spec.meetingMessageType === undefined ? {} : { meetingMessageType: spec.meetingMessageType }),
      body: spec.body,
    };
  }

  /** A reply saved in Drafts and never sent: not an answer. Graph has no sent time for it; it carries when it was saved. */
  draft(spec: SentSpec): DevMessage {
    return { ...this.sent(spec), folder: 'drafts', isDraft: true, isRead: true };
  }

  sent(spec: SentSpec): DevMessage {
    const internetMessageId = this.internetMessageId('contoso.example');
    const headers: DevHeader[] = [
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
      // Exchange stamps a sent item's receivedDateTime with the moment it was saved to Sent Items.
      receivedDateTime: spec.sentAt,
      sentDateTime: spec.sentAt,
      folder: 'sentitems',
      isDraft: false,
      isRead: true,
      categories: [],
      inferenceClassification: 'focused',
      internetMessageHeaders: headers,
      body: spec.body,
    };
  }
}
