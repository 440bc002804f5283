// The set-up action's addresses: the mailbox, owner and VA follow the one address rule (src/kpi/address.ts).
import { describe, expect, it } from 'vitest';
import { setupInput, type SetupInput } from './setup.ts';

const input = (overrides: Partial<SetupInput>): SetupInput => ({
  tenantId: 'tenant-1',
  mailbox: 'owner@contoso.com',
  owner: { address: 'owner@contoso.com', userId: 'owner-oid' },
  va: { address: 'va@contoso.com', userId: 'va-oid' },
  settings: {},
  locale: 'en',
  conversationRef: {},
  ...overrides,
});

describe('setupInput', () => {
  it('takes addresses as real mail carries them, lower-cased', () => {
    const parsed = setupInput.parse(input({ mailbox: 'Sales..Desk@contoso.com', owner: { address: ' J..Smith@Contoso.com', userId: 'owner-oid' }, va: { address: '"va desk"@contoso.com', userId: 'va-oid' } }));
    expect([parsed.mailbox, parsed.owner.address, parsed.va.address]).toEqual(['sales..desk@contoso.com', 'j..smith@contoso.com', '"va desk"@contoso.com']);
  });

  it.each<[string, Partial<SetupInput>]>([
    ['mailbox', { mailbox: 'sales desk' }],
    ['mailbox', { mailbox: '' }],
    ['owner.address', { owner: { address: 'owner', userId: 'owner-oid' } }],
    ['va.address', { va: { address: 'va assistant@contoso.com', userId: 'va-oid' } }],
  ])('refuses what is not an address at %s', (field, overrides) => {
    const parsed = setupInput.safeParse(input(overrides));
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([[field, 'must be an e-mail address such as name@example.com']]);
  });
});
