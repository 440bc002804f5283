// What Tandem asks Graph for about each message: only the fields the KPI spec reads, never a body or a
// preview. `headers` mode (Mail.Read) adds the internet headers that identify automatic mail.
import type { AutomaticDetection } from '../sources/graph-message.ts';

const BASIC_FIELDS = [
  'id',
  'conversationId',
  'internetMessageId',
  'createdDateTime',
  'lastModifiedDateTime',
  'receivedDateTime',
  'sentDateTime',
  'from',
  'sender',
  'toRecipients',
  'ccRecipients',
  'parentFolderId',
  'isDraft',
  'categories',
  'inferenceClassification',
  'subject',
  // Outlook on the web's link to the item: how cards and the tab open a waiting message.
  'webLink',
] as const;

export function messageSelect(mode: AutomaticDetection): string {
  return (mode === 'headers' ? [...BASIC_FIELDS, 'internetMessageHeaders'] : BASIC_FIELDS).join(',');
}

/** Ids that survive moves between folders (Graph's default ids change on every move). */
export const IMMUTABLE_ID_PREFERENCE = 'IdType="ImmutableId"';
