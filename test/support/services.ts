// What the composition root shares between surfaces (read models, change feed) and gives the job system
// (the renderers), built the same way for a test's database.
import { ritualCard } from '../../bot/ritual-cards.ts';
import { summaryMail } from '../../src/mail/summary-mail.ts';
import type { ChangeFeed } from '../../src/ports/changes.ts';
import type { Directory } from '../../src/ports/directory.ts';
import { createReports, type Reports } from '../../src/reports/reports.ts';
import { localChangeFeed } from '../../src/store/change-feed.ts';
import type { Queryable } from '../../src/store/database.ts';
import type { Renderers } from '../../src/jobs/renderers.ts';

/** Tests of other things set pairings up with the owner's own mailbox; test/mailbox-approval.test.ts checks the directory. */
const ownsEveryAddress: Directory = { owns: async () => true };

export function services(db: Queryable, changes: ChangeFeed = localChangeFeed()): { reports: Reports; changes: ChangeFeed; directory: Directory } {
  return { reports: createReports(db, changes), changes, directory: ownsEveryAddress };
}

export function deliveryServices(db: Queryable, changes?: ChangeFeed): { reports: Reports; changes: ChangeFeed; renderers: Renderers } {
  return { ...services(db, changes), renderers: { card: ritualCard, summaryMail } };
}
