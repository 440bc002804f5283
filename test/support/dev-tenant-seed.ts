// A small hand-made TenantSeed for the dev tenant's own tests: an owner and a VA with mailboxes, custom and
// hidden folders, and helpers to make messages and timeline events, until the seeded generator lands.
import type { DevTaskEvent } from '../../src/devtenant/task-seed.ts';
import type { DevMessage, TenantSeed, TimelineEvent } from '../../src/devtenant/tenant-seed.ts';

export const TENANT_ID = '7d1c0a55-0000-4aaa-8bbb-00000000d0d0';
export const OWNER = { id: '0b9e5f11-0000-4000-8000-00000000000a', userPrincipalName: 'owner@contoso.test', displayName: 'Olivia Owner', mail: 'owner@contoso.test' };
export const VA = { id: '0b9e5f11-0000-4000-8000-00000000000b', userPrincipalName: 'va@contoso.test', displayName: 'Victor Assistant', mail: 'va@contoso.test' };
export const START = Date.parse('2026-11-02T00:00:00Z');
const MINUTE = 60_000;

let counter = 0;
/** An inbound message to the owner, received `minutes` after START. */
export function inbound(minutes: number, overrides: Partial<DevMessage> = {}): DevMessage {
  counter++;
  const at = START + minutes * MINUTE;
  return {
    id: `msg-${String(counter).padStart(5, '0')}`,
    conversationId: `conv-${counter}`,
    internetMessageId: `<m${counter}@fabrikam.test>`,
    subject: `Question ${counter}`,
    from: { name: 'Carla Client', address: 'carla@fabrikam.test' },
    sender: { name: 'Carla Client', address: 'carla@fabrikam.test' },
    toRecipients: [{ name: OWNER.displayName, address: OWNER.mail }],
    ccRecipients: [],
    receivedDateTime: at,
    sentDateTime: at - MINUTE,
    folder: 'inbox',
    isDraft: false,
    isRead: false,
    categories: [],
    inferenceClassification: 'focused',
    internetMessageHeaders: [{ name: 'Received', value: 'from mx.fabrikam.test' }],
    body: `Secret body ${counter}: please do not read me.`,
    ...overrides,
  };
}

export const deliverAt = (message: DevMessage, mailbox = OWNER.id): TimelineEvent => ({ at: message.receivedDateTime, kind: 'deliver', mailbox, message });

export function devSeed(events: readonly TimelineEvent[] = [], end = START + 14 * 24 * 60 * MINUTE): TenantSeed {
  const mailbox = (userId: string) => ({
    userId,
    timeZone: 'W. Europe Standard Time',
    workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'W. Europe Standard Time' } },
    automaticReplies: { status: 'disabled' as const },
    folders: [
      { key: 'clients', displayName: 'Clients', parentKey: 'inbox' },
      { key: 'clients-2026', displayName: '2026', parentKey: 'clients' },
      { key: 'scratch', displayName: 'Scratch', hidden: true },
    ],
  });
  return {
    tenantId: TENANT_ID,
    verifiedDomains: ['contoso.test', 'contosotest.onmicrosoft.com'],
    users: [OWNER, VA],
    mailboxes: [mailbox(OWNER.id), mailbox(VA.id)],
    events: [...events].sort((a, b) => a.at - b.at),
    start: START,
    end,
    groundTruth: {
      pairing: { ownerUserId: OWNER.id, vaUserId: VA.id, mailboxUserId: OWNER.id, settings: {}, leave: [] },
      outOfOffice: [],
      evaluatedAt: end,
      weeks: [],
    },
  };
}

/**
 * devSeed with a Planner plan and a To Do list of the owner's, each given `open` open tasks a minute apart from
 * START (Planner's assigned to the VA, due in 30 days; To Do's due 20 December), and the pairings' task sources.
 */
export function idleTaskSeed(open: number): { seed: TenantSeed; sources: readonly string[] } {
  const planId = 'idlePlan0000000000000000001';
  const listId = 'AAMkADidleList000000000000000=';
  const created = (container: { planId: string } | { listId: string }, prefix: string): DevTaskEvent[] =>
    Array.from({ length: open }, (_, i) => ({
      at: START + i * MINUTE,
      kind: 'create' as const,
      container,
      task: { id: `${prefix}-${i}`, title: `Open ${i}`, ...('planId' in container ? { dueAt: START + 30 * 24 * 60 * MINUTE, assignees: [VA.id] } : { dueDate: '2026-12-20' }) },
    }));
  const seed: TenantSeed = {
    ...devSeed(),
    tasks: {
      plans: [{ id: planId, title: 'Idle', groupId: 'group-1' }],
      lists: [{ id: listId, userId: OWNER.id, displayName: 'Idle', timeZone: 'Europe/Berlin' }],
      events: [...created({ planId }, 'p'), ...created({ listId }, 't')].sort((a, b) => a.at - b.at),
      groundTruth: {},
    },
  };
  return { seed, sources: [`planner:${planId}`, `todo:${listId}`] };
}
