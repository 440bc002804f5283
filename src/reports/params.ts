// Inputs that name a read model's period, validated where they enter (the tab's query strings, card data).
import { z } from 'zod';
import { isIsoWeek } from '../kpi/weeks.ts';

export const weekParam = z.string().refine(isIsoWeek, { error: 'must be an ISO week like 2026-W47' });
