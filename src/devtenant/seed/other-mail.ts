// The mail that does not need an answer, one kind per function, each built so exactly one exclusion reason
// (the first the spec's order would find) applies: newsletters and meeting requests (`auto`), no-reply
// senders (`noreply`), junk (`junk`, or `auto` for junk newsletters), Cc-only mail (`cc`) and colleagues'
// mail (`internal`).
import type { DevMeetingMessageType } from '../tenant-seed.ts';
import { addressOf } from './cast.ts';
import { deliver, file, FOLDER, hardDelete, minutes, move, recordExcluded, type Story } from './story.ts';

const NEWSLETTER_TOPICS = ['This week in small business', 'Your monthly digest', 'New features are here', 'Event invitation: networking breakfast', '5 tips for a calmer inbox'];
const RECEIPTS = ['Your statement is ready', 'Invoice available', 'Booking confirmation', 'Your parcel is on its way', 'Payment received'];
const INTERNAL = ['Lunch on Thursday?', 'Team offsite agenda', 'Q4 numbers', 'Printer on floor 2', 'Holiday rota', 'Can you review this draft?'];
const MEETINGS = ['Weekly sync', 'Quarterly review', 'Client call prep', 'Budget planning', 'Strategy session'];
const SPAM = ['You have won!!!', 'Rank #1 on search today', 'Double your savings', 'Limited offer just for you'];

export function newsletter(story: Story, receivedAt: number): void {
  const { random } = story;
  const from = random.pick(story.cast.newsletters);
  const domain = from.address.slice(from.address.indexOf('@') + 1);
  const message = deliver(
    story,
    story.mail.inbound({
      conversationId: story.mail.conversationId(),
      subject: random.pick(NEWSLETTER_TOPICS),
      from,
      to: [story.owner],
      receivedAt,
      inference: random.chance(0.85) ? 'other' : 'focused',
      headers: [
        { name: 'List-Unsubscribe', value: `<https://${domain}/unsubscribe?u=${random.chars(12, '0123456789abcdef')}>, <mailto:unsubscribe@${domain}>` },
        { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
        ...(random.chance(0.5) ? [{ name: 'Precedence', value: 'bulk' }] : []),
      ],
      body: 'Read online.\n',
    }),
  );
  recordExcluded(story, message, 'auto');
  file(story, message, receivedAt, FOLDER.newsletters);
}

/** A receipt from a no-reply address; plain headers, so `noreply` (not `auto`) is what excludes it. */
export function noReplyMail(story: Story, receivedAt: number): void {
  const { random } = story;
  const message = deliver(
    story,
    story.mail.inbound({ conversationId: story.mail.conversationId(), subject: random.pick(RECEIPTS), from: random.pick(story.cast.noReply), to: [story.owner], receivedAt, inference: random.chance(0.5) ? 'other' : 'focused', body: 'Your document is attached.\n' }),
  );
  recordExcluded(story, message, 'noreply');
  file(story, message, receivedAt, FOLDER.receipts);
}

/** A colleague writing to the owner; sometimes answered (which changes nothing: internal mail is excluded). */
export function internalMail(story: Story, receivedAt: number): void {
  const { random } = story;
  const colleague = addressOf(random.pick(story.cast.colleagues));
  const subject = random.pick(INTERNAL);
  const message = deliver(
    story,
    story.mail.inbound({ conversationId: story.mail.conversationId(), subject, from: colleague, to: [story.owner], cc: random.chance(0.3) ? [story.va] : [], receivedAt, inference: 'focused', body: 'Quick one.\n' }),
  );
  recordExcluded(story, message, 'internal');
  const answeredAt = receivedAt + minutes(random.int(10, 1500));
  if (random.chance(0.5) && answeredAt < story.end) {
    deliver(story, story.mail.sent({ conversationId: message.conversationId, subject: `RE: ${subject}`, from: story.owner, sender: random.chance(0.5) ? story.owner : story.va, to: [colleague], sentAt: answeredAt, replyTo: message, body: 'Sure.\n' }));
  }
  file(story, message, receivedAt, FOLDER.archive);
}

/** A meeting request (or cancellation) from a colleague or customer: an eventMessage, so `auto`. */
export function meetingMessage(story: Story, receivedAt: number): void {
  const { random } = story;
  const from = random.chance(0.6) ? addressOf(random.pick(story.cast.colleagues)) : random.pick(story.cast.customers);
  const type: DevMeetingMessageType = random.chance(0.85) ? 'meetingRequest' : 'meetingCancelled';
  const topic = random.pick(MEETINGS);
  const message = deliver(
    story,
    story.mail.inbound({ conversationId: story.mail.conversationId(), subject: type === 'meetingRequest' ? topic : `Canceled: ${topic}`, from, to: [story.owner], receivedAt, inference: 'focused', meetingMessageType: type, body: 'Microsoft Teams meeting\n' }),
  );
  recordExcluded(story, message, 'auto');
  if (random.chance(0.5)) move(story, message, receivedAt + minutes(random.int(5, 600)), FOLDER.deleted);
}

/** Mail to someone else with the owner only in Cc: `cc`, even when the VA replies to all. */
export function ccOnlyMail(story: Story, receivedAt: number): void {
  const { random } = story;
  const [from, to] = random.sample(story.cast.customers, 2) as [typeof story.owner, typeof story.owner];
  const subject = `${random.pick(['FYI', 'Notes', 'Update'])}: ${random.pick(MEETINGS).toLowerCase()}`;
  const message = deliver(
    story,
    story.mail.inbound({ conversationId: story.mail.conversationId(), subject, from, to: [to], cc: [story.owner], receivedAt, inference: 'focused', body: 'Looping you in.\n' }),
  );
  recordExcluded(story, message, 'cc');
  const answeredAt = receivedAt + minutes(random.int(20, 900));
  if (random.chance(0.2) && answeredAt < story.end) {
    deliver(story, story.mail.sent({ conversationId: message.conversationId, subject: `RE: ${subject}`, from: story.owner, sender: story.va, to: [from], cc: [to], sentAt: answeredAt, replyTo: message, body: 'Noted, thanks.\n' }));
  }
  file(story, message, receivedAt, FOLDER.archive);
}

/** Spam in Junk E-mail (some of it a newsletter, which `auto` catches first); Junk is emptied now and then. */
export function junkMail(story: Story, receivedAt: number): void {
  const { random } = story;
  const listed = random.chance(0.25);
  const message = deliver(
    story,
    story.mail.inbound({
      conversationId: story.mail.conversationId(),
      subject: random.pick(SPAM),
      from: random.pick(story.cast.spammers),
      to: [story.owner],
      receivedAt,
      folder: 'junkemail',
      inference: 'other',
      headers: listed ? [{ name: 'List-Unsubscribe', value: '<mailto:stop@lists.example>' }] : [],
      body: 'Click here.\n',
    }),
  );
  recordExcluded(story, message, listed ? 'auto' : 'junk');
  if (random.chance(0.3)) hardDelete(story, message, receivedAt);
}
