// Per-mailbox limits for the Graph middleware chain: Outlook allows 4 concurrent requests per app and
// mailbox and 10,000 requests per 10 minutes (docs/graph-facts.md), so Tandem stays under both itself
// rather than learning them from 429s. Requests without a `/users/{id}` segment are not limited.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { GraphBudgetExceededError } from './graph-errors.ts';
import { recordCallError } from './call-state.ts';

/** Outlook's per-mailbox concurrency limit. */
export const OUTLOOK_MAX_CONCURRENT_PER_MAILBOX = 4;
/** Outlook's per-app-and-mailbox request limit and its window. */
export const OUTLOOK_REQUESTS_PER_WINDOW = 10_000;
export const OUTLOOK_WINDOW_MS = 10 * 60 * 1000;

/** The mailbox a Graph URL addresses (`/users/{id}/...`), lower-cased, or undefined. */
export function mailboxOf(url: string): string | undefined {
  return mailboxOfPath(new URL(url).pathname);
}

/** The mailbox a path addresses (`/users/{id}/...`, as a batch's inner requests name it), lower-cased, or undefined. */
export function mailboxOfPath(path: string): string | undefined {
  const match = /(?:^|\/)users\/([^/?#]+)/i.exec(path.split(/[?#]/)[0]!);
  if (!match?.[1]) return undefined;
  return decodeURIComponent(match[1]).replace(/^'(.*)'$/, '$1').toLowerCase();
}

const batchBodySchema = z.object({ requests: z.array(z.object({ url: z.string() })) });

/**
 * What a request holds of each mailbox's concurrency: one for a request to `/users/{id}/…`, and for a
 * `$batch` one per inner request to that mailbox, because Outlook counts each of them on its own.
 */
export function mailboxWeights(context: Context): Map<string, number> {
  const weights = new Map<string, number>();
  const url = requestUrl(context);
  const single = mailboxOf(url);
  if (single !== undefined) weights.set(single, 1);
  else if (new URL(url).pathname.endsWith('/$batch')) {
    const body = context.options?.body;
    const parsed = typeof body === 'string' ? batchBodySchema.safeParse(parseJson(body)) : undefined;
    for (const request of parsed?.success ? parsed.data.requests : []) {
      const mailbox = mailboxOfPath(request.url);
      if (mailbox !== undefined) weights.set(mailbox, (weights.get(mailbox) ?? 0) + 1);
    }
  }
  return weights;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

export const requestUrl = (context: Context): string => (typeof context.request === 'string' ? context.request : context.request.url);

/** Counts requests per mailbox in fixed windows; throws GraphBudgetExceededError past the limit. */
export class MailboxBudget implements Middleware {
  private next: Middleware | undefined;
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number = OUTLOOK_REQUESTS_PER_WINDOW,
    private readonly windowMs: number = OUTLOOK_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Requests counted for the mailbox in its current window. */
  used(mailbox: string): number {
    const window = this.windows.get(mailbox.toLowerCase());
    return window && this.now() - window.start < this.windowMs ? window.count : 0;
  }

  async execute(context: Context): Promise<void> {
    const mailbox = mailboxOf(requestUrl(context));
    if (mailbox !== undefined) {
      const now = this.now();
      let window = this.windows.get(mailbox);
      if (!window || now - window.start >= this.windowMs) {
        window = { start: now, count: 0 };
        this.windows.set(mailbox, window);
      }
      if (window.count >= this.limit) {
        throw recordCallError(context, new GraphBudgetExceededError(mailbox, this.limit, this.windowMs, window.start + this.windowMs));
      }
      window.count++;
    }
    await this.nextMiddleware().execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  private nextMiddleware(): Middleware {
    if (!this.next) throw new Error('MailboxBudget is the last middleware; it needs an HTTP handler after it');
    return this.next;
  }
}

/**
 * At most `max` requests in flight per mailbox, a `$batch` holding one slot per inner request to the mailbox;
 * the rest wait their turn in arrival order. A batch addressing several mailboxes takes them in name order,
 * so two batches can never each hold what the other waits for.
 */
export class MailboxConcurrency implements Middleware {
  private next: Middleware | undefined;
  private readonly slots = new Map<string, { inFlight: number; waiting: Array<{ weight: number; resolve: () => void }> }>();

  constructor(private readonly max: number = OUTLOOK_MAX_CONCURRENT_PER_MAILBOX) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`per-mailbox concurrency must be a positive integer, got ${max}`);
  }

  inFlight(mailbox: string): number {
    return this.slots.get(mailbox.toLowerCase())?.inFlight ?? 0;
  }

  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error('MailboxConcurrency is the last middleware; it needs an HTTP handler after it');
    // A batch larger than the limit (batchGet never sends one) takes all slots rather than waiting forever.
    const held = [...mailboxWeights(context)].map(([mailbox, weight]) => [mailbox, Math.min(weight, this.max)] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const taken: Array<readonly [string, number]> = [];
    try {
      for (const entry of held) {
        await this.acquire(entry[0], entry[1]);
        taken.push(entry);
      }
      await next.execute(context);
    } finally {
      for (const [mailbox, weight] of taken) this.release(mailbox, weight);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  private async acquire(mailbox: string, weight: number): Promise<void> {
    let slot = this.slots.get(mailbox);
    if (!slot) {
      slot = { inFlight: 0, waiting: [] };
      this.slots.set(mailbox, slot);
    }
    if (slot.waiting.length === 0 && slot.inFlight + weight <= this.max) {
      slot.inFlight += weight;
      return;
    }
    // Queued behind earlier waiters even when it would fit, so a newcomer cannot overtake them.
    await new Promise<void>((resolve) => slot.waiting.push({ weight, resolve }));
  }

  private release(mailbox: string, weight: number): void {
    const slot = this.slots.get(mailbox);
    if (!slot) return;
    slot.inFlight -= weight;
    for (let head = slot.waiting[0]; head && slot.inFlight + head.weight <= this.max; head = slot.waiting[0]) {
      slot.waiting.shift();
      slot.inFlight += head.weight;
      head.resolve();
    }
    if (slot.inFlight === 0 && slot.waiting.length === 0) this.slots.delete(mailbox);
  }
}
