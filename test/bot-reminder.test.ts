// The feedback reminder names whoever has not answered that week and opens the form for them.
import { describe, expect, it } from 'vitest';
import { runDelivery } from '../src/jobs/deliveries.ts';
import type { ChatPoster } from '../src/ports/chat.ts';
import { silentLogger } from '../src/log.ts';
import { saveFeedback } from '../src/store/feedback.ts';
import { useTestDatabase } from './support/databases.ts';
import { acceptingMail, emptyMailbox } from './support/fakes.ts';
import { newTestPairing } from './support/pairings.ts';
import { deliveryServices } from './support/services.ts';

describe('the feedback reminder', () => {
  const db = useTestDatabase('pglite');

  it('names only the side that has not answered', async () => {
    const pairing = await newTestPairing(db(), { conversationRef: { serviceUrl: 'https://smba.example/teams', conversation: { id: '19:reminder' } } });
    await saveFeedback(db(), pairing.id, '2026-W47', 'owner', { wentWell: 'Fine' });
    const posted: object[] = [];
    const chat: ChatPoster = { post: async (_conversation, card) => `a-${posted.push(card)}`, findPosted: async () => null };
    const due = { pairingId: pairing.id, kind: 'feedback_reminder' as const, period: '2026-W47', dueAt: Date.parse('2026-11-25T09:00:00Z'), late: false };
    expect(await runDelivery({ ...deliveryServices(db()), db: db(), chat, mail: acceptingMail, mailbox: emptyMailbox, clock: { now: () => due.dueAt }, log: silentLogger }, due)).toBe('delivered');
    const card = JSON.stringify(posted[0]);
    expect(card).toContain(`${pairing.va.address}: the check-in for the week of Nov 16 is still waiting for your answers.`);
    expect(card).not.toContain(pairing.owner.address);
    expect(card).toContain('"verb":"feedback.open"');
  });
});
