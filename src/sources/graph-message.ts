// One Graph `message` resource → the engine's MessageMeta fields: shared by Graph export files and the
// live Graph sync, so both read a message the same way.
import { DateTime } from 'luxon';
import { detectAutomatic } from '../kpi/automatic.ts';
import { httpsLink } from '../kpi/links.ts';
import type { FolderKind, InferenceClass, MessageMeta } from '../kpi/message.ts';
import type { GraphMessage, GraphRecipient } from './graph-schema.ts';

/** How automatic mail is recognised: from internet headers (`Mail.Read`), or without them (`Mail.ReadBasic.All`). */
export type AutomaticDetection = 'headers' | 'basic';

/** Graph returns UTC instants (`...Z`); a zone-less one is read as UTC like everything else. */
function instant(value: string | null | undefined): number | null {
  if (value == null) return null;
  const date = DateTime.fromISO(value, { zone: 'utc' });
  return date.isValid ? date.toMillis() : null;
}

function address(recipient: GraphRecipient | null | undefined): string | null {
  const value = recipient?.emailAddress?.address?.trim().toLowerCase() ?? '';
  return value === '' ? null : value;
}

function addresses(recipients: readonly GraphRecipient[] | null | undefined): string[] {
  const out: string[] = [];
  for (const recipient of recipients ?? []) {
    const value = address(recipient);
    if (value !== null && !out.includes(value)) out.push(value);
  }
  return out;
}

function inference(value: string | null | undefined): InferenceClass | null {
  const lower = value?.toLowerCase();
  return lower === 'focused' || lower === 'other' ? lower : null;
}

interface Instants {
  readonly receivedAt: number;
  readonly sentAt: number;
}

/** Received and sent instants, or why there are none; drafts fall back to when they were written. */
function instants(message: GraphMessage, isDraft: boolean): Instants | string {
  const received = instant(message.receivedDateTime);
  const sent = instant(message.sentDateTime);
  if (!isDraft) {
    const raw = message.receivedDateTime;
    if (received === null) return raw == null ? 'no receivedDateTime' : `unparseable receivedDateTime ${JSON.stringify(raw)}`;
    return { receivedAt: received, sentAt: sent ?? received };
  }
  const written = received ?? sent ?? instant(message.createdDateTime) ?? instant(message.lastModifiedDateTime);
  if (written === null) return 'draft without any parseable date';
  return { receivedAt: written, sentAt: sent ?? written };
}

/**
 * Without headers, Focused Inbox's `other` stands in for the header rule: it is where Exchange files
 * newsletters and notifications. A person's mail misfiled as `other` is then excluded too; README says so.
 */
function automatic(message: GraphMessage, detection: AutomaticDetection): boolean {
  const signals = { odataType: message['@odata.type'], meetingMessageType: message.meetingMessageType };
  if (detection === 'headers') return detectAutomatic(message.internetMessageHeaders ?? [], signals);
  return detectAutomatic([], signals) || inference(message.inferenceClassification) === 'other';
}

/** The message's metadata without its conversation (files derive that later), or why it cannot be read. */
export function graphMessageMeta(
  message: GraphMessage,
  id: string,
  folder: FolderKind,
  detection: AutomaticDetection = 'headers',
): Omit<MessageMeta, 'conversationId'> | string {
  const isDraft = message.isDraft === true;
  const when = instants(message, isDraft);
  const from = address(message.from);
  const problems: string[] = [];
  if (typeof when === 'string') problems.push(when);
  if (from === null && !isDraft) problems.push('no from address');
  if (typeof when === 'string' || problems.length > 0) return problems.join('; ');
  const webLink = httpsLink(message.webLink);
  return {
    id,
    receivedAt: when.receivedAt,
    sentAt: when.sentAt,
    from,
    sender: address(message.sender),
    to: addresses(message.toRecipients),
    cc: addresses(message.ccRecipients),
    folder,
    isDraft,
    categories: message.categories ?? [],
    inference: inference(message.inferenceClassification),
    automatic: automatic(message, detection),
    subject: message.subject ?? '',
    ...(message.internetMessageId == null ? {} : { internetMessageId: message.internetMessageId }),
    ...(webLink === null ? {} : { webLink }),
  };
}
