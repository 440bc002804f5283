// The thread rule: subject normalization, References/In-Reply-To roots, root joining, fallbacks.
import { describe, expect, it } from 'vitest';
import {
  conversationKey,
  conversationKeys,
  messageIds,
  normalizeSubject,
  REPLY_PREFIXES,
  threadInfo,
  type ThreadHeaders,
} from './threading.ts';

describe('normalizeSubject', () => {
  it.each(REPLY_PREFIXES)('removes the prefix %s: in any case', (prefix) => {
    expect(normalizeSubject(`${prefix}: Invoice 42`)).toBe('invoice 42');
    expect(normalizeSubject(`${prefix.toUpperCase()}: Invoice 42`)).toBe('invoice 42');
    expect(normalizeSubject(`${prefix[0]!.toUpperCase()}${prefix.slice(1)}:Invoice 42`)).toBe('invoice 42');
  });

  it('removes counted prefixes', () => {
    expect(normalizeSubject('Re[2]: Invoice 42')).toBe('invoice 42');
    expect(normalizeSubject('AW(3): Invoice 42')).toBe('invoice 42');
    expect(normalizeSubject('RE [12] : Invoice 42')).toBe('invoice 42');
  });

  it('removes a whole run of prefixes', () => {
    expect(normalizeSubject('RE: Fwd: re: Invoice 42')).toBe('invoice 42');
    expect(normalizeSubject('AW: WG: SV: VS: Antw: TR: RV: VB: FW: Invoice 42')).toBe('invoice 42');
    expect(normalizeSubject('Re:Re:Re: Invoice 42')).toBe('invoice 42');
  });

  it('collapses whitespace, including unfolded line breaks, and lower-cases', () => {
    expect(normalizeSubject('  Re:   Invoice\r\n\t 42  ')).toBe('invoice 42');
  });

  it('keeps words that merely start like a prefix, and prefixes that are not at the start', () => {
    expect(normalizeSubject('Return policy')).toBe('return policy');
    expect(normalizeSubject('Travel: Rome')).toBe('travel: rome');
    expect(normalizeSubject('Fwd without colon')).toBe('fwd without colon');
    expect(normalizeSubject('Invoice 42 (Re: yours)')).toBe('invoice 42 (re: yours)');
  });

  it('leaves nothing of a subject made only of prefixes', () => {
    expect(normalizeSubject('Re: Fwd:')).toBe('');
    expect(normalizeSubject('')).toBe('');
  });
});

describe('messageIds', () => {
  it('reads bracketed ids in order, and bare ids from clients that drop the brackets', () => {
    expect(messageIds('<a@x> <b@y>\t<c@z>')).toEqual(['a@x', 'b@y', 'c@z']);
    expect(messageIds('<a@x> (Alice\'s message of Monday)')).toEqual(['a@x']);
    expect(messageIds('a@x b@y')).toEqual(['a@x', 'b@y']);
    expect(messageIds('Your message of Monday')).toEqual([]);
    expect(messageIds(undefined)).toEqual([]);
  });
});

const info = (headers: Partial<ThreadHeaders>) => threadInfo({ ownId: 'file-1', ...headers });

describe('conversationKey', () => {
  const noRoots = new Set<string>();

  it('uses the first id in References as the thread root', () => {
    const reply = info({ messageId: '<r2@x>', references: '<root@x> <r1@x>', inReplyTo: '<r1@x>', subject: 'Re: Plan' });
    expect(conversationKey(reply, noRoots)).toBe('mid:root@x');
  });

  it('uses In-Reply-To when there is no References header', () => {
    const reply = info({ messageId: '<r1@x>', inReplyTo: '<root@x>', subject: 'Re: Plan' });
    expect(conversationKey(reply, noRoots)).toBe('mid:root@x');
  });

  it("puts a thread's first message, which has neither header, with its replies", () => {
    const first = info({ messageId: '<root@x>', subject: 'Plan' });
    expect(conversationKey(first, new Set(['root@x']))).toBe('mid:root@x');
  });

  it('falls back to the normalized subject', () => {
    const lone = info({ messageId: '<lone@x>', subject: 'RE: Fwd: The  Plan' });
    expect(conversationKey(lone, new Set(['other@x']))).toBe('subj:the plan');
  });

  it('makes a message without a usable subject its own conversation', () => {
    expect(conversationKey(info({ messageId: '<lone@x>', subject: 'Re:' }), noRoots)).toBe('self:file-1');
    expect(conversationKey(info({ subject: '' }), noRoots)).toBe('self:file-1');
  });

  it('never confuses an id with a subject', () => {
    const bySubject = conversationKey(info({ subject: 'root@x' }), noRoots);
    const byId = conversationKey(info({ references: '<root@x>' }), noRoots);
    expect(bySubject).not.toBe(byId);
  });
});

describe('conversationKeys', () => {
  it('collects every root first, so a root read before its replies still joins them', () => {
    const keys = conversationKeys([
      info({ messageId: '<root@x>', subject: 'Plan', ownId: 'a' }),
      info({ messageId: '<unrelated@x>', subject: 'Plan', ownId: 'b' }),
      info({ messageId: '<r1@x>', references: '<root@x>', subject: 'Re: Plan', ownId: 'c' }),
      info({ messageId: '<r2@x>', inReplyTo: '<r1@x>', subject: 'Re: Plan', ownId: 'd' }),
    ]);
    // A reply with only In-Reply-To is keyed by its parent even when that parent is itself a reply: the rule does not follow chains.
    expect(keys).toEqual(['mid:root@x', 'subj:plan', 'mid:root@x', 'mid:r1@x']);
  });
});
