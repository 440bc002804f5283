// "No reply needed" marks: the owner or the VA marks a stored message, with a reason, from the tab or the
// Outlook pane; the mark and its removal are audited and shown to both.
import { z } from 'zod';
import { markNoReply as storeMark, unmark as storeUnmark } from '../store/marks.ts';
import { hasMessage } from '../store/messages.ts';
import { ActionError, defineAction } from './action.ts';

const MAX_REASON_LENGTH = 500;
const messageId = z.string().min(1).max(1_000);

export const markInput = z.strictObject({
  messageId,
  reason: z.string().trim().min(1, { error: 'must say why no reply is needed' }).max(MAX_REASON_LENGTH, { error: `must be at most ${MAX_REASON_LENGTH} characters` }),
});

export const markNoReply = defineAction({
  name: 'mark_no_reply',
  input: markInput,
  who: 'member',
  async run(ctx, { pairing, as }, { messageId: id, reason }) {
    if (!(await hasMessage(ctx.db, pairing.id, id))) throw new ActionError('notFound', 'noMessage', 'No such message in this mailbox.');
    await storeMark(ctx.db, pairing.id, id, as === 'owner' ? 'owner' : 'va', reason);
    return { marked: true };
  },
});

export const unmark = defineAction({
  name: 'unmark',
  input: z.strictObject({ messageId }),
  who: 'member',
  async run(ctx, { pairing, as }, { messageId: id }) {
    if (!(await storeUnmark(ctx.db, pairing.id, id, as === 'owner' ? 'owner' : 'va'))) throw new ActionError('notFound', 'notMarked', 'That message is not marked.');
    return { marked: false };
  },
});
