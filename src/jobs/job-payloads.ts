// Job payloads and stored references come back from the database: parse them at that boundary.
import { z } from 'zod';
import { DELIVERY_KINDS } from './planner.ts';

export const conversationRefSchema = z.object({
  serviceUrl: z.url(),
  conversation: z.object({ id: z.string().min(1) }),
});

export const dueDeliverySchema = z.object({
  pairingId: z.uuid(),
  kind: z.enum(DELIVERY_KINDS),
  period: z.string().min(1),
  dueAt: z.number(),
  late: z.boolean(),
});

export const syncPayloadSchema = z.object({ pairingId: z.uuid() });
