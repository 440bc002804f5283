// The app's Microsoft identity settings as Tandem's Graph code receives them, checked once with a message
// naming each missing or bad field (the values come from src/config.ts, never from process.env here).
import { z } from 'zod';

export const ENTRA_AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

const httpsUrl = (name: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${name} is missing` : `${name} must be a string`) })
    .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', { error: `${name} must be an https:// URL` })
    .transform((value) => value.replace(/\/+$/, ''));

const required = (name: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `${name} is missing` : `${name} must be a string`) }).min(1, { error: `${name} is missing` });

/**
 * A certificate credential as msal-node takes it: the certificate's SHA-256 thumbprint (hex) and its PEM private
 * key; msal signs a client assertion (PS256, header x5t#S256) with it
 * (https://learn.microsoft.com/entra/msal/javascript/node/certificate-credentials,
 * https://learn.microsoft.com/entra/identity-platform/certificate-credentials).
 */
export const clientCertificateSchema = z.object({
  thumbprintSha256: z.string().regex(/^[0-9a-f]{64}$/i, { error: 'clientCertificate.thumbprintSha256 must be a SHA-256 thumbprint (64 hex digits)' }),
  privateKey: z.string().includes('PRIVATE KEY', { error: 'clientCertificate.privateKey must be a PEM private key' }),
});

export const appAuthConfigSchema = z
  .object({
  /** The directory (tenant) id the app is registered in. */
  tenantId: required('tenantId'),
  /** The app registration's application (client) id. */
  clientId: required('clientId'),
  /** A client secret's value (not its id); or, instead, clientCertificate. */
  clientSecret: z.string().min(1, { error: 'clientSecret is missing' }).optional(),
  clientCertificate: clientCertificateSchema.optional(),
  /** Entra ID's host, or the dev tenant's origin; msal-node refuses anything but https. */
  authorityHost: httpsUrl('authorityHost').default(ENTRA_AUTHORITY_HOST),
  /** The resource app-only tokens are for: Graph, or the dev Graph's base URL. */
  graphResource: httpsUrl('graphResource').default(GRAPH_RESOURCE),
  /**
   * The tenant's openid-configuration as JSON, so msal does no discovery request (the dev tenant serves
   * it; leave it out for Entra ID, whose discovery msal knows).
   */
  authorityMetadata: z
    .string()
    .refine((value) => { try { return typeof JSON.parse(value) === 'object'; } catch { return false; } }, { error: 'authorityMetadata must be a JSON object' })
    .optional(),
  /** PEM certificate(s) trusted for the identity host only, on top of the system's (the dev tenant's CA). */
  trustedCaPem: z.string().min(1).optional(),
  })
  // One credential: a secret or a certificate.
  .check((context) => {
    const { clientSecret, clientCertificate } = context.value;
    if (clientSecret === undefined && clientCertificate === undefined) context.issues.push({ code: 'custom', input: context.value, message: 'clientSecret or clientCertificate is missing' });
    if (clientSecret !== undefined && clientCertificate !== undefined) context.issues.push({ code: 'custom', input: context.value, message: 'clientSecret and clientCertificate are both set: use one' });
  });

export type AppAuthConfig = z.output<typeof appAuthConfigSchema>;
export type AppAuthConfigInput = z.input<typeof appAuthConfigSchema>;

export class AuthConfigError extends Error {
  override readonly name = 'AuthConfigError';
}

/** Checks the settings; throws AuthConfigError naming every missing or bad field. */
export function parseAppAuthConfig(input: unknown): AppAuthConfig {
  const result = appAuthConfigSchema.safeParse(input);
  if (!result.success) {
    throw new AuthConfigError(`Invalid Microsoft identity configuration: ${result.error.issues.map((issue) => issue.message).join('; ')}`, { cause: result.error });
  }
  return result.data;
}
