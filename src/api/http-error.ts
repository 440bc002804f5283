// The API's one error type and the handler that turns every failure into `{ error: { code, message } }`:
// zod errors → 400 naming the field, HttpError → its status, anything else → 500 with a logged id only.
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { ActionError, type ActionProblem } from '../actions/action.ts';
import { SettingsError } from '../kpi/settings.ts';
import type { Logger } from '../log.ts';

export type ErrorCode = 'unauthenticated' | 'insufficient_scope' | 'forbidden' | 'not_found' | 'invalid_request' | 'internal';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    /** Shown to the caller as is: never include internals. */
    readonly safeMessage: string,
    options?: { cause?: unknown },
  ) {
    super(safeMessage, options);
  }
}

/** "field.path: message" for each issue, so a form can show the reason next to its field. */
function describeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'body'}: ${issue.message}`).join('; ');
}

function errorBody(code: ErrorCode, message: string) {
  return { error: { code, message } };
}

const ACTION_ERRORS: Record<ActionProblem, { status: ContentfulStatusCode; code: ErrorCode }> = {
  forbidden: { status: 403, code: 'forbidden' },
  invalid: { status: 400, code: 'invalid_request' },
  notFound: { status: 404, code: 'not_found' },
};

export function errorHandler(log: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof HttpError) return c.json(errorBody(error.code, error.safeMessage), error.status);
    // An action's refusal is worded for people already (src/actions/action.ts).
    if (error instanceof ActionError) return c.json(errorBody(ACTION_ERRORS[error.problem].code, error.message), ACTION_ERRORS[error.problem].status);
    if (error instanceof z.ZodError) return c.json(errorBody('invalid_request', describeZodError(error)), 400);
    // Settings name their field and allowed range by construction (src/kpi/settings.ts).
    if (error instanceof SettingsError) return c.json(errorBody('invalid_request', error.problems.join('; ')), 400);
    const id = randomUUID();
    log.error('api_error', { id, path: c.req.path, message: error.message, stack: error.stack });
    return c.json(errorBody('internal', `Something went wrong (reference ${id}).`), 500);
  };
}
