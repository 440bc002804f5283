// Hand-checkable message metadata for KPI tests: a pairing at contoso.com and a client at fabrikam.com.
import type { MessageMeta, PairingPeople } from '../../src/kpi/message.ts';

export const OWNER = 'owner@contoso.com';
export const VA = 'va@contoso.com';
export const CLIENT = 'client@fabrikam.com';

export const PEOPLE: PairingPeople = { mailbox: [OWNER], owner: [OWNER], va: [VA], internalDomains: ['contoso.com'] };

export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant in test: ${iso}`);
  return ms;
};

let sequence = 0;

/** Mail a client sent to the owner, received at `received` (ISO instant). */
export function inbound(received: string, overrides: Partial<MessageMeta> = {}): MessageMeta {
  const id = overrides.id ?? `in-${++sequence}`;
  return {
    id,
    conversationId: id,
    receivedAt: at(received),
    sentAt: at(received),
    from: CLIENT,
    sender: null,
    to: [OWNER],
    cc: [],
    folder: 'inbox',
    isDraft: false,
    categories: [],
    inference: 'focused',
    automatic: false,
    subject: 'Quote for the spring catalogue',
    ...overrides,
  };
}

/** A reply the VA sent on the owner's behalf (from the owner, sender the VA), in Sent Items. */
export function reply(sent: string, conversationId: string, overrides: Partial<MessageMeta> = {}): MessageMeta {
  return {
    id: `out-${++sequence}`,
    conversationId,
    receivedAt: at(sent),
    sentAt: at(sent),
    from: OWNER,
    sender: VA,
    to: [CLIENT],
    cc: [],
    folder: 'sentitems',
    isDraft: false,
    categories: [],
    inference: null,
    automatic: false,
    subject: 'RE: Quote for the spring catalogue',
    ...overrides,
  };
}
