// The directory port over Microsoft Graph: GET /users/{id}?$select=mail,proxyAddresses (application permission
// User.Read.All). `mail` is the primary SMTP address; `proxyAddresses` lists every address as "SMTP:" (primary)
// or "smtp:" (alias) followed by the address, beside other kinds ("SIP:", "X500:") that are not mail.
// https://learn.microsoft.com/graph/api/user-get · https://learn.microsoft.com/graph/api/resources/user
import { z } from 'zod';
import type { Directory } from '../ports/directory.ts';
import { GraphError, type GraphClient } from './graph-client.ts';

const userSchema = z.object({ mail: z.string().nullish(), proxyAddresses: z.array(z.string()).default([]) });
const SMTP = /^smtp:/i;

/** The user's mail addresses, lower-cased; null when Graph knows no such user. */
export async function mailAddressesOf(graph: Pick<GraphClient, 'get'>, userId: string): Promise<string[] | null> {
  let user: z.infer<typeof userSchema>;
  try {
    user = userSchema.parse(await graph.get(`/users/${encodeURIComponent(userId)}?$select=mail,proxyAddresses`));
  } catch (error) {
    if (error instanceof GraphError && error.statusCode === 404) return null;
    throw error;
  }
  const addresses = [user.mail ?? '', ...user.proxyAddresses.filter((entry) => SMTP.test(entry)).map((entry) => entry.replace(SMTP, ''))];
  return [...new Set(addresses.map((address) => address.trim().toLowerCase()).filter((address) => address !== ''))];
}

export function graphDirectory(graph: Pick<GraphClient, 'get'>): Directory {
  return {
    async owns(userId, address) {
      return (await mailAddressesOf(graph, userId))?.includes(address.trim().toLowerCase()) ?? false;
    },
  };
}
