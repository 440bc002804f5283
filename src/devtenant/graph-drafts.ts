// The dev Graph's draft-then-send pair, the way to send mail that a client can find again: create a draft
// (`POST /users/{id}/messages`, 201 with the message) and send it (`POST /users/{id}/messages/{id}/send`,
// a bare 202). The sent copy keeps the draft's immutable id and appears in Sent Items only once it has gone
// (after the outbox's delay); until then `GET /users/{id}/messages/{id}` answers 404.
import type { Hono } from 'hono';
import { messageJson } from './graph-message-json.ts';
import { ACCESS_DENIED, graphError, hasRole, immutableIds, ITEM_NOT_FOUND, ROLES, USER_NOT_FOUND, type GraphEnv } from './graph-response.ts';
import { outboxMail, outgoingMessageSchema, readJsonBody, refuseHeaders } from './graph-send-mail.ts';
import type { DevOutbox } from './mailbox-outbox.ts';
import type { MailboxStore } from './mailbox-store.ts';

/**
 * "S/MIME message payloads are currently limited to 4 MB. Submission attempts that exceed this limit will
 * result in an HTTP 413 Request Entity Too Large" (https://learn.microsoft.com/graph/api/user-post-messages).
 * The page states the limit for MIME; the stand-in applies it to JSON bodies too, the stricter reading.
 */
export const MAX_CREATE_MESSAGE_BYTES = 4 * 1024 * 1024;

export function registerDraftRoutes(app: Hono<GraphEnv>, store: MailboxStore, outbox: DevOutbox, baseUrl: string): void {
  app.post('/v1.0/users/:user/messages', async (c) => {
    // Create message needs Mail.ReadWrite, application or delegated (https://learn.microsoft.com/graph/api/user-post-messages).
    if (!hasRole(c, ROLES.mailWrite)) return graphError(c, ACCESS_DENIED);
    const mailbox = store.mailbox(c.req.param('user'));
    if (!mailbox) return graphError(c, USER_NOT_FOUND);
    const message = await readJsonBody(c, outgoingMessageSchema, MAX_CREATE_MESSAGE_BYTES);
    if (message instanceof Response) return message;
    const badHeader = refuseHeaders(c, message);
    if (badHeader) return badHeader;
    const draft = outbox.createDraft(mailbox.user.id, outboxMail(message));
    const stored = store.message(mailbox, draft.id)!;
    // "201 Created response code and message object in the response body"; the id is immutable when the
    // request asked with `Prefer: IdType="ImmutableId"` (https://learn.microsoft.com/graph/outlook-immutable-id).
    const json = messageJson(stored, { mailboxId: mailbox.user.id, immutableIds: immutableIds(c), contentAllowed: hasRole(c, ROLES.mailContent), alwaysTyped: false });
    return c.json({ '@odata.context': `${baseUrl}/$metadata#users('${encodeURIComponent(c.req.param('user'))}')/messages/$entity`, ...json }, 201);
  });

  app.post('/v1.0/users/:user/messages/:id/send', (c) => {
    // "Send an existing draft message", Mail.Send (https://learn.microsoft.com/graph/api/message-send).
    if (!hasRole(c, ROLES.mailSend)) return graphError(c, ACCESS_DENIED);
    const mailbox = store.mailbox(c.req.param('user'));
    if (!mailbox) return graphError(c, USER_NOT_FOUND);
    const stored = store.message(mailbox, c.req.param('id'));
    if (!stored) return graphError(c, ITEM_NOT_FOUND);
    // Only a draft can be sent; Graph's exact error for sending a sent item is not documented, so this
    // code is the stand-in's own.
    if (!stored.message.isDraft) return graphError(c, { status: 400, code: 'ErrorInvalidOperation', message: 'Only a draft message can be sent.' });
    if (stored.message.toRecipients.length + stored.message.ccRecipients.length + outbox.bccOf(stored.message.id).length === 0) {
      return graphError(c, { status: 400, code: 'ErrorInvalidRecipients', message: 'At least one recipient is not valid., Recipient is missing.' });
    }
    outbox.sendDraft(mailbox.user.id, stored.message);
    // "If successful, this method returns 202 Accepted response code. It does not return anything in the response body."
    return c.body(null, 202);
  });
}
