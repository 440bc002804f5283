// The feedback reminder @mentions whoever has not answered that week (so Teams notifies them) and opens the form.
// Mention entities: "Mention support within Adaptive Cards",
// https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format#mention-support-within-adaptive-cards
import { describe, expect, it } from 'vitest';
import { runDelivery } from '../src/jobs/deliveries.ts';
import type { ChatPoster } from '../src/ports/chat.ts';
import { silentLogger } from '../src/log.ts';
import { saveFeedback } from '../src/store/feedback.ts';
import type { NewPairing } from '../src/store/pairings.ts';
import { useTestDatabase } from './support/databases.ts';
import { acceptingMail, emptyMailbox } from './support/fakes.ts';
import { newTestPairing } from './support/pairings.ts';
import { deliveryServices } from './support/services.ts';

interface PostedCard {
  body: Array<{ text: string }>;
  msteams?: { entities: Array<{ type: string; text: string; mentioned: { id: string; name: string } }> };
  actions: Array<{ verb: string }>;
}

describe('the feedback reminder', () => {
  const db = useTestDatabase('pglite');

  async function remind(overrides: Partial<NewPairing>, answered: 'owner' | 'va' | null): Promise<PostedCard> {
    const pairing = await newTestPairing(db(), { conversationRef: { serviceUrl: 'https://smba.example/teams', conversation: { id: '19:reminder' } }, ...overrides });
    if (answered !== null) await saveFeedback(db(), pairing.id, '2026-W47', answered, { wentWell: 'Fine' });
    const posted: object[] = [];
    const chat: ChatPoster = { post: async (_conversation, card) => `a-${posted.push(card)}`, findPosted: async () => null };
    const due = { pairingId: pairing.id, kind: 'feedback_reminder' as const, period: '2026-W47', dueAt: Date.parse('2026-11-25T09:00:00Z'), late: false };
    expect(await runDelivery({ ...deliveryServices(db()), db: db(), chat, mail: acceptingMail, mailbox: emptyMailbox, clock: { now: () => due.dueAt }, log: silentLogger }, due)).toBe('delivered');
    return posted[0] as PostedCard;
  }

  it('@mentions only the side that has not answered, by display name and Teams user id', async () => {
    const card = await remind({
      owner: { address: 'owner@reminder.example', userId: 'aad-owner', mri: '29:owner', name: 'Olivia Owner' },
      va: { address: 'vera@assist.example', userId: 'aad-va', mri: '29:va', name: 'Vera Assistant' },
    }, 'owner');
    expect(card.body[0]!.text).toBe('<at>Vera Assistant</at>: the check-in for the week of Nov 16 is still waiting for your answers. It takes two minutes and makes next week easier for both of you.');
    expect(card.msteams?.entities).toEqual([{ type: 'mention', text: '<at>Vera Assistant</at>', mentioned: { id: '29:va', name: 'Vera Assistant' } }]);
    expect(JSON.stringify(card)).not.toContain('vera@assist.example');
    expect(JSON.stringify(card)).not.toContain('Olivia');
    expect(card.actions[0]!.verb).toBe('feedback.open');
  });

  it('names both, in the chat language’s list form, and mentions by Entra object id before the chat showed a Teams id', async () => {
    const card = await remind({
      owner: { address: 'owner@reminder.example', userId: 'aad-owner', name: 'Olivia Owner' },
      va: { address: 'vera@assist.example', userId: 'aad-va' },
    }, null);
    // No name shown yet for the VA: the address stands in.
    expect(card.body[0]!.text).toMatch(/^<at>Olivia Owner<\/at> and <at>vera@assist\.example<\/at>: the check-in/);
    expect(card.msteams?.entities.map((entity) => entity.mentioned)).toEqual([{ id: 'aad-owner', name: 'Olivia Owner' }, { id: 'aad-va', name: 'vera@assist.example' }]);
  });
});
