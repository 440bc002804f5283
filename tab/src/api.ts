// The tab's client for /api: adds the bearer token, turns `{ error: { code, message } }` into ApiError, and
// tells "offline" apart from a server that answered.
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The network failed (offline, server down): no status at all. */
export const OFFLINE = 0;

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** Downloads a CSV export under its server-given file name. */
  download(path: string): Promise<void>;
}

const BASE = '/api';

export function apiClient(token: string, onUnauthenticated: () => void): ApiClient {
  async function request(method: string, path: string, body?: unknown): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${BASE}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ApiError(OFFLINE, 'offline', error instanceof Error ? error.message : String(error));
    }
    if (response.ok) return response;
    const payload = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (response.status === 401) onUnauthenticated();
    throw new ApiError(response.status, payload?.error?.code ?? 'internal', payload?.error?.message ?? response.statusText);
  }
  return {
    get: async (path) => (await request('GET', path)).json(),
    send: async (method, path, body) => (await request(method, path, body)).json(),
    async download(path) {
      const response = await request('GET', path);
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'tandem.csv';
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement('a'), { href: url, download: name });
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
    },
  };
}

/** Standalone sign-in: the seeded users and a token for one of them (no bearer needed). */
export interface SeededUser {
  /** Entra object id: what the dev identity signs the user in by. */
  readonly oid: string;
  readonly upn: string;
  readonly name: string;
  readonly role: 'owner' | 'va';
  readonly mailbox: string;
}

export async function seededUsers(): Promise<SeededUser[]> {
  const response = await fetch(`${BASE}/sign-in/users`);
  if (!response.ok) throw new ApiError(response.status, 'unavailable', response.statusText);
  return ((await response.json()) as { users: SeededUser[] }).users;
}

export async function signInAs(oid: string): Promise<string> {
  const response = await fetch(`${BASE}/sign-in/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ oid }) });
  if (!response.ok) throw new ApiError(response.status, 'invalid_request', response.statusText);
  return ((await response.json()) as { token: string }).token;
}
