// Real-shaped Bot Framework activities from Teams (group chat and personal chat), for bot tests.
import { randomUUID } from 'node:crypto';

export interface ChatUser {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly email: string;
}

export const BOT_ACCOUNT = { id: '28:tandem-bot', name: 'Tandem' };
export const TENANT_ID = '72f988bf-0000-4000-8000-000000000001';

export function chatUser(name: string, email: string): ChatUser {
  return { id: `29:${randomUUID()}`, aadObjectId: randomUUID(), name, email };
}

export interface ChatOptions {
  readonly serviceUrl: string;
  readonly conversationId: string;
  readonly personal?: boolean;
}

function base(chat: ChatOptions, from: ChatUser | typeof BOT_ACCOUNT) {
  return {
    id: `f:${randomUUID()}`,
    timestamp: new Date().toISOString(),
    serviceUrl: chat.serviceUrl,
    channelId: 'msteams',
    from: 'aadObjectId' in from ? { id: from.id, name: from.name, aadObjectId: from.aadObjectId } : from,
    recipient: BOT_ACCOUNT,
    conversation: { id: chat.conversationId, conversationType: chat.personal === true ? 'personal' : 'groupChat', tenantId: TENANT_ID, isGroup: chat.personal !== true },
    channelData: { tenant: { id: TENANT_ID } },
    locale: 'en-GB',
    entities: [{ type: 'clientInfo', locale: 'en-GB', country: 'DK', platform: 'Web', timezone: 'Europe/Copenhagen' }],
  };
}

export function installActivity(chat: ChatOptions, by: ChatUser) {
  return { ...base(chat, by), type: 'conversationUpdate', membersAdded: [BOT_ACCOUNT] };
}

export function removeActivity(chat: ChatOptions, by: ChatUser) {
  return { ...base(chat, by), type: 'conversationUpdate', membersRemoved: [BOT_ACCOUNT] };
}

export function messageActivity(chat: ChatOptions, from: ChatUser, text: string) {
  const mention = chat.personal === true ? '' : '<at>Tandem</at> ';
  return {
    ...base(chat, from),
    type: 'message',
    text: `${mention}${text}`,
    textFormat: 'plain',
    ...(chat.personal === true ? {} : { entities: [{ type: 'mention', text: '<at>Tandem</at>', mentioned: BOT_ACCOUNT }] }),
  };
}

/** A Universal Action click (or refresh) on the card posted as activity `replyToId`. */
export function actionActivity(chat: ChatOptions, from: ChatUser, verb: string, data: Record<string, unknown>, replyToId = 'card-1', trigger: 'manual' | 'automatic' = 'manual') {
  return {
    ...base(chat, from),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger },
  };
}

/** The Action.Submit fallback of the same click: a message whose value carries the data and the verb. */
export function submitActivity(chat: ChatOptions, from: ChatUser, verb: string, data: Record<string, unknown>, replyToId = 'card-1') {
  return { ...base(chat, from), type: 'message', replyToId, value: { ...data, verb } };
}
