import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { EngineInputError } from '../engine/types.ts';
import { ConflictError, DomainError, InvalidInputError, NotFoundError, RateLimitError, TooLargeError, UnprocessableError, type ErrorIssue } from '../domain-errors.ts';
import { ERROR_CODES } from '../schemas/responses.ts';

export type { ErrorIssue } from '../domain-errors.ts';

export { ERROR_CODES };
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one shape of every non-2xx response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: ErrorIssue[] };
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429;

/** An HTTP-level error the API answers with its own status and code (request size, form shape, queue limits); domain code throws DomainError. */
export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    /** Extra response headers (Allow, Retry-After). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The route-level "not found": a domain NotFoundError, answered with 404. */
export const notFound = (what: string) => new NotFoundError(what);

/** The HTTP status and code of each domain error. */
function domainStatus(err: DomainError): { status: 400 | 404 | 409 | 413 | 422 | 429; code: ErrorCode } {
  if (err instanceof ConflictError) return { status: 409, code: 'conflict' };
  if (err instanceof RateLimitError) return { status: 429, code: 'too_many_requests' };
  if (err instanceof NotFoundError) return { status: 404, code: 'not_found' };
  if (err instanceof InvalidInputError) return { status: 400, code: 'invalid_request' };
  if (err instanceof TooLargeError || (err as { tooLarge?: boolean }).tooLarge) return { status: 413, code: 'payload_too_large' };
  if (err instanceof UnprocessableError) return { status: 422, code: 'unprocessable' };
  return { status: 422, code: 'unprocessable' };
}

/** Longest message, issue message and issue count an error body carries: errors never echo a whole upload back. */
export const MAX_MESSAGE_CHARS = 1000;
export const MAX_ISSUE_CHARS = 300;
export const MAX_ISSUES = 1000;

/** Cuts `text` to `max` characters, saying how much was left out. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

export function errorBody(code: ErrorCode, message: string, issues?: ErrorIssue[]): ErrorBody {
  const msg = clip(message, MAX_MESSAGE_CHARS);
  if (!issues?.length) return { error: { code, message: msg } };
  const kept = issues.slice(0, MAX_ISSUES).map((i) => ({
    path: i.path.slice(0, 20).map((p) => (typeof p === 'string' ? clip(p, 100) : p)),
    message: clip(i.message, MAX_ISSUE_CHARS),
    ...(i.code ? { code: clip(i.code, 100) } : {}),
  }));
  return { error: { code, message: msg, issues: kept } };
}

/** Hono `onError`: maps every error to the JSON error shape; unknown errors are logged and never leak a stack. */
export function onError(err: Error, c: Context) {
  if (err instanceof ApiError) {
    for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
    return c.json(errorBody(err.code, err.message, err.issues), err.status);
  }
  if (err instanceof DomainError) {
    const { status, code } = domainStatus(err);
    if (err instanceof RateLimitError) c.header('Retry-After', String(err.retryAfterSeconds));
    return c.json(errorBody(code, err.message, err.issues), status);
  }
  if (err instanceof EngineInputError) return c.json(errorBody('unprocessable', err.message), 422);
  // The client went away (services/job-queue.ts JobCancelledError): nobody reads this answer; not a server fault.
  if (err.name === 'JobCancelledError') return c.json(errorBody('invalid_request', err.message), 400);
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
  if (pgCode === '23505') return c.json(errorBody('conflict', 'A record with the same unique key already exists'), 409);
  if (pgCode === '23503') return c.json(errorBody('unprocessable', 'A referenced record does not exist'), 422);
  if (pgCode === '42501') return c.json(errorBody('forbidden', 'The database refused this change'), 403);
  if (pgCode === '23514' || pgCode === '22P02') return c.json(errorBody('unprocessable', 'A value is not allowed'), 422);
  if (pgCode === '22021' || pgCode === '22P05') return c.json(errorBody('unprocessable', 'Text contains a character the database cannot store (NUL)'), 422);
  console.error('[api] unexpected error:', err);
  return c.json(errorBody('internal', 'Internal server error'), 500);
}
