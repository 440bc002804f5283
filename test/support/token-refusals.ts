// The token matrix for every surface that shares the API's validator (the tab, the Outlook pane): tokens shaped
// as Entra issues them for Tandem's registration, and each way one can be wrong, with what must happen — the
// person it names (the owner, or nobody) or the refusal (401 at a step, 403 for a missing scope).
// Microsoft's contracts: https://learn.microsoft.com/entra/identity-platform/access-tokens ("Token formats",
// "Validate tokens") and https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { TEST_APP_ID_URI, testIssuer, type TestClaims, type TestIssuer } from './tab-tokens.ts';

export type Expected =
  /** Accepted, and the token's oid is the pairing's owner. */
  | { readonly as: 'owner' }
  /** Accepted, but the oid is no one in the pairing: 403 on a pairing route, nothing shown in the pane. */
  | { readonly as: 'nobody' }
  | { readonly status: 401; readonly step: string }
  | { readonly status: 403; readonly step: 'scope' };

export interface TokenCase {
  readonly what: string;
  /** null: no Authorization header at all. */
  readonly token: string | null;
  readonly expected: Expected;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Every case for the owner `owner` of a pairing in `tenantId` (the configured tenant). `otherTenantId` is a
 * tenant the store also knows (another customer's), which the pinned validator must still refuse.
 */
export async function tokenMatrix(issuer: TestIssuer, tenantId: string, owner: { oid: string; upn: string }, otherTenantId: string): Promise<TokenCase[]> {
  const claims: TestClaims = { tid: tenantId, oid: owner.oid, upn: owner.upn, name: 'Owner' };
  const none = issuer.payload(claims, { header: { alg: 'none' } });
  const hmac = issuer.payload(claims, { header: { alg: 'HS256' } });
  return [
    // What Entra issues: accessTokenAcceptedVersion 2 → v2.0 tokens, aud = the client id.
    { what: 'a v2.0 token shaped like Entra\'s', token: await issuer.sign(claims), expected: { as: 'owner' } },
    // The upn (preferred_username) is mutable; the oid is who it is.
    { what: 'the owner after a upn change (same oid)', token: await issuer.sign({ ...claims, upn: 'renamed.owner@contoso.example' }), expected: { as: 'owner' } },
    { what: 'someone else given the owner\'s old upn (other oid)', token: await issuer.sign({ ...claims, oid: randomUUID() }), expected: { as: 'nobody' } },
    // A v1.0 token is what Entra issues only for accessTokenAcceptedVersion null or 1: not for this registration.
    { what: 'a v1.0 token shaped like Entra\'s (registration accepts v2.0)', token: await issuer.sign(claims, { version: 1 }), expected: { status: 401, step: 'version' } },
    { what: 'no token', token: null, expected: { status: 401, step: 'header' } },
    { what: 'not a JWT', token: 'not-a-jwt', expected: { status: 401, step: 'decode' } },
    { what: 'expired', token: await issuer.sign(claims, { expiresInSeconds: -3600 }), expected: { status: 401, step: 'claims' } },
    { what: 'not yet valid (nbf in an hour)', token: await issuer.sign({ ...claims, nbf: Math.floor(Date.now() / 1000) + 3600 }), expected: { status: 401, step: 'claims' } },
    { what: 'a v2.0 token whose aud is the App ID URI (v2.0 aud is the client id)', token: await issuer.sign({ ...claims, aud: TEST_APP_ID_URI }), expected: { status: 401, step: 'claims' } },
    { what: 'a v2.0 token for another API', token: await issuer.sign({ ...claims, aud: randomUUID() }), expected: { status: 401, step: 'claims' } },
    { what: 'a v2.0 token with the v1.0 issuer', token: await issuer.sign({ ...claims, iss: `https://sts.windows.net/${tenantId}/` }), expected: { status: 401, step: 'claims' } },
    { what: 'another tenant\'s issuer on our tid', token: await issuer.sign({ ...claims, iss: `https://login.microsoftonline.com/${otherTenantId}/v2.0` }), expected: { status: 401, step: 'claims' } },
    { what: 'another issuer host', token: await issuer.sign({ ...claims, iss: `https://login.example/${tenantId}/v2.0` }), expected: { status: 401, step: 'claims' } },
    { what: 'another tenant (a tenant the store knows, not the configured one)', token: await issuer.sign({ ...claims, tid: otherTenantId }), expected: { status: 401, step: 'tenant' } },
    { what: 'no tid', token: await issuer.sign({ ...claims, tid: undefined } as unknown as TestClaims), expected: { status: 401, step: 'tenant' } },
    { what: 'alg: none', token: `${b64(none.header)}.${b64(none.payload)}.`, expected: { status: 401, step: 'signature' } },
    {
      what: 'HS256 signed with the public key as the secret',
      token: await new SignJWT(hmac.payload).setProtectedHeader(hmac.header as { alg: string }).sign(new TextEncoder().encode(await issuer.publicKeyPem())),
      expected: { status: 401, step: 'signature' },
    },
    { what: 'a foreign signature (same kid, another key)', token: await (await testIssuer()).sign(claims), expected: { status: 401, step: 'signature' } },
    { what: 'a signing key the issuer does not publish', token: await issuer.sign(claims, { header: { kid: 'unknown-key' } }), expected: { status: 401, step: 'key' } },
    { what: 'no oid', token: await issuer.sign({ ...claims, oid: undefined } as unknown as TestClaims), expected: { status: 401, step: 'claims' } },
    // Valid tokens without Tandem's permission: 403 insufficient_scope (RFC 6750 §3.1).
    { what: 'a token without access_as_user (scp Mail.Read)', token: await issuer.sign({ ...claims, scp: 'Mail.Read' }), expected: { status: 403, step: 'scope' } },
    { what: 'an app-only token (roles, no scp)', token: await issuer.sign({ ...claims, scp: undefined, roles: ['Tandem.Admin'], idtyp: 'app' }), expected: { status: 403, step: 'scope' } },
  ];
}
