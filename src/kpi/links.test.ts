// Outside links are opened only when they are https pages.
import { describe, expect, it } from 'vitest';
import { httpsLink } from './links.ts';

describe('httpsLink', () => {
  it('keeps an https URL as given', () => {
    const owa = 'https://outlook.office365.com/owa/?ItemID=AAMk%3D&exvsurl=1&viewmodel=ReadMessageItem';
    expect(httpsLink(owa)).toBe(owa);
  });

  it('refuses any other scheme, text that is no URL, and nothing', () => {
    for (const url of ['javascript:alert(1)', 'http://outlook.office365.com/owa/', 'data:text/html,<b>x</b>', 'outlook.office365.com/owa', '', null, undefined]) expect(httpsLink(url)).toBeNull();
  });
});
