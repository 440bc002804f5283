// The Bot Framework activities Tandem handles, as zod schemas: the adapter parses every request with these,
// so handlers take typed activities and malformed ones are refused with a 400 naming the field.
import { z } from 'zod';

/** Longer text than any Teams message carries is refused, not processed. */
export const MAX_TEXT_LENGTH = 28_000;
const MAX_ID_LENGTH = 1_000;

/** Ids become SQL parameters and URL segments: control characters (NUL above all) are refused here. */
const id = z
  .string()
  .min(1)
  .max(MAX_ID_LENGTH)
  .regex(/^[^\u0000-\u001f]+$/, { error: 'must not contain control characters' });

export const accountSchema = z.object({
  id,
  name: z.string().max(MAX_ID_LENGTH).optional(),
  aadObjectId: z.string().max(100).regex(/^[^\u0000-\u001f]*$/, { error: 'must not contain control characters' }).optional(),
});

const conversationSchema = z.object({
  id,
  conversationType: z.string().max(50).optional(),
  tenantId: id.max(100).optional(),
  isGroup: z.boolean().optional(),
});

const entitySchema = z.looseObject({ type: z.string().max(100), timezone: z.string().max(100).optional(), locale: z.string().max(50).optional() });

const common = {
  id: z.string().max(MAX_ID_LENGTH).optional(),
  serviceUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2_048),
  channelId: z.string().min(1).max(100),
  from: accountSchema,
  recipient: accountSchema,
  conversation: conversationSchema,
  channelData: z.looseObject({ tenant: z.object({ id: id.max(100) }).optional() }).optional(),
  locale: z.string().max(50).optional(),
  replyToId: z.string().max(MAX_ID_LENGTH).optional(),
  entities: z.array(entitySchema).max(50).optional(),
};

export const messageActivitySchema = z.object({
  ...common,
  type: z.literal('message'),
  text: z.string().max(MAX_TEXT_LENGTH).optional(),
  /** Action.Submit data (the fallback of Action.Execute). */
  value: z.unknown().optional(),
});

export const conversationUpdateSchema = z.object({
  ...common,
  type: z.literal('conversationUpdate'),
  membersAdded: z.array(accountSchema).max(1_000).optional(),
  membersRemoved: z.array(accountSchema).max(1_000).optional(),
});

export const installationUpdateSchema = z.object({
  ...common,
  type: z.literal('installationUpdate'),
  action: z.string().max(50).optional(),
});

export const invokeActivitySchema = z.object({
  ...common,
  type: z.literal('invoke'),
  name: z.string().max(200),
  value: z.unknown().optional(),
});

/** Typing, reactions and the rest: acknowledged, nothing to do. */
export const otherActivitySchema = z.object({
  ...common,
  type: z.string().min(1).max(100).refine((type) => !['message', 'conversationUpdate', 'installationUpdate', 'invoke'].includes(type)),
});

/** What every activity carries; checked first so a refusal names the missing or malformed field. */
export const envelopeSchema = z.object({ ...common, type: z.string().min(1).max(100) });

export const activitySchema = z.union([messageActivitySchema, conversationUpdateSchema, installationUpdateSchema, invokeActivitySchema, otherActivitySchema]);

export type MessageActivity = z.infer<typeof messageActivitySchema>;
export type ConversationUpdateActivity = z.infer<typeof conversationUpdateSchema>;
export type InstallationUpdateActivity = z.infer<typeof installationUpdateSchema>;
export type InvokeActivity = z.infer<typeof invokeActivitySchema>;
export type Activity = z.infer<typeof activitySchema>;

/** The `value` of an `adaptiveCard/action` invoke (Universal Actions). */
export const cardActionValueSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});

/** The fallback Action.Submit's data, as a message's `value`. */
export const submitValueSchema = z.looseObject({ verb: z.string().min(1).max(100) });

export const isMessage = (activity: Activity): activity is MessageActivity => activity.type === 'message';
export const isConversationUpdate = (activity: Activity): activity is ConversationUpdateActivity => activity.type === 'conversationUpdate';
export const isInstallationUpdate = (activity: Activity): activity is InstallationUpdateActivity => activity.type === 'installationUpdate';
export const isInvoke = (activity: Activity): activity is InvokeActivity => activity.type === 'invoke';

/** Tenant of the conversation, where Teams puts it. */
export function tenantOf(activity: Activity): string | null {
  return activity.conversation.tenantId ?? activity.channelData?.tenant?.id ?? null;
}

/** Conversations without a tenant are the local dev tenant's (the Agents Playground sends none). */
const NO_TENANT = 'dev';

/** The tenant a chat belongs to, for pairings and for who may act in them. */
export function chatTenant(activity: Activity): string {
  return tenantOf(activity) ?? NO_TENANT;
}

/** The user's time zone from Teams' clientInfo entity (IANA), when sent. */
export function clientTimeZone(activity: Activity): string | null {
  return activity.entities?.find((entity) => entity.type === 'clientInfo')?.timezone ?? null;
}

/** What Tandem stores to post into this chat later (the jobs' ConversationRef, plus what Teams needs). */
export function conversationReference(activity: Activity, tenantId: string) {
  return {
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId,
    conversation: { id: activity.conversation.id, conversationType: activity.conversation.conversationType, tenantId },
    bot: { id: activity.recipient.id, name: activity.recipient.name },
  };
}

export function isPersonal(activity: Activity): boolean {
  return activity.conversation.conversationType === 'personal';
}
