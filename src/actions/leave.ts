// VA leave: whole local days in the pairing's time zone. Owner or VA may enter or remove it, in the chat or the
// tab alike (the owner often knows the VA's holidays first); more than MAX_LEAVE_DAYS at once is refused as a
// likely typo. The clock pauses over it.
import { z } from 'zod';
import { addDays, isLocalDate, localInstant } from '../kpi/local-calendar.ts';
import { resolveTimeZone } from '../kpi/time-zone.ts';
import { addLeave as storeLeave, removeLeave as dropLeave } from '../store/leave.ts';
import { ActionError, defineAction } from './action.ts';

/** Leave longer than this is refused as a likely typo. */
export const MAX_LEAVE_DAYS = 366;
const DAY_MS = 86_400_000;

const localDate = z.string().refine(isLocalDate, { error: 'must be a date YYYY-MM-DD' });
export const leaveInput = z.strictObject({ from: localDate, to: localDate });

export const addLeave = defineAction({
  name: 'add_leave',
  input: leaveInput,
  who: 'member',
  async run(ctx, { pairing, as }, { from, to }) {
    if (to < from) throw new ActionError('invalid', 'leaveOrder', 'to: must be on or after from', 'to');
    if (Date.parse(to) - Date.parse(from) >= MAX_LEAVE_DAYS * DAY_MS) throw new ActionError('invalid', 'leaveTooLong', `to: must be less than ${MAX_LEAVE_DAYS} days after from`, 'to');
    const zone = resolveTimeZone(pairing.settings.timeZone)!;
    const id = await storeLeave(ctx.db, pairing.id, localInstant(from, '00:00', zone), localInstant(addDays(to, 1), '00:00', zone), as === 'owner' ? 'owner' : 'va');
    return { id, from, to };
  },
});

export const removeLeave = defineAction({
  name: 'remove_leave',
  input: z.strictObject({ id: z.coerce.number().int().positive() }),
  who: 'member',
  async run(ctx, { pairing, as }, { id }) {
    if (!(await dropLeave(ctx.db, pairing.id, id, as === 'owner' ? 'owner' : 'va'))) throw new ActionError('notFound', 'noLeave', 'No such leave period.');
    return { removed: true };
  },
});
