// A pairing's mailbox sync: steps from the MailboxSource into the store until nothing more is waiting,
// each step stored with its position in one transaction, so a crash resumes after the last stored page.
// A failure is recorded on the pairing for the tab and the CLI, never swallowed.
import { canonicalLocale } from '../i18n/locales.ts';
import { atomically } from '../store/atomically.ts';
import { listMessageIdsInFolder, moveStoredMessages, upsertMessages } from '../store/messages.ts';
import { followMailboxLocale, getPairing } from '../store/pairings.ts';
import { recordObservedOutOfOffice } from '../store/paused.ts';
import { readSyncState, recordSyncError, recordSyncSuccess, recordSyncSuccesses, SYNC_SCOPES } from '../store/sync-state.ts';
import { markTasksDeleted, markUnlistedTasksDeleted, upsertTasks } from '../store/tasks.ts';
import { getTenant, ensureTenant } from '../store/tenants.ts';
import type { DeliveryContext } from './deliveries.ts';
import type { Logger } from '../log.ts';
import type { MailboxSource, MailboxSyncStep, NotificationTarget } from '../ports/mailbox.ts';
import type { TaskSource } from '../ports/tasks.ts';
import type { Pairing } from '../store/pairings.ts';

const { mailbox: SYNC_SCOPE, subscription: SUBSCRIPTION_SCOPE, mailboxSettings: MAILBOX_SETTINGS_SCOPE, tasks: TASKS_SCOPE } = SYNC_SCOPES;

export interface SyncContext extends Pick<DeliveryContext, 'db' | 'mailbox'> {
  /** Told when new or changed mail was stored, so every instance's read models show it at once. */
  readonly changes?: DeliveryContext['changes'];
  readonly log?: Logger;
  /** Where Graph should send change notifications; absent: no subscriptions (no public URL). */
  readonly notifications?: NotificationTarget;
  /** Reads Planner and To Do for pairings with a taskSource; absent: no task sync (imports, some tests). */
  readonly tasks?: TaskSource;
}
/** Steps in one run (each up to a page of 1,000 messages); a larger backfill goes on in the next run. */
export const MAX_STEPS_PER_RUN = 1_000;

export type SyncProgress = MailboxSyncStep['progress'] & {
  /** Message rows new or changed in this run so far. */
  readonly stored: number;
};

/** Syncs one pairing; returns how many message rows were new or changed. */
export async function syncPairing(ctx: SyncContext, pairingId: string, onProgress?: (progress: SyncProgress) => void): Promise<number> {
  const pairing = await getPairing(ctx.db, pairingId);
  if (pairing === null || pairing.stoppedAt !== null) return 0;
  if (pairing.mailboxApproval === null) {
    // Not the owner's own mailbox and no admin approved it (src/actions/setup.ts): nothing is read.
    await recordSyncError(ctx.db, pairingId, SYNC_SCOPE, `Tandem may not read ${pairing.mailbox} yet: it is not the owner's own mailbox, so an admin of the tenant (app role Tandem.Admin) must approve it first.`);
    return 0;
  }
  let position: unknown = (await readSyncState(ctx.db, pairingId, SYNC_SCOPE))?.position ?? null;
  let stored = 0;
  try {
    for (let steps = 0; steps < MAX_STEPS_PER_RUN; steps++) {
      const step = await ctx.mailbox.sync({ mailbox: pairing.mailbox, va: pairing.va.address, position, locale: pairing.locale, storedInInbox: () => listMessageIdsInFolder(ctx.db, pairingId, 'inbox') });
      const positions: Array<readonly [string, unknown]> = [[SYNC_SCOPE, step.position]];
      if (step.mailboxSettings !== null) positions.push([MAILBOX_SETTINGS_SCOPE, step.mailboxSettings]);
      const mailboxLocale = step.mailboxSettings?.locale == null ? null : canonicalLocale(step.mailboxSettings.locale);
      const followsLocale = mailboxLocale !== null && !pairing.localeChosen && mailboxLocale !== pairing.locale;
      if (step.messages.length === 0 && (step.goneFromInbox ?? []).length === 0 && step.outOfOffice === null && step.verifiedDomains === null && !followsLocale) {
        // An idle cycle: one statement, which the foreign key keeps from outliving an offboarded pairing.
        await recordSyncSuccesses(ctx.db, pairingId, positions);
      } else {
        stored += await atomically(ctx.db, async (tx) => {
          const written = (await upsertMessages(tx, pairingId, step.messages)) + (await moveStoredMessages(tx, pairingId, step.goneFromInbox ?? [], 'inbox', 'deleteditems'));
          if (step.outOfOffice !== null) await recordObservedOutOfOffice(tx, pairingId, step.outOfOffice);
          if (step.verifiedDomains !== null) {
            const tenant = await getTenant(tx, pairing.tenantId);
            await ensureTenant(tx, { id: pairing.tenantId, name: tenant?.name ?? pairing.tenantId, verifiedDomains: step.verifiedDomains });
          }
          if (followsLocale) await followMailboxLocale(tx, pairingId, mailboxLocale);
          await recordSyncSuccesses(tx, pairingId, positions);
          return written;
        });
      }
      position = step.position;
      onProgress?.({ ...step.progress, stored });
      if (!step.more) break;
    }
  } catch (error) {
    await recordSyncError(ctx.db, pairingId, SYNC_SCOPE, error instanceof Error ? error.message : String(error));
    throw error;
  }
  if (ctx.tasks !== undefined && pairing.settings.taskSource !== 'none') stored += await syncTasks(ctx, ctx.tasks, pairing);
  if (stored > 0) await ctx.changes?.announce(pairingId);
  if (ctx.notifications !== undefined && ctx.mailbox.keepSubscription !== undefined) await keepSubscription(ctx, ctx.mailbox.keepSubscription, pairing.mailbox, pairingId);
  return stored;
}

/** Change notifications are a bonus: a failure is recorded and logged, and the sync it followed still counts. */
async function keepSubscription(ctx: SyncContext, keep: NonNullable<MailboxSource['keepSubscription']>, mailbox: string, pairingId: string): Promise<void> {
  const stored = (await readSyncState(ctx.db, pairingId, SUBSCRIPTION_SCOPE))?.position ?? null;
  try {
    const state = await keep.call(ctx.mailbox, mailbox, stored, ctx.notifications!);
    if (JSON.stringify(state) !== JSON.stringify(stored)) await recordSyncSuccess(ctx.db, pairingId, SUBSCRIPTION_SCOPE, state);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.log?.warn('graph_subscription_failed', { pairingId, message });
    await recordSyncError(ctx.db, pairingId, SUBSCRIPTION_SCOPE, message);
  }
}

/** Steps through the pairing's task source; returns task rows written. A failure is recorded and thrown, as mail's. */
async function syncTasks(ctx: SyncContext, source: TaskSource, pairing: Pairing): Promise<number> {
  const taskSource = pairing.settings.taskSource;
  let position: unknown = (await readSyncState(ctx.db, pairing.id, TASKS_SCOPE))?.position ?? null;
  let written = 0;
  try {
    for (let steps = 0; steps < MAX_STEPS_PER_RUN; steps++) {
      const step = await source.sync({
        source: taskSource,
        // The mailbox's account first, then the owner's own (a list the set-up offered from it), then the VA's.
        users: [...new Set([pairing.mailbox, pairing.owner.userId ?? pairing.owner.address, pairing.va.userId ?? pairing.va.address])],
        vaUserId: pairing.va.userId,
        timeZone: pairing.settings.timeZone,
        locale: pairing.locale,
        position,
      });
      written += await atomically(ctx.db, async (tx) => {
        let changed = await upsertTasks(tx, pairing.id, taskSource, step.tasks);
        changed += await markTasksDeleted(tx, pairing.id, taskSource, step.removed, step.at);
        if (step.listedAll !== null) changed += await markUnlistedTasksDeleted(tx, pairing.id, taskSource, step.listedAll, step.at);
        await recordSyncSuccess(tx, pairing.id, TASKS_SCOPE, step.position);
        return changed;
      });
      position = step.position;
      if (!step.more) break;
    }
  } catch (error) {
    await recordSyncError(ctx.db, pairing.id, TASKS_SCOPE, error instanceof Error ? error.message : String(error));
    throw error;
  }
  return written;
}
