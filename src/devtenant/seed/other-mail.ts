// The mail that does not need an answer, one kind per function. Where several exclusion reasons apply the
// designed reason is the first in the spec's order, and some mail is built to test exactly that: newsletters
// from no-reply addresses (`auto`), junk from them (`noreply`), colleagues' mail with the owner only in Cc
// (`cc`) or marked "No reply needed" (`internal`).
import type { DevAddress, DevMeetingMessageType } from '../tenant-seed.ts';
import { addressOf } from './cast.ts';
import { categorize, deliver, file, FOLDER, hardDelete, minutes, move, recordExcluded, type Story } from './story.ts';

const NEWSLETTER_TOPICS = ['This week in small business', 'Your monthly digest', 'New features are here', 'Event invitation: networking breakfast', '5 tips for a calmer inbox'];
const RECEIPTS = ['Your statement is ready', 'Invoice available', 'Booking confirmation', 'Your parcel is on its way', 'Payment received'];
const INTERNAL = ['Lunch on Thursday?', 'Team offsite agenda', 'Q4 numbers', 'Printer on floor 2', 'Holiday rota', 'Can you review this draft?'];
const MEETINGS = ['Weekly sync', 'Quarterly review', 'Client call prep', 'Budget planning', 'Strategy session'];
const SPAM = ['You have won!!!', 'Rank #1 on search today', 'Double your savings', 'Limited offer just for you'];

export function newsletter(story: Story, receivedAt: number): void {
  const { random } = story;
  const from = random.chance(0.2) ? random.pick(story.cast.noReply) : random.pick(story.cast.newsletters);
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
  const [colleague, other] = random.sample(story.cast.colleagues, 2).map(addressOf) as [DevAddress, DevAddress];
  const subject = random.pick(INTERNAL);
  const ccOnly = random.chance(0.15);
  const message = deliver(
    story,
    story.mail.inbound({
      conversationId: story.mail.conversationId(),
      subject,
      from: colleague,
      to: ccOnly ? [other] : [story.owner],
      cc: ccOnly ? [story.owner] : random.chance(0.3) ? [story.va] : [],
      receivedAt,
      inference: 'focused',
      body: 'Quick one.\n',
    }),
  );
  recordExcluded(story, message, ccOnly ? 'cc' : 'internal');
  if (random.chance(0.1)) categorize(story, message, receivedAt + minutes(random.int(2, 60)), [story.noReplyCategory]);
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
  const [from, to] = random.sample(story.cast.customers, 2) as [DevAddress, DevAddress];
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
  const noReplySender = random.chance(0.15);
  const message = deliver(
    story,
    story.mail.inbound({
      conversationId: story.mail.conversationId(),
      subject: random.pick(SPAM),
      from: noReplySender ? random.pick(story.cast.noReply) : random.pick(story.cast.spammers),
      to: [story.owner],
      receivedAt,
      folder: FOLDER.junk,
      inference: 'other',
      headers: listed ? [{ name: 'List-Unsubscribe', value: '<mailto:stop@lists.example>' }] : [],
      body: 'Click here.\n',
    }),
  );
  recordExcluded(story, message, listed ? 'auto' : noReplySender ? 'noreply' : 'junk');
  if (random.chance(0.3)) hardDelete(story, message, receivedAt);
}
