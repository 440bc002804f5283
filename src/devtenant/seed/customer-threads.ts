// Customer conversations, the mail that needs answers: threads of several rounds, reply-all and forwards,
// follow-ups sent before the first answer, conversations the owner started, the customer's own auto-reply,
// "thanks" mail marked "No reply needed", mail archived before it was answered, late answers, missed mail
// and mail still pending at the end. Each inbound message's outcome is decided and recorded here.
import type { DevAddress, DevMessage } from '../tenant-seed.ts';
import { addressOf } from './cast.ts';
import {
  categorize,
  deliver,
  file,
  FOLDER,
  hardDelete,
  minutes,
  move,
  recordAnswered,
  recordExcluded,
  recordWaiting,
  replyAfter,
  replyAt,
  sameDayAt,
  waitingStatus,
  type Author,
  type ReplyPlan,
  type Story,
} from './story.ts';

const SUBJECTS = [
  'Quote for the spring campaign',
  'Invoice 2026-{n} question',
  'Meeting next week?',
  'Contract renewal',
  'Delivery schedule for order {n}',
  'Proposal feedback',
  'Workshop dates',
  'Partnership idea',
  'Updated price list',
  'Project kickoff',
  'Can you send the slides?',
  'Access to the shared folder',
  'Reference request',
  'Speaking invitation',
  'Catering for the event on the {n}th',
];
const OPENINGS = ['Hi,', 'Hello,', 'Dear team,', 'Good morning,'];

type Intent = 'onTime' | 'late' | 'unanswered' | 'marked';

export interface ThreadOptions {
  /** Leave every message unanswered (mail arriving just before the end). */
  readonly unanswered?: boolean;
  /** Answer the first message exactly at the end: a reply at the evaluation instant still answers. */
  readonly answeredAtEnd?: boolean;
}

function subjectFor(story: Story): string {
  return story.random.pick(SUBJECTS).replace('{n}', String(story.random.int(10, 99)));
}

function body(story: Story): string {
  return `${story.random.pick(OPENINGS)}\n\nPlease see below. Thanks,\n`;
}

/** Working minutes for an on-time answer: mostly within the hour, some later in the window. */
function onTimeMinutes(story: Story): number {
  const latest = story.windowMs / 60_000 - 15;
  return story.random.chance(0.6) ? story.random.int(4, Math.min(90, latest)) : story.random.int(4, latest);
}

function lateMinutes(story: Story): number {
  const window = story.windowMs / 60_000;
  return story.random.int(window + 15, window * 4);
}

function intentFor(story: Story, round: number): Intent {
  const roll = story.random.next();
  if (roll < (round === 0 ? 0.02 : 0.15)) return 'marked';
  if (roll < 0.08) return 'unanswered';
  if (roll < 0.2) return 'late';
  return 'onTime';
}

function inLeave(story: Story, instant: number): boolean {
  return instant >= story.leave.start && instant < story.leave.end;
}

/** Who answers and when, for an answer the design wants; null when it cannot be placed before the end. */
function planAnswer(story: Story, received: readonly number[], intent: 'onTime' | 'late'): ReplyPlan | null {
  const { random } = story;
  const last = received[received.length - 1]!;
  // While the VA is on leave the owner covers some mail within a few hours; the rest waits for her return.
  if (inLeave(story, last) && random.chance(0.5)) {
    const covered = replyAt(story, received, last + minutes(random.int(20, 240)), 'owner');
    if (covered !== null) return covered;
  }
  const roll = random.next();
  const author: Author = roll < 0.12 ? 'owner' : roll < 0.15 ? 'other' : 'va';
  if (author === 'owner' && random.chance(0.3)) {
    const evening = replyAt(story, received, sameDayAt(story, last, random.int(19, 22), random.int(0, 59)), 'owner');
    if (evening !== null) return evening;
  }
  return replyAfter(story, received, intent === 'onTime' ? onTimeMinutes(story) : lateMinutes(story), author);
}

/** An answer for mail that would otherwise wait right at the window's edge at the end: answered at once. */
function rescue(story: Story, received: readonly number[]): ReplyPlan {
  const plan = replyAfter(story, received, 1, 'va');
  if (plan === null) throw new Error('seed design: no room to answer a message near the window edge');
  return plan;
}

interface Round {
  readonly inbound: readonly DevMessage[];
  readonly participants: { readonly to: readonly DevAddress[]; readonly cc: readonly DevAddress[] };
}

function markNoReply(story: Story, message: DevMessage): void {
  const { random } = story;
  const at = Math.min(message.receivedDateTime + minutes(random.int(3, 600)), story.end - minutes(1));
  categorize(story, message, at, [story.noReplyCategory]);
  recordExcluded(story, message, 'marked');
  const movedAt = at + minutes(random.int(10, 3000));
  if (random.chance(0.4) && move(story, message, movedAt, FOLDER.deleted) && random.chance(0.5)) hardDelete(story, message, movedAt);
}

/**
 * Leaves a group of messages unanswered (recorded missed or pending at the end), or, when one would sit at
 * the window's edge at the end, answers it at once instead and returns that answer.
 */
function leaveWaiting(story: Story, inbound: readonly DevMessage[], participants: Round['participants'], subject: string): ReplyPlan | null {
  const statuses = inbound.map((message) => waitingStatus(story, message.receivedDateTime));
  if (statuses.some((status) => status === null)) return rescue(story, inbound.map((message) => message.receivedDateTime));
  inbound.forEach((message, i) => recordWaiting(story, message, statuses[i]!));
  const last = inbound[inbound.length - 1]!;
  const savedAt = last.receivedDateTime + minutes(story.random.int(5, 120));
  // A reply started and abandoned in Drafts answers nothing.
  if (story.random.chance(0.25) && savedAt < story.end) {
    deliver(story, story.mail.draft({ conversationId: last.conversationId, subject: `RE: ${subject}`, from: story.owner, sender: story.va, to: participants.to, cc: participants.cc, sentAt: savedAt, replyTo: last, body: 'Thanks, I will check and' }));
  }
  // Handling is not answering: some waiting mail is archived anyway and stays counted.
  if (story.random.chance(0.2)) move(story, inbound[0]!, inbound[0]!.receivedDateTime + minutes(story.random.int(30, 900)), FOLDER.archive);
  return null;
}

/** Sends the answer: a reply (to all) or a forward to a colleague, who may write back internally. */
function sendAnswer(story: Story, round: Round, plan: ReplyPlan, subject: string, forward: boolean): DevMessage {
  const { random } = story;
  const last = round.inbound[round.inbound.length - 1]!;
  const colleague = addressOf(random.pick(story.cast.colleagues));
  const sender = plan.author === 'va' ? story.va : plan.author === 'owner' ? story.owner : colleague;
  const sent = deliver(
    story,
    story.mail.sent({
      conversationId: last.conversationId,
      subject: `${forward ? 'FW' : 'RE'}: ${subject}`,
      from: story.owner,
      sender,
      to: forward ? [colleague] : round.participants.to,
      cc: forward ? [] : round.participants.cc,
      sentAt: plan.at,
      replyTo: last,
      body: forward ? 'Could you take this one?\n' : 'Thanks for your message.\n',
    }),
  );
  if (forward) {
    const receivedAt = plan.at + minutes(random.int(30, 600));
    if (receivedAt < story.end) {
      const answer = deliver(
        story,
        story.mail.inbound({ conversationId: last.conversationId, subject: `RE: FW: ${subject}`, from: colleague, to: [story.owner], receivedAt, inference: 'focused', replyTo: sent, body: 'Done, I replied to them.\n' }),
      );
      recordExcluded(story, answer, 'internal');
    }
  }
  return sent;
}

/** The customer's own out-of-office answering our reply: automatic, in the same conversation. */
function customerAutoReply(story: Story, customer: DevAddress, sent: DevMessage): void {
  const receivedAt = sent.sentDateTime + minutes(1);
  if (receivedAt >= story.end) return;
  const message = deliver(
    story,
    story.mail.inbound({
      conversationId: sent.conversationId,
      subject: `Automatic reply: ${sent.subject}`,
      from: customer,
      to: [story.owner],
      receivedAt,
      inference: 'focused',
      headers: [
        { name: 'Auto-Submitted', value: 'auto-replied' },
        { name: 'X-Auto-Response-Suppress', value: 'All' },
      ],
      replyTo: sent,
      body: 'I am out of the office with limited access to e-mail.\n',
    }),
  );
  recordExcluded(story, message, 'auto');
  if (story.random.chance(0.5)) move(story, message, receivedAt + minutes(story.random.int(10, 600)), FOLDER.deleted);
}

/** How the customer addresses the mail: to the owner (others in Cc), or to the VA with the owner in Cc (still direct). */
function addressing(story: Story, customer: DevAddress): Round['participants'] {
  const { random } = story;
  if (random.chance(0.05)) return { to: [story.va], cc: [story.owner] };
  const cc = random.chance(0.25) ? [addressOf(random.pick(story.cast.colleagues)), random.pick(story.cast.customers)].filter((a) => a.address !== customer.address) : [];
  return { to: [story.owner], cc };
}

/** One customer conversation whose first inbound message arrives at `firstAt`. */
export function customerThread(story: Story, firstAt: number, options: ThreadOptions = {}): void {
  const { random, mail } = story;
  const customer = random.pick(story.cast.customers);
  const subject = subjectFor(story);
  const conversationId = mail.conversationId();
  const addressed = addressing(story, customer);
  // Reply-all: everyone but the mailbox's own people.
  const own = new Set([story.owner.address, story.va.address]);
  const participants = { to: [customer], cc: [...addressed.to, ...addressed.cc].filter((a) => !own.has(a.address)) };
  const forward = random.chance(0.1);
  const followUp = random.chance(0.1);
  const rounds = random.int(1, 3);

  let previous: DevMessage | undefined;
  // Sometimes the owner started the conversation; the customer's reply is then the first mail to answer.
  const startedAt = firstAt - minutes(random.int(60, 3000));
  if (random.chance(0.1) && startedAt > story.start) {
    previous = deliver(story, mail.sent({ conversationId, subject, from: story.owner, sender: story.owner, to: [customer], sentAt: startedAt, body: 'Following up on our call.\n' }));
  }

  let at = firstAt;
  for (let round = 0; round < rounds && at < story.end; round++) {
    const roundSubject = previous === undefined ? subject : `RE: ${subject}`;
    const incoming = (receivedAt: number, text: string, replyTo: DevMessage | undefined) =>
      deliver(
        story,
        mail.inbound({ conversationId, subject: roundSubject, from: customer, ...addressed, receivedAt, inference: random.chance(0.1) ? 'other' : 'focused', ...(replyTo === undefined ? {} : { replyTo }), body: text }),
      );
    const inbound = [incoming(at, body(story), previous)];
    const secondAt = at + minutes(random.int(5, 40));
    if (round === 0 && followUp && secondAt < story.end - minutes(5)) inbound.push(incoming(secondAt, 'Sorry, one more thing.\n', undefined));
    const received = inbound.map((message) => message.receivedDateTime);

    let plan: ReplyPlan | null;
    if (options.answeredAtEnd === true) {
      plan = replyAt(story, received, story.end, 'va');
    } else {
      const intent = options.unanswered === true ? 'unanswered' : intentFor(story, round);
      if (intent === 'marked') {
        inbound.forEach((message) => markNoReply(story, message));
        return;
      }
      plan = intent === 'unanswered' ? null : planAnswer(story, received, intent);
    }
    plan ??= leaveWaiting(story, inbound, participants, subject);
    if (plan === null) return;

    recordAnswered(story, inbound, plan);
    const first = inbound[0]!;
    // Categorized in the minutes after answering, before any filing (which starts 5 minutes after).
    if (random.chance(0.1)) categorize(story, first, plan.at + minutes(random.int(1, 4)), ['Clients']);
    if (random.chance(0.08) && plan.at - first.receivedDateTime >= minutes(2)) {
      // Filed before anyone answered: still counted, still answered by the reply that follows.
      const span = (plan.at - first.receivedDateTime) / 60_000;
      move(story, first, first.receivedDateTime + minutes(random.int(1, span - 1)), FOLDER.archive);
    } else {
      file(story, first, plan.at, FOLDER.clients);
    }

    const sent = sendAnswer(story, { inbound, participants }, plan, subject, forward && round === 0);
    if (random.chance(0.08)) customerAutoReply(story, customer, sent);
    previous = sent;
    // Now and then the customer's next message crosses ours: received the same instant, so ours does not answer it.
    at = plan.at + (random.chance(0.05) ? 0 : minutes(random.int(15, 2 * 24 * 60)));
    if (at >= story.end - minutes(5)) return;
  }
}
