// One example of every bot card and its variants, for the schema, SDK, size and rendering tests. The largest
// inputs a card can get (five missed items, long names and subjects, long answers) are among them.
import type { WeekKpi } from '../../src/kpi/engine.ts';
import { parseSettings } from '../../src/kpi/settings.ts';
import type { Card } from '../../bot/cards/card-parts.ts';
import { breachCard } from '../../bot/cards/breach-card.ts';
import { feedbackCard, type FeedbackCardInput } from '../../bot/cards/feedback-card.ts';
import { helpCard } from '../../bot/cards/help-card.ts';
import { leaveCard } from '../../bot/cards/leave-card.ts';
import { offboardCard } from '../../bot/cards/offboard-card.ts';
import { reviewCard } from '../../bot/cards/review-card.ts';
import { scorecardCard, type ScorecardInput } from '../../bot/cards/scorecard-card.ts';
import { settingsCard } from '../../bot/cards/settings-card.ts';
import { waitingCard } from '../../bot/cards/waiting-card.ts';
import type { TaskChoiceList } from '../../src/ports/tasks.ts';
import { welcomeCard, type ChatMember } from '../../bot/cards/welcome-card.ts';
import { reminderCard } from '../../bot/cards/reminder-card.ts';
import { monthlyQuestionCard } from '../../bot/ritual-cards.ts';
import { AUDIENCES, checkInView, type Audience } from '../../src/reports/check-in-privacy.ts';
import { MIDWEEK, taskWeek } from './tasks.ts';

export const PAIRING_ID = '6f1c2a0e-8d4b-4b59-9a7e-2f0c8f3f1a11';
const settings = parseSettings({ timeZone: 'Europe/Copenhagen' });
const at = (iso: string) => Date.parse(iso);
const LONG_NAME = 'Maximiliana Alexandra Konstantinopoulou-Vandenberghe-Østergaard';
/** The VA's address: the welcome card's people picker is the only card where it is the point. */
export const LONG_ADDRESS = 'maximiliana.alexandra.konstantinopoulou-vandenberghe@very-long-company-name-holdings-international.example';
const LONG_SENDER = 'bartholomew.maximilian.featherstonehaugh-cholmondeley@very-long-customer-name-holdings-international.example';
const LONG_SUBJECT = 'RE: FW: Quarterly reconciliation of outstanding invoices for the Northern European distribution partners — action required before the audit deadline'.padEnd(255, '!');

function week(key: string, start: string, end: string, rate: number | null, overrides: Partial<WeekKpi> = {}): WeekKpi {
  const counted = rate === null ? 0 : 40;
  const onTime = rate === null ? 0 : Math.round(rate * 40);
  return {
    week: key,
    start,
    end,
    counted,
    onTime,
    late: counted - onTime > 0 ? counted - onTime - 1 : 0,
    missed: counted - onTime > 0 ? 1 : 0,
    pending: 0,
    rate,
    met: rate === null ? null : rate >= 0.9,
    medianMinutes: rate === null ? null : 95,
    p90Minutes: rate === null ? null : 1_310,
    excluded: { auto: 12, noreply: 3, junk: 1, cc: 4, internal: 0, other: 2, marked: 1 },
    answeredBy: { va: 31, owner: 6, other: 1 },
    oldestWaiting: [],
    inboxZero: { status: 'pass', count: 0, late: false, cutoff: at(`${end}T16:00:00Z`), takenAt: at(`${end}T16:00:00Z`) },
    ...overrides,
  };
}

const TREND: WeekKpi[] = [
  week('2026-W40', '2026-09-28', '2026-10-04', 0.93),
  week('2026-W41', '2026-10-05', '2026-10-11', 0.88),
  week('2026-W42', '2026-10-12', '2026-10-18', null),
  week('2026-W43', '2026-10-19', '2026-10-25', 0.95),
  week('2026-W44', '2026-10-26', '2026-11-01', 0.9),
  week('2026-W45', '2026-11-02', '2026-11-08', 0.97),
  week('2026-W46', '2026-11-09', '2026-11-15', 0.85),
];

const MISSED = Array.from({ length: 5 }, (_, i) => ({
  id: `m${i}`,
  from: i === 0 ? LONG_SENDER : `client${i}@customer-${i}.example`,
  subject: i === 0 ? LONG_SUBJECT : `Order ${1000 + i}: delivery date?`,
  receivedAt: at(`2026-11-1${6 + (i % 3)}T${String(8 + i).padStart(2, "0")}:15:00Z`),
  status: 'missed' as const,
  remainingMinutes: null,
}));

const THIS_WEEK = week('2026-W47', '2026-11-16', '2026-11-22', 0.825, { missed: 7, late: 0, pending: 2, onTime: 33, counted: 40, oldestWaiting: MISSED, inboxZero: { status: 'fail', count: 3, late: false, cutoff: at('2026-11-20T16:00:00Z'), takenAt: at('2026-11-20T16:00:00Z') } });

/** The KPI tab at this pairing's week, as kpiTabLink builds it. */
export const TAB_URL = 'https://teams.microsoft.com/l/entity/00000000-0000-4000-8000-0000000000aa/kpi?context=%7B%22subEntityId%22%3A%22x%2Fmessages%2F2026-W47%22%7D';

export function scorecardInput(overrides: Partial<ScorecardInput> = {}): ScorecardInput {
  return {
    pairingId: PAIRING_ID,
    week: THIS_WEEK,
    trend: [...TREND, THIS_WEEK],
    // The week so far, as THIS_WEEK's mail still waiting says: 71.4% of tasks on time, target 90 not met.
    tasks: taskWeek(MIDWEEK, settings.taskTargetPct),
    settings,
    streak: 0,
    locale: 'en-GB',
    late: false,
    privacyMode: false,
    tabUrl: TAB_URL,
    ...overrides,
  };
}

const MEMBERS: ChatMember[] = [
  { id: 'aad-owner', mri: '29:owner', name: 'Olivia Owner', email: 'olivia@contoso.example' },
  { id: 'aad-va', mri: '29:va', name: LONG_NAME, email: LONG_ADDRESS },
  { id: 'aad-other', mri: '29:other', name: 'Bea Bystander', email: null },
];

/** The owner's and the VA's plans and lists as the set-up lists them: plans first, then lists, by name. */
const TASK_CHOICES: TaskChoiceList = {
  choices: [
    { source: 'planner:plan-launch', kind: 'planner', name: 'Autumn launch', of: 'both' },
    { source: 'planner:plan-site', kind: 'planner', name: 'Website refresh', of: 'owner' },
    { source: 'todo:list-assistant', kind: 'todo', name: 'For my assistant', of: 'va' },
    { source: 'todo:list-tasks', kind: 'todo', name: 'Tasks', of: 'owner' },
  ],
  failure: null,
};

const SETUP = {
  owner: 'aad-owner',
  va: 'aad-va',
  mailbox: 'olivia@contoso.example',
  timeZone: 'Europe/Copenhagen',
  workStart: '09:00',
  workEnd: '17:00',
  targetPct: 90,
  windowHours: 24,
  inboxZeroDay: 'friday',
  inboxZeroCutoff: '17:00',
  taskSource: 'none',
};

function feedbackInput(overrides: Partial<FeedbackCardInput> = {}): FeedbackCardInput {
  return {
    pairingId: PAIRING_ID,
    week: '2026-W47',
    locale: 'en-GB',
    monthly: true,
    names: { owner: 'Olivia Owner', va: LONG_NAME },
    userIds: { owner: '29:owner', va: '29:va' },
    checkIn: checkInView(AUDIENCES.chat, '2026-W47', { owner: null, va: null }),
    viewer: null,
    ...overrides,
  };
}

/** The check-in of 2026-W47 as `audience` sees it. */
const seen = (audience: Audience, saved: Parameters<typeof checkInView>[2]) => checkInView(audience, '2026-W47', saved);

const LONG_ANSWER = 'Answered the catalogue requests quickly and flagged the two legal letters. '.repeat(26).slice(0, 2000);
const OWNER_ANSWERS = { answers: { wentWell: LONG_ANSWER, improve: 'Flag anything legal to me first.', nextTime: 'A short Monday plan.', kpisFair: 'partly', gladAbout: 'The supplier spreadsheet!' }, edited: true, submittedAt: 0 };
const VA_ANSWERS = { answers: { wentWell: 'Cleared the inbox three Fridays running.', needFromOwner: LONG_ANSWER, support: 'Pricing questions.', involved: '4', kpisFair: 'yes' }, edited: false, submittedAt: 0 };

/** Every card by name, in `locale` (English by default). */
export function allCards(locale = 'en-GB'): Array<[string, Card]> {
  return [
    ['welcome', welcomeCard({ locale, members: MEMBERS, consentUrl: null, values: SETUP })],
    ['welcome-tasks', welcomeCard({ locale, members: MEMBERS, consentUrl: null, values: { ...SETUP, taskSource: 'planner:plan-launch' }, taskChoices: TASK_CHOICES })],
    ['welcome-tasks-unlisted', welcomeCard({ locale, members: MEMBERS, consentUrl: null, values: SETUP, taskChoices: { choices: [], failure: 'consent' } })],
    ['welcome-consent-errors', welcomeCard({ locale, members: MEMBERS, consentUrl: 'https://login.microsoftonline.com/contoso.example/adminconsent?client_id=abc', values: { ...SETUP, va: 'aad-owner', timeZone: 'Mars/Olympus' }, errors: { va: 'The owner and the VA must be two different people.', timeZone: 'Choose a time zone from the list.', form: 'Only the person chosen as owner can start Tandem for their mailbox.' } })],
    ['scorecard', scorecardCard(scorecardInput({ locale }))],
    ['scorecard-private-late', scorecardCard(scorecardInput({ locale, privacyMode: true, late: true }))],
    ['scorecard-no-tab', scorecardCard(scorecardInput({ locale, tabUrl: null }))],
    ['scorecard-met', scorecardCard(scorecardInput({ locale, week: TREND[5]!, trend: TREND.slice(0, 6), streak: 4, tasks: taskWeek(MIDWEEK, settings.taskTargetPct, TREND[5]!.week) }))],
    ['scorecard-no-mail', scorecardCard(scorecardInput({ locale, week: TREND[2]!, trend: TREND.slice(0, 3), tasks: null }))],
    ['scorecard-tasks-met', scorecardCard(scorecardInput({ locale, settings: { ...settings, taskTargetPct: 70 }, tasks: taskWeek(MIDWEEK, 70) }))],
    ['scorecard-no-tasks', scorecardCard(scorecardInput({ locale, tasks: null }))],
    ['feedback-shared', feedbackCard(feedbackInput({ locale, checkIn: seen(AUDIENCES.chat, { owner: OWNER_ANSWERS, va: null }) }))],
    ['feedback-shared-complete', feedbackCard(feedbackInput({ locale, checkIn: seen(AUDIENCES.chat, { owner: OWNER_ANSWERS, va: VA_ANSWERS }) }))],
    ['feedback-owner-form', feedbackCard(feedbackInput({ locale, viewer: 'owner', checkIn: seen(AUDIENCES.owner, { owner: null, va: null }) }))],
    ['feedback-va-form-errors', feedbackCard(feedbackInput({ locale, viewer: 'va', checkIn: seen(AUDIENCES.va, { owner: OWNER_ANSWERS, va: null }), draft: { values: { wentWell: '', needFromOwner: 'x'.repeat(2001), support: 'Pricing', involved: '' }, errors: { wentWell: 'Please answer this question.', needFromOwner: 'Please keep this under 2000 characters (now 2001).', involved: 'Please answer this question.' } } }))],
    ['feedback-owner-answered', feedbackCard(feedbackInput({ locale, viewer: 'owner', checkIn: seen(AUDIENCES.owner, { owner: OWNER_ANSWERS, va: null }) }))],
    ['feedback-summary', feedbackCard(feedbackInput({ locale, viewer: 'owner', checkIn: seen(AUDIENCES.owner, { owner: OWNER_ANSWERS, va: VA_ANSWERS }) }))],
    // The largest a card can get: every answer at its 2,000-character limit, the monthly question included.
    ['feedback-summary-longest', feedbackCard(feedbackInput({ locale, viewer: 'va', checkIn: seen(AUDIENCES.va, { owner: { answers: { wentWell: LONG_ANSWER, improve: LONG_ANSWER, nextTime: LONG_ANSWER, kpisFair: 'no', gladAbout: LONG_ANSWER }, edited: true, submittedAt: 0 }, va: { answers: { wentWell: LONG_ANSWER, needFromOwner: LONG_ANSWER, support: LONG_ANSWER, involved: '1', kpisFair: 'partly' }, edited: true, submittedAt: 0 } }) }))],
    ['help', helpCard({ locale, unknown: null, paired: true })],
    ['help-unknown-unpaired', helpCard({ locale, unknown: 'please send me the numbers for last quarter broken down by client and by weekday', paired: false })],
    ['waiting', waitingCard({ locale, timeZone: 'Europe/Copenhagen', windowHours: 24, privacyMode: false, items: [...MISSED.map((item, i) => ({ from: item.from, subject: item.subject, receivedAt: item.receivedAt, minutesLeft: i < 2 ? null : 60 * (i * 3) + 12 })), ...Array.from({ length: 12 }, (_, i) => ({ from: `c${i}@x.example`, subject: `Question ${i}`, receivedAt: at('2026-11-24T09:00:00Z') + i * 60_000, minutesLeft: 900 }))], tabUrl: TAB_URL })],
    ['breach-warning', breachCard({ locale, timeZone: 'Europe/Copenhagen', privacyMode: false, items: MISSED.map((item, i) => ({ from: item.from, subject: item.subject, receivedAt: item.receivedAt, minutesLeft: 20 + i * 45 })) , tabUrl: TAB_URL})],
    ['waiting-empty', waitingCard({ locale, timeZone: 'Europe/Copenhagen', windowHours: 24, privacyMode: true, items: [], tabUrl: null })],
    ['settings', settingsCard({ locale, owner: 'Olivia Owner', va: LONG_NAME, mailbox: 'olivia@contoso.example', settings, tabUrl: 'https://teams.microsoft.com/l/entity/x/kpi' })],
    ['leave', leaveCard({ locale, va: LONG_NAME, from: '2026-12-24', to: '2026-12-31', timeZone: 'Europe/Copenhagen' })],
    ['offboard', offboardCard({ locale, pairingId: PAIRING_ID, mailbox: 'olivia@contoso.example' })],
    ['review', reviewCard({ locale, pairingId: PAIRING_ID, weeks: [...TREND, THIS_WEEK], settings })],
    ['review-errors', reviewCard({ locale, pairingId: PAIRING_ID, weeks: TREND, settings, values: { targetPct: 50, windowHours: 24, comment: 'Too strict for December' }, errors: { form: 'Only the owner can change the targets. Your comment can still be saved with the targets unchanged.' } })],
    ['reminder', reminderCard({ locale, pairingId: PAIRING_ID, week: '2026-W47', waitingFor: [{ name: 'Olivia Owner', mentionId: '29:owner' }, { name: LONG_NAME, mentionId: '29:va' }] })],
    ['monthly-question', monthlyQuestionCard({ locale, pairingId: PAIRING_ID, week: '2026-W49' })],
  ];
}
