// Per-mailbox limits for the Graph middleware chain: Outlook allows 4 concurrent requests per app and
// mailbox and 10,000 requests per 10 minutes (docs/graph-facts.md), so Tandem stays under both itself
// rather than learning them from 429s. Requests without a `/users/{id}` segment are not limited.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { GraphBudgetExceededError } from './graph-errors.ts';
import { recordCallError } from './call-state.ts';

/** Outlook's per-mailbox concurrency limit. */
export const OUTLOOK_MAX_CONCURRENT_PER_MAILBOX = 4;
/** Outlook's per-app-and-mailbox request limit and its window. */
export const OUTLOOK_REQUESTS_PER_WINDOW = 10_000;
export const OUTLOOK_WINDOW_MS = 10 * 60 * 1000;

/** The mailbox a Graph URL addresses (`/users/{id}/...`), lower-cased, or undefined. */
export function mailboxOf(url: string): string | undefined {
  const { pathname } = new URL(url);
  const match = /\/users\/([^/?#]+)/i.exec(pathname);
  if (!match?.[1]) return undefined;
  return decodeURIComponent(match[1]).replace(/^'(.*)'$/, '$1').toLowerCase();
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

/** At most `max` requests in flight per mailbox; the rest wait their turn in arrival order. */
export class MailboxConcurrency implements Middleware {
  private next: Middleware | undefined;
  private readonly slots = new Map<string, { inFlight: number; waiting: Array<() => void> }>();

  constructor(private readonly max: number = OUTLOOK_MAX_CONCURRENT_PER_MAILBOX) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`per-mailbox concurrency must be a positive integer, got ${max}`);
  }

  inFlight(mailbox: string): number {
    return this.slots.get(mailbox.toLowerCase())?.inFlight ?? 0;
  }

  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error('MailboxConcurrency is the last middleware; it needs an HTTP handler after it');
    const mailbox = mailboxOf(requestUrl(context));
    if (mailbox === undefined) return next.execute(context);

    let slot = this.slots.get(mailbox);
    if (!slot) {
      slot = { inFlight: 0, waiting: [] };
      this.slots.set(mailbox, slot);
    }
    if (slot.inFlight >= this.max) await new Promise<void>((resolve) => slot.waiting.push(resolve));
    else slot.inFlight++;
    try {
      await next.execute(context);
    } finally {
      // Hand the slot straight to the next waiter, so a newcomer cannot overtake it.
      const waiter = slot.waiting.shift();
      if (waiter) waiter();
      else {
        slot.inFlight--;
        if (slot.inFlight === 0) this.slots.delete(mailbox);
      }
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
