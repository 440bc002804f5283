// A stored message in Graph v1.0's JSON: the `message` (or `eventMessage`) resource, with only the
// `$select`ed properties plus id and `@odata.etag`, the id kind the request asked for, and never a body,
// preview or headers unless the caller's permissions allow them.
import { changeKey, defaultMessageId, folderId, type StoredMessage } from './mailbox-store.ts';
import { CONTENT_PROPERTIES } from './graph-query.ts';
import type { DevAddress } from './tenant-seed.ts';

export interface MessageJsonOptions {
  readonly mailboxId: string;
  /** `$select`ed properties; absent means Graph's defaults. */
  readonly select?: readonly string[];
  readonly immutableIds: boolean;
  /** The token may read bodies, previews and headers (Mail.Read or more). */
  readonly contentAllowed: boolean;
  /** Delta answers name the type on every item; lists only on derived types. */
  readonly alwaysTyped: boolean;
}

/** Properties returned without `$select`: everything but headers, which Graph returns only when selected. */
const DEFAULT_PROPERTIES = [
  'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories', 'receivedDateTime', 'sentDateTime', 'hasAttachments', 'internetMessageId',
  'subject', 'bodyPreview', 'importance', 'parentFolderId', 'conversationId', 'isDeliveryReceiptRequested', 'isReadReceiptRequested', 'isRead',
  'isDraft', 'webLink', 'inferenceClassification', 'body', 'sender', 'from', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo', 'flag',
];
/** Exchange keeps no internet headers on the copies in these folders (msgraph-sdk-javascript#1891). */
const NO_HEADER_FOLDERS: ReadonlySet<string> = new Set(['sentitems', 'drafts', 'outbox']);

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const recipient = (address: DevAddress) => ({ emailAddress: { name: address.name, address: address.address } });

export function messageId(stored: StoredMessage, immutable: boolean): string {
  return immutable ? stored.message.id : defaultMessageId(stored.message.id, stored.folder, stored.moves);
}

function property(stored: StoredMessage, name: string, options: MessageJsonOptions): unknown {
  const { message } = stored;
  switch (name) {
    case 'createdDateTime': return iso(stored.created);
    case 'lastModifiedDateTime': return iso(stored.lastModified);
    case 'changeKey': return changeKey(stored);
    case 'categories': return [...stored.categories];
    case 'receivedDateTime': return iso(message.receivedDateTime);
    case 'sentDateTime': return iso(message.sentDateTime);
    case 'hasAttachments': return false;
    case 'internetMessageId': return message.internetMessageId;
    case 'subject': return message.subject;
    case 'bodyPreview': return message.body.slice(0, 255);
    case 'importance': return 'normal';
    case 'parentFolderId': return folderId(options.mailboxId, stored.folder);
    case 'conversationId': return message.conversationId;
    case 'isDeliveryReceiptRequested': return false;
    case 'isReadReceiptRequested': return false;
    case 'isRead': return stored.isRead;
    case 'isDraft': return message.isDraft;
    case 'webLink': return `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(messageId(stored, options.immutableIds))}&exvsurl=1&viewmodel=ReadMessageItem`;
    case 'inferenceClassification': return message.inferenceClassification;
    case 'body':
    case 'uniqueBody': return { contentType: 'text', content: message.body };
    case 'sender': return recipient(message.sender);
    case 'from': return recipient(message.from);
    case 'toRecipients': return message.toRecipients.map(recipient);
    case 'ccRecipients': return message.ccRecipients.map(recipient);
    case 'bccRecipients':
    case 'replyTo': return [];
    case 'flag': return { flagStatus: 'notFlagged' };
    case 'internetMessageHeaders': return NO_HEADER_FOLDERS.has(stored.folder) ? undefined : message.internetMessageHeaders.map(({ name, value }) => ({ name, value }));
    case 'meetingMessageType': return message.meetingMessageType;
    default: return undefined;
  }
}

export function messageJson(stored: StoredMessage, options: MessageJsonOptions): Record<string, unknown> {
  const meeting = stored.message.meetingMessageType !== undefined;
  const json: Record<string, unknown> = {};
  if (meeting || options.alwaysTyped) json['@odata.type'] = meeting ? '#microsoft.graph.eventMessage' : '#microsoft.graph.message';
  json['@odata.etag'] = `W/"${changeKey(stored)}"`;
  json['id'] = messageId(stored, options.immutableIds);
  const names = options.select ?? DEFAULT_PROPERTIES;
  for (const name of names) {
    if (name === 'id' || (!options.contentAllowed && CONTENT_PROPERTIES.has(name))) continue;
    const value = property(stored, name, options);
    if (value !== undefined) json[name] = value;
  }
  // A meeting message always says what kind it is: that is how Tandem tells it from mail needing an answer.
  if (meeting) json['meetingMessageType'] = stored.message.meetingMessageType;
  return json;
}
