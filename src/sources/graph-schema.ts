// zod schemas of a Microsoft Graph v1.0 message export: the file shapes and one message resource.
import { z } from 'zod';

const emailAddress = z.object({
  emailAddress: z
    .object({
      address: z.string().nullish(),
      name: z.string().nullish(),
    })
    .nullish(),
});

/**
 * One Graph `message` resource, lenient: every property may be absent or null (a `$select` drops
 * properties), but a property that is present must have Graph's shape.
 */
export const graphMessageSchema = z.object({
  '@odata.type': z.string().nullish(),
  id: z.string().nullish(),
  receivedDateTime: z.string().nullish(),
  sentDateTime: z.string().nullish(),
  // Drafts may lack both of the above; these are their fallback.
  createdDateTime: z.string().nullish(),
  lastModifiedDateTime: z.string().nullish(),
  from: emailAddress.nullish(),
  sender: emailAddress.nullish(),
  toRecipients: z.array(emailAddress).nullish(),
  ccRecipients: z.array(emailAddress).nullish(),
  conversationId: z.string().nullish(),
  parentFolderId: z.string().nullish(),
  categories: z.array(z.string()).nullish(),
  inferenceClassification: z.string().nullish(),
  internetMessageHeaders: z.array(z.object({ name: z.string(), value: z.string() })).nullish(),
  isDraft: z.boolean().nullish(),
  meetingMessageType: z.string().nullish(),
  subject: z.string().nullish(),
  internetMessageId: z.string().nullish(),
  webLink: z.string().nullish(),
});
export type GraphMessage = z.infer<typeof graphMessageSchema>;
export type GraphRecipient = z.infer<typeof emailAddress>;

const nextLink = z.string().nullish();

/** A page as Graph returns it from `GET .../messages`; messages are checked one by one later. */
export const graphPageSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': nextLink,
  '@odata.context': z.string().nullish(),
});
export type GraphPage = z.infer<typeof graphPageSchema>;

/** Tandem's export file: the mailbox, its well-known folder ids, and every message. */
export const graphExportSchema = z.object({
  mailbox: z.string().nullish(),
  /** Well-known folder name (`inbox`, `sentitems`, ...) → that folder's id. */
  folders: z.record(z.string(), z.string()).nullish(),
  messages: z.array(z.unknown()),
  '@odata.nextLink': nextLink,
});
export type GraphExport = z.infer<typeof graphExportSchema>;
