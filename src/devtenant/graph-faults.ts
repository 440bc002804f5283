// Fault injection for the dev Graph: a seeded, deterministic share of requests answered with Graph's
// throttling and transient errors, dropped without an answer, answered slowly, or (on a delta link) told
// their sync state expired, so retry and resync code is exercised the same way on every run.
import { seededRandom } from './seeded-random.ts';

export type FaultStatus = 429 | 503 | 504;
/**
 * `drop`: the socket is destroyed with no answer; `slow`: the answer comes after `slowMs`; `expiredDelta`: a
 * deltaLink call gets 410; `lostAnswer`: the request is carried out, then its answer is lost (a 504 or a
 * dropped connection), as when a gateway times out on work that went through.
 */
export type FaultKind = FaultStatus | 'drop' | 'slow' | 'expiredDelta' | 'lostAnswer';

export interface FaultConfig {
  /** Share of requests answered with a fault, 0 (none) to 1 (all). */
  readonly rate: number;
  /** Seed of the PRNG deciding which requests fail and how. */
  readonly seed: number;
  /** Which faults to draw from, equally likely; when absent, `statuses`, else 429, 503 and 504. */
  readonly kinds?: readonly FaultKind[];
  /** The HTTP-status faults alone (the kinds callers had before the others existed). */
  readonly statuses?: readonly FaultStatus[];
  /** The `Retry-After` (seconds) sent with a 429; 1 when absent, as Outlook often does. */
  readonly retryAfterSeconds?: number;
  /** How long a `slow` answer waits; 2 s when absent. */
  readonly slowMs?: number;
}

export interface GraphErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

export type FaultAnswer =
  | { readonly kind: 'status'; readonly status: FaultStatus | 410; readonly headers: Record<string, string>; readonly body: GraphErrorBody }
  | { readonly kind: 'drop' }
  | { readonly kind: 'slow'; readonly delayMs: number }
  /** Carry the request out, then answer `status` (504) or drop the connection. */
  | { readonly kind: 'lost'; readonly as: 'drop' | 504 };

/** Where the drawn fault applies: `expiredDelta` only means something on a deltaLink call. */
export interface FaultContext {
  readonly deltaLink: boolean;
}

const STATUSES: readonly FaultStatus[] = [429, 503, 504];
export const DEFAULT_SLOW_MS = 2_000;

/** Graph's answer when a delta link's sync state is gone (docs/graph-facts.md). */
export const SYNC_STATE_NOT_FOUND: GraphErrorBody = {
  error: { code: 'SyncStateNotFound', message: 'The sync state generation is not found. Please restart the sync with a new delta query.' },
};

/** Graph's bodies for each status fault (Outlook's throttling message for 429). */
function statusAnswer(status: FaultStatus, retryAfterSeconds: number): FaultAnswer {
  switch (status) {
    case 429:
      return {
        kind: 'status',
        status,
        headers: { 'Retry-After': String(retryAfterSeconds) },
        body: { error: { code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.' } },
      };
    case 503:
      return { kind: 'status', status, headers: {}, body: { error: { code: 'ServiceUnavailable', message: 'The service is temporarily unavailable. Please retry later.' } } };
    case 504:
      return { kind: 'status', status, headers: {}, body: { error: { code: 'GatewayTimeout', message: 'The gateway did not receive a timely response from the upstream server.' } } };
  }
}

export interface FaultDraw {
  readonly kind: FaultKind;
  readonly answer: FaultAnswer;
}

/** Returns a function deciding, request by request, whether to fail and with what. */
export function faultInjector(config: FaultConfig | undefined): (context?: FaultContext) => FaultDraw | undefined {
  if (!config || config.rate <= 0) return () => undefined;
  if (config.rate > 1) throw new RangeError(`fault rate must be between 0 and 1, got ${config.rate}`);
  const random = seededRandom(config.seed);
  const kinds = config.kinds?.length ? config.kinds : config.statuses?.length ? config.statuses : STATUSES;
  const retryAfterSeconds = config.retryAfterSeconds ?? 1;
  const slowMs = config.slowMs ?? DEFAULT_SLOW_MS;
  return (context = { deltaLink: false }) => {
    if (random() >= config.rate) return undefined;
    const kind = kinds[Math.floor(random() * kinds.length)] ?? 429;
    switch (kind) {
      case 'drop':
        return { kind, answer: { kind: 'drop' } };
      case 'slow':
        return { kind, answer: { kind: 'slow', delayMs: slowMs } };
      case 'lostAnswer':
        return { kind, answer: { kind: 'lost', as: random() < 0.5 ? 'drop' : 504 } };
      case 'expiredDelta':
        // Drawn for a request that holds no delta link, it leaves the request alone.
        return context.deltaLink ? { kind, answer: { kind: 'status', status: 410, headers: {}, body: SYNC_STATE_NOT_FOUND } } : undefined;
      default:
        return { kind, answer: statusAnswer(kind, retryAfterSeconds) };
    }
  };
}
