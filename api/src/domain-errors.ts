/**
 * Errors of the domain (imports, services, placement checks), thrown without any idea of HTTP. Only `http/errors.ts`
 * turns them into responses (status and JSON error shape); CLIs print their message. The engine's own is
 * `EngineInputError` (engine/types.ts).
 */

/** One problem with one field or row: `path` as in zod (`['lng']`, `[12, 'name']`). */
export interface ErrorIssue {
  path: (string | number)[];
  message: string;
  /** Stable code (zod's issue code, or an import issue code) so the UI can say it in its own language. */
  code?: string;
}

/** Base class: a message for people, and the problems one by one when there are several. */
export class DomainError extends Error {
  constructor(message: string, readonly issues?: ErrorIssue[]) {
    super(message);
    this.name = new.target.name;
  }
}

/** Something named by id does not exist (a site, a scenario). HTTP: 404. */
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(`${what} not found`);
  }
}

/** Well-formed input that cannot be used: outside the district, unknown references, a file with problems. HTTP: 422. */
export class UnprocessableError extends DomainError {}

/** A required piece of the request is missing or malformed (e.g. an import without its licence). HTTP: 400. */
export class InvalidInputError extends DomainError {}

/** Input over a size limit. HTTP: 413. */
export class TooLargeError extends DomainError {}

/** The record is not in a state that allows this (an illegal transition, a race lost). HTTP: 409. */
export class ConflictError extends DomainError {}

/** Too many requests from one client or for one place; `retryAfterSeconds` for the Retry-After header. HTTP: 429. */
export class RateLimitError extends DomainError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
  }
}
