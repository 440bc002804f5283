import { describe, expect, it } from 'vitest';
import type { TaskSource, TaskSyncRequest, TaskSyncStep } from '../ports/tasks.ts';
import { routedTaskSource } from './local-ports.ts';

const request = (owner: string, position: unknown = null): TaskSyncRequest => ({ source: 'planner:plan-1', users: [owner, 'va@contoso.example'], vaUserId: null, timeZone: 'UTC', locale: 'en', position });

describe('routedTaskSource', () => {
  const fromGraph: TaskSyncStep = { tasks: [], removed: ['gone'], listedAll: ['kept'], at: 5, position: { graph: true }, more: false };
  const asked: string[] = [];
  const graph: TaskSource = { sync: async (r) => (asked.push(r.users[0]!), fromGraph) };
  const tasks = routedTaskSource((mailbox) => mailbox === 'owner@dev.example', graph);

  it("asks the dev tenant's Graph for its own people's plans and lists", async () => {
    expect(await tasks.sync(request('owner@dev.example'))).toBe(fromGraph);
    expect(asked).toEqual(['owner@dev.example']);
  });

  it('keeps what the store holds for a mailbox outside the dev tenant: nothing new, nothing removed, no full listing', async () => {
    const step = await tasks.sync(request('owner@imported.example'));
    expect(step).toMatchObject({ tasks: [], removed: [], listedAll: null, more: false });
    // Its position comes back as it was handed over.
    expect((await tasks.sync(request('owner@imported.example', step.position))).position).toEqual(step.position);
    expect(asked).toEqual(['owner@dev.example']);
  });
});
