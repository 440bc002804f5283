// The tab API's 401 matrix as data, for every surface that shares its validator (the tab, the Outlook pane):
// each token that must be refused, with the validation step that must log the refusal.
import { testIssuer, type TestIssuer } from './tab-tokens.ts';

export interface Refusal {
  readonly what: string;
  /** null: no Authorization header at all. */
  readonly token: string | null;
  readonly step: string;
}

/** Tokens for `claims` that are refused, one per way a token can be wrong. */
export async function tokenRefusals(issuer: TestIssuer, claims: { tid: string; oid: string; upn: string }): Promise<Refusal[]> {
  return [
    { what: 'no token', token: null, step: 'header' },
    { what: 'not a JWT', token: 'not-a-jwt', step: 'decode' },
    { what: 'expired', token: await issuer.sign(claims, { expiresInSeconds: -3600 }), step: 'claims' },
    { what: 'another audience', token: await issuer.sign({ ...claims, aud: 'api://elsewhere/123' }), step: 'claims' },
    { what: 'an unknown tenant', token: await issuer.sign({ ...claims, tid: 'tenant-nobody-serves' }), step: 'tenant' },
    { what: 'another issuer', token: await issuer.sign({ ...claims, iss: 'https://login.test/another/v2.0' }), step: 'claims' },
    { what: 'a foreign signature', token: await (await testIssuer()).sign(claims), step: 'signature' },
    { what: 'another scope', token: await issuer.sign({ ...claims, scp: 'Mail.Read' }), step: 'user' },
  ];
}
