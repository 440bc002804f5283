// The SDK wraps anything a middleware throws in a GraphError (statusCode -1), losing its type. Each call
// made through Tandem's GraphClient carries a CallState as a middleware option; our middleware records
// the error it throws there, so the caller can rethrow the typed original.
import type { Context, MiddlewareOptions } from '@microsoft/microsoft-graph-client';

export class CallState implements MiddlewareOptions {
  error: Error | undefined;
}

/** Notes `error` on the call's CallState (when there is one) and returns it, for `throw recordCallError(...)`. */
export function recordCallError<E extends Error>(context: Context, error: E): E {
  const state = context.middlewareControl?.getMiddlewareOptions(CallState);
  if (state instanceof CallState) state.error = error;
  return error;
}
