// The Outlook add-in's read (src/reports/pane.ts): the signed-in person's pairings that hold the message
// Outlook shows, by its RFC 5322 Message-ID. Marking goes through the pairing routes' mark endpoint, like the tab's.
import { Hono } from 'hono';
import { z } from 'zod';
import { paneView } from '../../reports/pane.ts';
import { actorOf, authenticate, type ApiDependencies, type ApiEnv } from '../context.ts';

/** RFC 5322 limits a line to 998 characters; a Message-ID is far shorter. */
const MAX_MESSAGE_ID_LENGTH = 998;

export const addinQuery = z.object({
  internetMessageId: z.string().trim().min(3).max(MAX_MESSAGE_ID_LENGTH),
  /** When Outlook says the item arrived (ISO 8601), to tell "not synced yet" from "not a Tandem mailbox". */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});

export function addinRoutes({ db, clock, validateToken, reports }: ApiDependencies) {
  return new Hono<ApiEnv>().use('*', authenticate(validateToken)).get('/message', async (c) => {
    const query = addinQuery.parse(c.req.query());
    const answer = await paneView(db, reports, actorOf(c.get('user')), { internetMessageId: query.internetMessageId, receivedAt: query.receivedAt === undefined ? null : Date.parse(query.receivedAt) }, clock.now());
    return c.json(answer);
  });
}
