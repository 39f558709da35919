import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { EngineInputError } from '../engine/types.ts';
import { DomainError, InvalidInputError, NotFoundError, TooLargeError, UnprocessableError, type ErrorIssue } from '../domain-errors.ts';

export type { ErrorIssue } from '../domain-errors.ts';

export type ErrorCode = 'invalid_request' | 'not_found' | 'unprocessable' | 'payload_too_large' | 'internal';

/** The one shape of every non-2xx response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: ErrorIssue[] };
}

/** An HTTP-level error the API answers with its own status and code (request size, form shape); domain code throws DomainError. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 413 | 415 | 422,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The route-level "not found": a domain NotFoundError, answered with 404. */
export const notFound = (what: string) => new NotFoundError(what);

/** The HTTP status and code of each domain error. */
function domainStatus(err: DomainError): { status: 400 | 404 | 413 | 422; code: ErrorCode } {
  if (err instanceof NotFoundError) return { status: 404, code: 'not_found' };
  if (err instanceof InvalidInputError) return { status: 400, code: 'invalid_request' };
  if (err instanceof TooLargeError) return { status: 413, code: 'payload_too_large' };
  if (err instanceof UnprocessableError) return { status: 422, code: 'unprocessable' };
  return { status: 422, code: 'unprocessable' };
}

export function errorBody(code: ErrorCode, message: string, issues?: ErrorIssue[]): ErrorBody {
  return { error: issues && issues.length ? { code, message, issues } : { code, message } };
}

/** Hono `onError`: maps every error to the JSON error shape; unknown errors are logged and never leak a stack. */
export function onError(err: Error, c: Context) {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.issues), err.status);
  if (err instanceof DomainError) {
    const { status, code } = domainStatus(err);
    return c.json(errorBody(code, err.message, err.issues), status);
  }
  if (err instanceof EngineInputError) return c.json(errorBody('unprocessable', err.message), 422);
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 413) return c.json(errorBody('payload_too_large', 'Request body is too large'), 413);
    if (status >= 400 && status < 500) {
      const message = err.message || 'Invalid request';
      return c.json(errorBody(status === 404 ? 'not_found' : 'invalid_request', message), status as 400);
    }
  }
  const pgCode = (err as { code?: unknown }).code;
  // Constraint violations that slipped past validation are the client's fault, not ours.
  if (pgCode === '23505') return c.json(errorBody('unprocessable', 'A record with the same unique key already exists'), 409);
  if (pgCode === '23503') return c.json(errorBody('unprocessable', 'A referenced record does not exist'), 422);
  if (pgCode === '23514' || pgCode === '22P02') return c.json(errorBody('unprocessable', 'A value is not allowed'), 422);
  console.error('[api] unexpected error:', err);
  return c.json(errorBody('internal', 'Internal server error'), 500);
}
