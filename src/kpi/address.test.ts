// The address rule: what real mail carries is an address, what cannot be one is refused, and quickly.
import { describe, expect, it } from 'vitest';
import { emailAddress, isEmailAddress, MAX_ADDRESS_LENGTH } from './address.ts';

describe('emailAddress', () => {
  it.each([
    ['j..smith@example.com', 'j..smith@example.com'],
    ['.williams@enron.com', '.williams@enron.com'],
    ['smith.@example.com', 'smith.@example.com'],
    ["p..o'neil@enron.com", "p..o'neil@enron.com"],
    ['"john smith"@example.com', '"john smith"@example.com'],
    ['"a\\"b"@example.com', '"a\\"b"@example.com'],
    ['"x y".z@example.com', '"x y".z@example.com'],
    ['first+tag@mail.example.co.uk', 'first+tag@mail.example.co.uk'],
    ['jørgen@eksempel.dk', 'jørgen@eksempel.dk'],
    ['  Owner@Contoso.COM ', 'owner@contoso.com'],
  ])('accepts %j as %j', (input, expected) => {
    expect(emailAddress().parse(input)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'not-an-address',
    'john smith@example.com',
    'owner@contoso',
    '@example.com',
    'owner@',
    'a@@example.com',
    'a@b@example.com',
    'Olivia <owner@contoso.com>',
    'owner@contoso..com',
    'owner@.contoso.com',
    'owner@contoso.com.',
    '"unterminated@example.com',
    'tab\there@example.com',
    'owner@contoso.com, va@contoso.com',
  ])('refuses %j', (input) => {
    expect(isEmailAddress(input)).toBe(false);
  });

  it('refuses a non-string and an address longer than RFC 5321 allows', () => {
    expect(emailAddress().safeParse(42).success).toBe(false);
    const local = 'a'.repeat(64);
    const domainOf = (length: number) => `${'d'.repeat(length - 4)}.com`;
    expect(isEmailAddress(`${local}@${domainOf(MAX_ADDRESS_LENGTH - 65)}`)).toBe(true);
    expect(isEmailAddress(`${local}@${domainOf(MAX_ADDRESS_LENGTH - 64)}`)).toBe(false);
  });

  it('words the refusal as the caller asks, given what was typed', () => {
    const result = emailAddress((input) => `--owner must be an e-mail address (got "${String(input)}")`).safeParse('nobody');
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['--owner must be an e-mail address (got "nobody")']);
    expect(emailAddress().safeParse('nobody').error?.issues[0]?.message).toBe('must be an e-mail address such as name@example.com');
  });

  it('refuses hostile input in linear time', () => {
    for (const hostile of ['a'.repeat(100_000), `${'"a'.repeat(50_000)}`, `${'a.'.repeat(50_000)}@`, `a@${'b.'.repeat(50_000)}`]) {
      const started = performance.now();
      expect(isEmailAddress(hostile)).toBe(false);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });
});
