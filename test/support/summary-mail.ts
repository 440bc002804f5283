// A realistic input for the weekly summary e-mail: eight weeks of mail for the contoso pairing run through
// the real engine (so the numbers are the engine's), inbox snapshots for a streak, the VA's tasks of the week
// (support/tasks.ts) and both sides' feedback.
import { computeKpi, type KpiReport } from '../../src/kpi/engine.ts';
import type { InboxSnapshot, MessageMeta } from '../../src/kpi/message.ts';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/kpi/settings.ts';
import type { SummaryMailInput } from '../../src/reports/summary.ts';
import { AUDIENCES, checkInView, type CheckInView } from '../../src/reports/check-in-privacy.ts';
import { at, CLIENT, inbound, PEOPLE, reply } from './mail.ts';
import { taskWeek } from './tasks.ts';

export const SUMMARY_WEEK = '2026-W47';
export const SUMMARY_NOW = at('2026-11-23T09:00Z');
export const SECRET_SUBJECT = 'Confidential: acquisition of <Fabrikam> & "partners"';

const HOUR = 3_600_000;
const settings = parseSettings({ ...DEFAULT_SETTINGS, timeZone: 'Europe/Copenhagen' });

/** Week k (0 = 2026-W40, the trend's first) gets `answered` mail answered in 2 h and `late` answered in 30 h. */
function weekOfMail(k: number, answered: number, late: number): MessageMeta[] {
  const monday = at('2026-09-28T08:00Z') + k * 7 * 24 * HOUR;
  const mail: MessageMeta[] = [];
  for (let i = 0; i < answered + late; i++) {
    const received = new Date(monday + i * 3 * HOUR).toISOString();
    const message = inbound(received, { subject: `Order ${k}-${i}` });
    const delay = i < answered ? 2 * HOUR : 30 * HOUR;
    mail.push(message, reply(new Date(message.receivedAt + delay).toISOString(), message.conversationId));
  }
  return mail;
}

function report(): KpiReport {
  const shape = [
    [9, 1],
    [8, 2],
    [10, 0],
    [7, 3],
    [0, 0],
    [9, 1],
    [19, 1],
    [14, 2],
  ] as const;
  const messages = shape.flatMap(([answered, late], k) => weekOfMail(k, answered, late));
  // The reported week also has one missed and one still pending, the missed one with a private subject.
  messages.push(inbound('2026-11-19T10:00Z', { subject: SECRET_SUBJECT, from: CLIENT }));
  messages.push(inbound('2026-11-22T20:00Z', { subject: 'Invoice 2026-114 <overdue>', from: 'billing@northwind.example' }));
  // Inbox empty at Friday 17:00 Copenhagen (16:00 UTC) in the last three weeks, 4 items the week before.
  const snapshots: InboxSnapshot[] = [
    { takenAt: at('2026-10-30T16:01Z'), count: 4 },
    { takenAt: at('2026-11-06T16:01Z'), count: 0 },
    { takenAt: at('2026-11-13T16:02Z'), count: 0 },
    { takenAt: at('2026-11-20T16:01Z'), count: 0 },
  ];
  return computeKpi({ messages, people: PEOPLE, settings, snapshots, now: SUMMARY_NOW, period: { from: '2026-09-28', to: '2026-11-22' } });
}

/** The reported week's answers, both sides. */
export const SUMMARY_ANSWERS = {
  owner: { answers: { wentWell: 'Quick answers to the catalogue requests.', improve: 'Flag anything legal to me first.', kpisFair: 'yes' }, edited: false, submittedAt: at('2026-11-23T08:00Z') },
  va: { answers: { wentWell: 'Cleared the inbox three Fridays running!', needFromOwner: 'Templates for pricing questions.\nAnd a list of VIP clients.', involved: '4' }, edited: true, submittedAt: at('2026-11-23T08:30Z') },
};

/** The reported week's check-in as the mail's readers (the owner's mailbox, which the VA runs) may see it. */
export function mailCheckIn(saved: { owner?: { answers: Record<string, string>; edited?: boolean }; va?: { answers: Record<string, string>; edited?: boolean } }): CheckInView {
  const side = (entry: { answers: Record<string, string>; edited?: boolean } | undefined) => (entry === undefined ? null : { answers: entry.answers, edited: entry.edited ?? false, submittedAt: 0 });
  return checkInView(AUDIENCES.mailbox, SUMMARY_WEEK, { owner: side(saved.owner), va: side(saved.va) });
}

export function summaryInput(overrides: Partial<SummaryMailInput> = {}): SummaryMailInput {
  const kpi = report();
  return {
    week: kpi.weeks.at(-1)!,
    streak: kpi.inboxZeroStreak,
    trend: kpi.weeks,
    // After the week: 6 on time, 2 late, 2 overdue, none open, 60% against a target of 90.
    tasks: taskWeek(SUMMARY_NOW, settings.taskTargetPct),
    checkIn: mailCheckIn(SUMMARY_ANSWERS),
    settings,
    locale: 'en-GB',
    privacyMode: false,
    tabUrl: 'https://teams.microsoft.com/l/entity/00000000-0000-4000-8000-000000000001/kpi?context=%7B%22subEntityId%22%3A%22p%2Fmessages%2F2026-W47%22%7D',
    mailbox: 'owner@contoso.com',
    late: false,
    ...overrides,
  };
}
