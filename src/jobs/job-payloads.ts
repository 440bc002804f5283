// Job payloads and stored references come back from the database: parse them at that boundary.
import { z } from 'zod';
import { DELIVERY_KINDS } from '../store/posted-items.ts';

export const dueDeliverySchema = z.object({
  pairingId: z.uuid(),
  kind: z.enum(DELIVERY_KINDS),
  period: z.string().min(1),
  dueAt: z.number(),
  late: z.boolean(),
});

export const syncPayloadSchema = z.object({ pairingId: z.uuid() });
