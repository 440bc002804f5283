// Fault injection for the dev Graph: a seeded, deterministic share of requests answered with Graph's
// throttling and transient errors, so retry code is exercised the same way on every run.

export type FaultStatus = 429 | 503 | 504;

export interface FaultConfig {
  /** Share of requests answered with a fault, 0 (none) to 1 (all). */
  readonly rate: number;
  /** Seed of the PRNG deciding which requests fail and how. */
  readonly seed: number;
  /** Which faults to draw from, equally likely; all three when absent. */
  readonly statuses?: readonly FaultStatus[];
  /** The `Retry-After` (seconds) sent with a 429; 1 when absent, as Outlook often does. */
  readonly retryAfterSeconds?: number;
}

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same sequence in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface FaultAnswer {
  readonly status: FaultStatus;
  readonly headers: Record<string, string>;
  readonly body: { error: { code: string; message: string } };
}

const ALL: readonly FaultStatus[] = [429, 503, 504];

/** Graph's bodies for each fault (Outlook's throttling message for 429). */
function answer(status: FaultStatus, retryAfterSeconds: number): FaultAnswer {
  switch (status) {
    case 429:
      return {
        status,
        headers: { 'Retry-After': String(retryAfterSeconds) },
        body: { error: { code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.' } },
      };
    case 503:
      return { status, headers: {}, body: { error: { code: 'ServiceUnavailable', message: 'The service is temporarily unavailable. Please retry later.' } } };
    case 504:
      return { status, headers: {}, body: { error: { code: 'GatewayTimeout', message: 'The gateway did not receive a timely response from the upstream server.' } } };
  }
}

/** Returns a function deciding, request by request, whether to fail and with what. */
export function faultInjector(config: FaultConfig | undefined): () => FaultAnswer | undefined {
  if (!config || config.rate <= 0) return () => undefined;
  if (config.rate > 1) throw new RangeError(`fault rate must be between 0 and 1, got ${config.rate}`);
  const random = seededRandom(config.seed);
  const statuses = config.statuses?.length ? config.statuses : ALL;
  const retryAfterSeconds = config.retryAfterSeconds ?? 1;
  return () => {
    if (random() >= config.rate) return undefined;
    const status = statuses[Math.floor(random() * statuses.length)] ?? 429;
    return answer(status, retryAfterSeconds);
  };
}
