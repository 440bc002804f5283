// Which messages are inbound, which are sent from the mailbox, and why an inbound one does not count.
import type { MessageMeta, PairingPeople } from './message.ts';
import type { Settings } from './settings.ts';

/** Exclusion reasons in the spec's order; a message matching several keeps the first. */
export const EXCLUSION_REASONS = ['auto', 'noreply', 'junk', 'cc', 'internal', 'other', 'marked'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/**
 * Numeric kinds so a million messages fit in a Uint8Array: IGNORED (drafts, outbox, unsent), OUTBOUND (can
 * answer), COUNTED (inbound that needs an answer), or EXCLUDED_BASE + the reason's index.
 */
export const KIND = { IGNORED: 0, OUTBOUND: 1, COUNTED: 2, EXCLUDED_BASE: 3 } as const;

/** Spec rule 2, extended to `_` and `.` separators (no_reply@, do.not.reply@) that real senders use too. */
const NO_REPLY_LOCAL_PART = /no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer-daemon|postmaster|bounces?/i;

const NOT_RECEIVED_FOLDERS = new Set(['sentitems', 'drafts', 'outbox']);

export interface Classifier {
  kind(message: MessageMeta): number;
}

function localPart(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : address.slice(0, at);
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

export function buildClassifier(people: PairingPeople, settings: Settings, marks: ReadonlySet<string>): Classifier {
  const own = new Set([...people.mailbox, ...people.owner, ...people.va].map((address) => address.toLowerCase()));
  const internal = new Set(people.internalDomains.map((domain) => domain.toLowerCase()));
  const noReplyCategory = settings.noReplyCategory.toLowerCase();
  const isOwn = (address: string | null) => address !== null && own.has(address);
  const reasonKind = (reason: ExclusionReason) => KIND.EXCLUDED_BASE + EXCLUSION_REASONS.indexOf(reason);

  function exclusion(message: MessageMeta): ExclusionReason | null {
    const from = message.from ?? '';
    if (message.automatic) return 'auto';
    if (NO_REPLY_LOCAL_PART.test(localPart(from))) return 'noreply';
    if (message.folder === 'junkemail') return 'junk';
    if (!settings.countCcOnly && !message.to.some(isOwn)) return 'cc';
    if (settings.excludeInternal && internal.has(domainOf(from))) return 'internal';
    if (settings.excludeOtherFocused && message.inference === 'other') return 'other';
    if (marks.has(message.id) || message.categories.some((category) => category.toLowerCase() === noReplyCategory)) return 'marked';
    return null;
  }

  return {
    kind(message) {
      if (message.isDraft || message.folder === 'drafts' || message.folder === 'outbox') return KIND.IGNORED;
      const inbound = !NOT_RECEIVED_FOLDERS.has(message.folder) && !isOwn(message.from);
      if (!inbound) {
        return message.folder === 'sentitems' || isOwn(message.from) || isOwn(message.sender) ? KIND.OUTBOUND : KIND.IGNORED;
      }
      const reason = exclusion(message);
      return reason === null ? KIND.COUNTED : reasonKind(reason);
    },
  };
}
