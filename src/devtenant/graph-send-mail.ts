// The dev Graph's `POST /users/{id}/sendMail`: the body zod-checked in Graph's shape (custom internet
// headers must start with `x-`), the mail kept in Sent Items when asked and in the outbox, and
// Graph's bare 202 — no content type, no body — on success.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { ACCESS_DENIED, graphError, hasRole, ROLES, USER_NOT_FOUND, type GraphEnv } from './graph-response.ts';
import type { DevOutbox, SendInput } from './mailbox-outbox.ts';
import type { MailboxStore } from './mailbox-store.ts';

const recipientSchema = z.object({ emailAddress: z.object({ address: z.string().email(), name: z.string().optional() }) });
const headerSchema = z.object({ name: z.string().min(1), value: z.string() });

/** A message as sendMail and create-message take it (the properties Tandem's mail uses). */
export const outgoingMessageSchema = z.object({
  subject: z.string().default(''),
  internetMessageId: z.string().regex(/^<[^<>@\s]+@[^<>@\s]+>$/).optional(),
  body: z.object({ contentType: z.string().regex(/^(text|html)$/i), content: z.string() }).optional(),
  toRecipients: z.array(recipientSchema).default([]),
  ccRecipients: z.array(recipientSchema).default([]),
  bccRecipients: z.array(recipientSchema).default([]),
  internetMessageHeaders: z.array(headerSchema).default([]),
});
export type OutgoingMessage = z.infer<typeof outgoingMessageSchema>;

export const sendMailSchema = z.object({
  message: outgoingMessageSchema,
  // Graph's own example sends it as a string.
  saveToSentItems: z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]).default(true),
});

const address = (recipient: z.infer<typeof recipientSchema>) => ({ name: recipient.emailAddress.name ?? recipient.emailAddress.address, address: recipient.emailAddress.address });

/** A message resource as the outbox keeps it, for sendMail and for a new draft alike. */
export function outboxMail(message: OutgoingMessage): SendInput {
  return {
    subject: message.subject,
    body: message.body?.content ?? '',
    toRecipients: message.toRecipients.map(address),
    ccRecipients: message.ccRecipients.map(address),
    bccRecipients: message.bccRecipients.map(address),
    internetMessageHeaders: message.internetMessageHeaders,
    // "Updatable only if isDraft is true" (https://learn.microsoft.com/graph/api/resources/message): a new draft, or sendMail's new message, may set it.
    ...(message.internetMessageId ? { internetMessageId: message.internetMessageId } : {}),
  };
}

/** Graph's answers to an empty, too large, unreadable or malformed JSON body; the parsed body otherwise. */
export async function readJsonBody<T>(c: Context, schema: z.ZodType<T>, maxBytes = Infinity): Promise<T | Response> {
  const tooLarge = () => graphError(c, { status: 413, code: 'RequestEntityTooLarge', message: `The request is larger than the ${maxBytes} bytes Microsoft Graph accepts here.` });
  if (Number(c.req.header('content-length') ?? 0) > maxBytes) return tooLarge();
  const text = await c.req.text();
  if (Buffer.byteLength(text) > maxBytes) return tooLarge();
  if (text.trim() === '') return graphError(c, { status: 400, code: 'ErrorInvalidRequest', message: 'Empty Payload. JSON content expected.' });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return graphError(c, { status: 400, code: 'BadRequest', message: 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.' });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return graphError(c, { status: 400, code: 'ErrorInvalidRequest', message: `Invalid request: ${issue?.path.join('.') ?? 'body'}: ${issue?.message ?? 'malformed'}.` });
  }
  return parsed.data;
}

/**
 * Custom internet headers must be named `x-…`: "Add custom headers only when creating a message, and name
 * them starting with "x-"" (https://learn.microsoft.com/graph/api/resources/message).
 */
export function refuseHeaders(c: Context, message: OutgoingMessage): Response | undefined {
  const badHeader = message.internetMessageHeaders.find((header) => !/^x-/i.test(header.name));
  return badHeader ? graphError(c, { status: 400, code: 'InvalidInternetMessageHeader', message: `The internet message header name '${badHeader.name}' should start with 'x-' or 'X-'.` }) : undefined;
}

export function registerSendMailRoute(app: Hono<GraphEnv>, store: MailboxStore, outbox: DevOutbox): void {
  app.post('/v1.0/users/:user/sendMail', async (c) => {
    if (!hasRole(c, ROLES.mailSend)) return graphError(c, ACCESS_DENIED);
    const mailbox = store.mailbox(c.req.param('user'));
    if (!mailbox) return graphError(c, USER_NOT_FOUND);
    const parsed = await readJsonBody(c, sendMailSchema);
    if (parsed instanceof Response) return parsed;
    const { message, saveToSentItems } = parsed;
    const badHeader = refuseHeaders(c, message);
    if (badHeader) return badHeader;
    if (message.toRecipients.length + message.ccRecipients.length + message.bccRecipients.length === 0) {
      return graphError(c, { status: 400, code: 'ErrorInvalidRecipients', message: 'At least one recipient is not valid., Recipient is missing.' });
    }
    outbox.send(mailbox.user.id, outboxMail(message), saveToSentItems);
    // Graph's 202 carries no body and no content type (a JSON type with an empty body breaks the SDK).
    return c.body(null, 202);
  });
}
