import { describe, expect, it } from 'vitest';
import { argumentNames, formatMessage, mapText, MessageSyntaxError, parseMessage } from './message-format.ts';

describe('plain placeholders (the catalog’s original syntax)', () => {
  it('fills {name} with String(value) and leaves text, apostrophes and # alone', () => {
    expect(formatMessage('{name}’s week: {count} mails, #1 isn’t it', 'en', { name: 'Ann', count: 1234 })).toBe('Ann’s week: 1234 mails, #1 isn’t it');
    expect(formatMessage("De VA's van {who}", 'nl', { who: 'Jan' })).toBe("De VA's van Jan");
  });

  it('keeps a placeholder without a value visible instead of throwing', () => {
    expect(formatMessage('{a} and {b}', 'en', { a: 1 })).toBe('1 and {b}');
    expect(formatMessage('{n, plural, one {# item} other {# items}}', 'en')).toBe('{n}');
  });
});

describe('plural', () => {
  const items = '{count, plural, =0 {no items} one {# item} other {# items}}';

  it('picks =N, then the locale’s category, then other', () => {
    expect([0, 1, 2, 5].map((count) => formatMessage(items, 'en', { count }))).toEqual(['no items', '1 item', '2 items', '5 items']);
  });

  it('follows each locale’s rules: French 0 is "one", English 0 is "other"', () => {
    const plain = '{n, plural, one {one} other {other}}';
    expect(formatMessage(plain, 'fr', { n: 0 })).toBe('one');
    expect(formatMessage(plain, 'en', { n: 0 })).toBe('other');
    expect(formatMessage(plain, 'en', { n: 1.5 })).toBe('other');
  });

  it('formats # as a number in the locale, after the offset', () => {
    expect(formatMessage(items, 'da', { count: 1234 })).toBe('1.234 items');
    expect(formatMessage('{n, plural, offset:1 =0 {nobody} one {you and # other} other {you and # others}}', 'en', { n: 3 })).toBe('you and 2 others');
    expect(formatMessage('{n, plural, offset:1 =0 {nobody} one {you and # other} other {you and # others}}', 'en', { n: 2 })).toBe('you and 1 other');
  });

  it('takes numeric strings as numbers, and reads a pre-formatted count as "other", printed as given', () => {
    expect(formatMessage(items, 'en', { count: '1' })).toBe('1 item');
    expect(formatMessage(items, 'en', { count: '1,234' })).toBe('1,234 items');
  });

  it('selectordinal uses ordinal rules', () => {
    const rank = '{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}';
    expect([1, 2, 3, 4, 11, 22].map((n) => formatMessage(rank, 'en', { n }))).toEqual(['1st', '2nd', '3rd', '4th', '11th', '22nd']);
  });

  it('nests select in plural; # refers to the enclosing plural', () => {
    const message = '{role, select, owner {{n, plural, one {# mail for you} other {# mails for you}}} other {# {n}}}';
    expect(formatMessage(message, 'en', { role: 'owner', n: 1 })).toBe('1 mail for you');
    expect(formatMessage(message, 'en', { role: 'va', n: 3 })).toBe('# 3');
  });
});

describe('syntax', () => {
  it.each([
    ['{count, plural, one {# item}}', 'no "other"'],
    ['{count, plural, one {# item} other {# items}', 'expected "}"'],
    ['a } b', 'unmatched'],
    ['{count, number}', 'unknown argument type'],
    ['{ }', 'argument name'],
    ['{n, plural, one {a} one {b} other {c}}', 'twice'],
  ])('refuses %s (%s)', (template, why) => {
    expect(() => parseMessage(template)).toThrow(MessageSyntaxError);
    expect(() => parseMessage(template)).toThrow(why);
  });

  it('lists argument names, plural and nested ones included', () => {
    expect(argumentNames('{a} {b, plural, one {{c}} other {#}} {a}')).toEqual(['a', 'b', 'c']);
  });

  it('maps only literal text, leaving names, selectors and # untouched', () => {
    const upper = mapText('Hi {name}: {n, plural, offset:1 =0 {none} one {# one} other {# many}}', (text) => text.toUpperCase());
    expect(upper).toBe('HI {name}: {n, plural, offset:1 =0 {NONE} one {# ONE} other {# MANY}}');
    expect(formatMessage(upper, 'en', { name: 'x', n: 3 })).toBe('HI x: 2 MANY');
  });
});
