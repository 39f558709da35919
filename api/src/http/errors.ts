import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { EngineInputError } from '../engine/types.ts';

export type ErrorCode =
  | 'invalid_request' | 'not_found' | 'unprocessable' | 'payload_too_large' | 'internal'
  | 'unauthorized' | 'forbidden' | 'too_many_requests' | 'conflict';

export interface ErrorIssue {
  path: (string | number)[];
  message: string;
}

/** The one shape of every non-2xx response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: ErrorIssue[] };
}

/** An error the API answers with its own status and code. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);

export function errorBody(code: ErrorCode, message: string, issues?: ErrorIssue[]): ErrorBody {
  return { error: issues && issues.length ? { code, message, issues } : { code, message } };
}

/** Hono `onError`: maps every error to the JSON error shape; unknown errors are logged and never leak a stack. */
export function onError(err: Error, c: Context) {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.issues), err.status);
  if (err instanceof EngineInputError) return c.json(errorBody('unprocessable', err.message), 422);
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 413) return c.json(errorBody('payload_too_large', 'Request body is too large'), 413);
    if (status >= 400 && status < 500) {
      const message = err.message || (status === 403 ? 'Cross-site request refused' : 'Invalid request');
      const code: ErrorCode = status === 404 ? 'not_found' : status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'invalid_request';
      return c.json(errorBody(code, message), status as 400);
    }
  }
  const pgCode = (err as { code?: unknown }).code;
  // Constraint violations that slipped past validation are the client's fault, not ours.
  if (pgCode === '23505') return c.json(errorBody('unprocessable', 'A record with the same unique key already exists'), 409);
  if (pgCode === '23503') return c.json(errorBody('unprocessable', 'A referenced record does not exist'), 422);
  if (pgCode === '42501') return c.json(errorBody('forbidden', 'The database refused this change'), 403);
  if (pgCode === '23514' || pgCode === '22P02') return c.json(errorBody('unprocessable', 'A value is not allowed'), 422);
  console.error('[api] unexpected error:', err);
  return c.json(errorBody('internal', 'Internal server error'), 500);
}
