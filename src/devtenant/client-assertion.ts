// How the dev identity checks a certificate credential, as Entra does: the client sends a JWT it signed with
// the private key of a certificate registered on its app (OpenID Connect private_key_jwt, RFC 7523 §2.2) in
// `client_assertion`, typed `urn:ietf:params:oauth:client-assertion-type:jwt-bearer`. Per
// https://learn.microsoft.com/entra/identity-platform/certificate-credentials: header alg PS256 (RS256 still
// accepted), x5t#S256 (or the older SHA-1 x5t) naming the certificate; claims aud = the token endpoint,
// iss = sub = the client id, jti, nbf, exp. Steps: type → decode → certificate → signature → claims.
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { decodeProtectedHeader, errors, jwtVerify } from 'jose';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** A certificate registered on an app (Certificates & secrets), with the thumbprints a client names it by. */
export interface RegisteredCertificate {
  readonly pem: string;
  /** base64url SHA-256 of the DER certificate: the `x5t#S256` header. */
  readonly x5tS256: string;
  /** base64url SHA-1 of the DER certificate: the legacy `x5t` header. */
  readonly x5t: string;
}

export function registerCertificate(pem: string): RegisteredCertificate {
  const der = new X509Certificate(pem).raw;
  return { pem, x5tS256: createHash('sha256').update(der).digest('base64url'), x5t: createHash('sha1').update(der).digest('base64url') };
}

export type AssertionRefusal = { readonly status: 400 | 401; readonly error: 'invalid_request' | 'invalid_client'; readonly code: number; readonly message: string };

/** Null when the assertion proves the client; otherwise the refusal in Entra's terms (AADSTS codes). */
export async function checkClientAssertion(
  input: { readonly clientId: string; readonly assertionType: string | undefined; readonly assertion: string; readonly tokenEndpoint: string; readonly nowSeconds: number },
  certificates: readonly RegisteredCertificate[],
): Promise<AssertionRefusal | null> {
  if (input.assertionType !== CLIENT_ASSERTION_TYPE) {
    return { status: 400, error: 'invalid_request', code: 50027, message: `client_assertion_type must be ${CLIENT_ASSERTION_TYPE}.` };
  }
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(input.assertion);
  } catch {
    return { status: 401, error: 'invalid_client', code: 50027, message: 'The client assertion is not a well-formed JWT.' };
  }
  const certificate = certificates.find((candidate) => (header['x5t#S256'] !== undefined && candidate.x5tS256 === header['x5t#S256']) || (header.x5t !== undefined && candidate.x5t === header.x5t));
  if (certificate === undefined) {
    return { status: 401, error: 'invalid_client', code: 700027, message: `The certificate that signed the client assertion is not registered on application '${input.clientId}'.` };
  }
  try {
    await jwtVerify(input.assertion, createPublicKey(certificate.pem), {
      algorithms: ['PS256', 'RS256'],
      audience: input.tokenEndpoint,
      issuer: input.clientId,
      subject: input.clientId,
      requiredClaims: ['exp', 'nbf', 'jti'],
      clockTolerance: 300,
      currentDate: new Date(input.nowSeconds * 1000),
    });
  } catch (error) {
    if (error instanceof errors.JWTExpired || (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf')) {
      return { status: 401, error: 'invalid_client', code: 700024, message: 'The client assertion is not within its valid time range.' };
    }
    if (error instanceof errors.JWTClaimValidationFailed) {
      return { status: 401, error: 'invalid_client', code: 50027, message: `The client assertion's ${error.claim} claim is not valid for this token endpoint and client.` };
    }
    if (error instanceof errors.JOSEError) return { status: 401, error: 'invalid_client', code: 700027, message: 'The client assertion failed signature validation.' };
    throw error;
  }
  return null;
}
