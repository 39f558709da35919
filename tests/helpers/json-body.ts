import type { InferResponseType } from 'hono/client';
import type { z } from 'zod';
import { ErrorResponseSchema } from '../../api/src/schemas/responses.ts';
import type { ApiClient } from './test-db.ts';

export type ErrorBody = z.infer<typeof ErrorResponseSchema>;

type Imports = ApiClient['api']['import'];
/** An import route's name: `sites`, `townships`, `villages`, `population`, `volunteers`, `teams`, `activities`. */
export type ImportKind = { [K in keyof Imports]: Imports[K] extends { $post: unknown } ? K : never }[keyof Imports];
/** The 200 body of `POST /api/import/<kind>`, as the typed client infers it. */
export type ImportBody<K extends ImportKind> = InferResponseType<Imports[K]['$post'], 200>;

/**
 * The JSON body of a response whose status the test asserts itself (raw `h().request`, e.g. a multipart upload):
 * typed as the route's 200 body `T`, with the one error shape beside it for the failing cases. A non-2xx body is
 * checked against ErrorResponseSchema, so an error test reads a checked `error`.
 */
export async function jsonBody<T>(res: Response): Promise<T & Partial<ErrorBody>> {
  const body: T & Partial<ErrorBody> = await res.json();
  if (!res.ok) ErrorResponseSchema.parse(body);
  return body;
}

/** The error body of a non-2xx response, checked against ErrorResponseSchema. */
export async function errorBody(res: Response): Promise<ErrorBody> {
  return ErrorResponseSchema.parse(await res.json());
}
