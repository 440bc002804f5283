// The quarterly KPI review's answer: both may comment (audited); only the owner may change the targets.
import { z } from 'zod';
import { MAX_ANSWER_LENGTH } from '../reports/feedback-questions.ts';
import { appendAudit } from '../store/audit.ts';
import { updateSettings } from '../store/pairings.ts';
import { ActionError, defineAction } from './action.ts';

export const reviewInput = z.object({
  targetPct: z.coerce.number().int().min(1).max(100),
  windowHours: z.coerce.number().int().min(1).max(168),
  comment: z
    .string()
    .max(MAX_ANSWER_LENGTH)
    .default('')
    .transform((comment) => comment.replaceAll('\u0000', '')),
});

export const answerReview = defineAction({
  name: 'answer_review',
  input: reviewInput,
  who: 'member',
  async run(ctx, { pairing, as }, { targetPct, windowHours, comment }) {
    const changesTargets = targetPct !== pairing.settings.responseTargetPct || windowHours !== pairing.settings.windowHours;
    if (changesTargets && as !== 'owner') throw new ActionError('forbidden', 'ownerOnlyTargets', 'Only the owner can change the targets.');
    const settings = changesTargets ? (await updateSettings(ctx.db, pairing.id, { responseTargetPct: targetPct, windowHours }, 'owner')).settings : pairing.settings;
    const text = comment.trim();
    if (text !== '') await appendAudit(ctx.db, { tenantId: pairing.tenantId, pairingId: pairing.id, actor: as, action: 'review_comment', details: { comment: text } });
    return { settings, changesTargets };
  },
});
