// What the Bot Connector answered when it did not take a post, as plain data: the HTTP status, the connector's
// error code (`BotNotInConversationRoster`, `Throttled`, …) and the wait it asked for. bot/adapter.ts turns the
// SDK's errors into this, so nothing else needs to know their shape.
export class ConnectorRefusal extends Error {
  override readonly name = 'ConnectorRefusal';
  constructor(
    readonly status: number,
    readonly code: string | null,
    /** From Retry-After, when the connector sent one. */
    readonly retryAfterMs: number | null,
    message: string,
  ) {
    super(message);
  }
}
