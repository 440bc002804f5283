// A throw-away TLS certificate for the local dev tenant: Microsoft identity clients (msal-node) refuse a
// non-https authority, so the stand-in servers speak HTTPS with a certificate made at start and trusted
// only by the agents the caller builds with it.
import { generate } from 'selfsigned';

export interface TlsMaterial {
  /** PEM private key (PKCS#8). */
  readonly key: string;
  /** PEM self-signed certificate for localhost, 127.0.0.1 and ::1; also the CA a client must trust. */
  readonly cert: string;
}

/** Valid for a day: it lives as long as the process that made it. */
const LIFETIME_MS = 24 * 60 * 60 * 1000;

export async function generateLocalhostCertificate(now: Date = new Date()): Promise<TlsMaterial> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    // A minute back, so a client whose clock is slightly behind still accepts it.
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + LIFETIME_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

/**
 * A self-signed certificate for an app's certificate credential (Entra accepts self-signed ones for apps), as the
 * PEM file Tandem reads from TANDEM_CLIENT_CERTIFICATE_PATH: the certificate followed by its private key.
 */
export async function generateClientCertificate(commonName = 'Tandem app', now: Date = new Date()): Promise<TlsMaterial & { readonly pem: string }> {
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 365 * LIFETIME_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', clientAuth: true },
    ],
  });
  return { key: pems.private, cert: pems.cert, pem: `${pems.cert.trim()}\n${pems.private.trim()}\n` };
}
