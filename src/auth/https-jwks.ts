// A key set fetched from a JWKS URL over HTTPS with an optional extra trusted CA (the dev tenant's), kept in
// memory and fetched again when a token names a key it does not hold (the issuer rotated its keys).
import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { httpsNetworkClient, identityAgent } from '../graph/https-network-client.ts';

/** A rotation never needs more than one refetch in this time; a flood of unknown kids costs one fetch. */
const MIN_REFETCH_MS = 30_000;

export function httpsJwks(jwksUri: string, extraCa?: string, now: () => number = Date.now): JWTVerifyGetKey {
  const client = httpsNetworkClient(identityAgent(extraCa));
  let keys: JWTVerifyGetKey | undefined;
  let fetchedAt = -Infinity;
  const load = async () => {
    const response = await client.sendGetRequestAsync<JSONWebKeySet>(jwksUri);
    if (response.status !== 200) throw new Error(`JWKS ${jwksUri} answered ${response.status}`);
    fetchedAt = now();
    keys = createLocalJWKSet(response.body);
    return keys;
  };
  return async (header, token) => {
    const current = keys ?? (await load());
    try {
      return await current(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || now() - fetchedAt < MIN_REFETCH_MS) throw error;
      return (await load())(header, token);
    }
  };
}
