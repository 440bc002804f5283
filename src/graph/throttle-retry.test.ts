import { describe, expect, it } from 'vitest';
import { mailboxOf } from './mailbox-limits.ts';
import { backoffMs, retryAfterMs } from './throttle-retry.ts';

describe('Retry-After and backoff', () => {
  const now = Date.parse('2026-11-26T09:00:00Z');

  it('reads delta-seconds and HTTP dates, and ignores what it cannot read', () => {
    expect(retryAfterMs('7', now)).toBe(7_000);
    expect(retryAfterMs('Thu, 26 Nov 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Thu, 26 Nov 2026 08:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });

  it('doubles the step per attempt with half of it jittered', () => {
    expect(backoffMs(1, 1_000, () => 0)).toBe(500);
    expect(backoffMs(1, 1_000, () => 0.999_999)).toBe(1_000);
    expect(backoffMs(3, 1_000, () => 0.5)).toBe(3_000);
  });
});

describe('mailboxOf', () => {
  it('keys a request by its /users/{id} segment, case-insensitively', () => {
    expect(mailboxOf('https://graph.microsoft.com/v1.0/users/VA%40contoso.test/mailFolders/inbox?$select=id')).toBe('va@contoso.test');
    expect(mailboxOf("https://graph.microsoft.com/v1.0/users('0b9e')/mailboxSettings")).toBeUndefined();
    expect(mailboxOf('https://graph.microsoft.com/v1.0/users/0B9E/messages')).toBe('0b9e');
    expect(mailboxOf('https://graph.microsoft.com/v1.0/organization')).toBeUndefined();
  });
});
