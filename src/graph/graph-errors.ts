// Tandem's own Graph client errors (Graph's answers stay the SDK's GraphError): refusals made on this side
// of the wire, before a request reaches Graph.

/** A mailbox used up its request budget for the window; nothing was sent. */
export class GraphBudgetExceededError extends Error {
  override readonly name = 'GraphBudgetExceededError';
  constructor(
    readonly mailbox: string,
    readonly limit: number,
    readonly windowMs: number,
    /** When the window ends and requests may go out again (ms since the epoch). */
    readonly resetsAt: number,
  ) {
    super(`Graph request budget for mailbox ${mailbox} used up: ${limit} requests per ${windowMs} ms`);
  }
}
