// Finds each inbound message's answer: the earliest message sent from the mailbox in the same conversation
// strictly after it was received and not after `now`. One sent message thereby answers every earlier
// unanswered inbound message of its conversation, each keeping its own start time.
import type { MessageMeta } from './message.ts';

export interface AnswerIndex {
  /** Index into the messages of the answer to an inbound message received at `receivedAt`, or -1. */
  answerFor(conversationId: string, receivedAt: number): number;
}

/** Ties in `sentAt` are broken by id so the result never depends on input order. */
function bySentThenId(messages: readonly MessageMeta[]) {
  return (a: number, b: number) => {
    const ma = messages[a]!;
    const mb = messages[b]!;
    return ma.sentAt - mb.sentAt || (ma.id < mb.id ? -1 : ma.id > mb.id ? 1 : 0);
  };
}

/**
 * Groups the outbound messages by conversation in one flat array (compressed rows), so a million
 * messages need a few typed arrays rather than a million small lists.
 */
export function buildAnswerIndex(messages: readonly MessageMeta[], outbound: (index: number) => boolean, now: number): AnswerIndex {
  const conversationOf = new Map<string, number>();
  const rowOf = new Int32Array(messages.length).fill(-1);
  const counts: number[] = [];
  messages.forEach((message, i) => {
    if (!outbound(i) || message.sentAt > now) return;
    let row = conversationOf.get(message.conversationId);
    if (row === undefined) {
      row = counts.length;
      conversationOf.set(message.conversationId, row);
      counts.push(0);
    }
    rowOf[i] = row;
    counts[row]!++;
  });

  const offsets = new Int32Array(counts.length + 1);
  counts.forEach((count, row) => (offsets[row + 1] = offsets[row]! + count));
  const fill = offsets.slice(0, counts.length);
  const members = new Int32Array(offsets[counts.length]!);
  rowOf.forEach((row, i) => {
    if (row >= 0) members[fill[row]!++] = i;
  });

  const compare = bySentThenId(messages);
  const sentAt = new Float64Array(members.length);
  for (let row = 0; row < counts.length; row++) {
    const segment = members.subarray(offsets[row]!, offsets[row + 1]!);
    if (segment.length > 1) segment.sort(compare);
    segment.forEach((index, k) => (sentAt[offsets[row]! + k] = messages[index]!.sentAt));
  }

  return {
    answerFor(conversationId, receivedAt) {
      const row = conversationOf.get(conversationId);
      if (row === undefined) return -1;
      // First sent instant strictly after receipt.
      let low = offsets[row]!;
      let high = offsets[row + 1]!;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (sentAt[mid]! <= receivedAt) low = mid + 1;
        else high = mid;
      }
      return low < offsets[row + 1]! ? members[low]! : -1;
    },
  };
}
