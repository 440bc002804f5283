// Proactive posts to a chat the bot was removed from: the delivery stops the pairing's schedules and reports
// it instead of retrying; a passing outage (503) is left to the job's retries.
import { describe, expect, it } from 'vitest';
import { runDelivery, type DeliveryContext } from '../src/jobs/deliveries.ts';
import { ChatGoneError, type ChatPoster } from '../src/ports/chat.ts';
import type { Logger } from '../src/log.ts';
import { getPairing } from '../src/store/pairings.ts';
import { useTestDatabase } from './support/databases.ts';
import { acceptingMail, emptyMailbox } from './support/fakes.ts';
import { newTestPairing } from './support/pairings.ts';
import { deliveryServices } from './support/services.ts';

function failingChat(status: number): ChatPoster {
  const fail = async (): Promise<never> => {
    throw status === 403 || status === 404 ? new ChatGoneError(status, `connector answered ${status}`) : new Error(`connector answered ${status}`);
  };
  return { post: fail, findPosted: fail };
}

describe('a chat that is gone', () => {
  const db = useTestDatabase('pglite');
  const warnings: string[] = [];
  const log: Logger = { info: () => {}, warn: (event) => void warnings.push(event), error: () => {} };
  const context = (status: number): DeliveryContext => ({ ...deliveryServices(db()), db: db(), chat: failingChat(status), mail: acceptingMail, mailbox: emptyMailbox, clock: { now: () => Date.parse('2026-11-23T09:00:00Z') }, log });
  const due = (pairingId: string) => ({ pairingId, kind: 'monthly_question' as const, period: '2026-11', dueAt: Date.parse('2026-11-23T09:00:00Z'), late: false });

  it('stops the pairing and reports it when the bot was removed (403) or the chat deleted (404)', async () => {
    for (const status of [403, 404]) {
      const pairing = await newTestPairing(db(), { conversationRef: { serviceUrl: 'https://smba.example/teams', conversation: { id: `19:gone-${status}` } } });
      expect(await runDelivery(context(status), due(pairing.id))).toBe('skipped');
      expect((await getPairing(db(), pairing.id))!.stoppedAt).not.toBeNull();
    }
    expect(warnings).toEqual(['chat_gone', 'chat_gone']);
  });

  it('leaves a passing outage to the retries', async () => {
    const pairing = await newTestPairing(db(), { conversationRef: { serviceUrl: 'https://smba.example/teams', conversation: { id: '19:busy' } } });
    await expect(runDelivery(context(503), due(pairing.id))).rejects.toThrow('connector answered 503');
    expect((await getPairing(db(), pairing.id))!.stoppedAt).toBeNull();
  });
});
