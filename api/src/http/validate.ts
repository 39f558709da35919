import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { ApiError, type ErrorIssue } from './errors.ts';

const where: Record<string, string> = { json: 'request body', query: 'query string', param: 'path', form: 'form' };
const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;
const FORM_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded'];

/** Paths of the strings in `value` that contain a NUL character (PostgreSQL text cannot hold one). */
export function nulPaths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (out.length >= 20) return out;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push(path);
  } else if (Array.isArray(value)) value.forEach((v, i) => nulPaths(v, [...path, i], out));
  else if (value && typeof value === 'object' && !(value instanceof Blob)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) out.push([...path, k.replace(/\u0000/g, '\\u0000')]);
      nulPaths(v, [...path, k], out);
    }
  }
  return out;
}

function checkMediaType(target: string, contentType: string | undefined) {
  const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (target === 'json' && !JSON_TYPE.test(media))
    throw new ApiError(415, 'unsupported_media_type', `This route takes application/json, not ${media || 'a body without a Content-Type'}`);
  if (target === 'form' && !FORM_TYPES.includes(media))
    throw new ApiError(415, 'unsupported_media_type', `This route takes multipart/form-data, not ${media || 'a body without a Content-Type'}`);
}

/**
 * `zValidator` that throws our {@link ApiError} with zod's issues: 415 for a body of the wrong media type,
 * 422 for text containing NUL and when every issue is a refinement marked `params: { unprocessable: true }` (a
 * well-formed request the server cannot act on, such as an open polygon ring), else 400 `invalid_request`.
 */
export const validate = <T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(
    target,
    schema,
    (result, c) => {
      if (target === 'json' || target === 'form') checkMediaType(target, c.req.header('content-type'));
      // The raw input when invalid, the parsed value (strings kept as sent) when valid.
      const nul = nulPaths(result.data);
      if (nul.length)
        throw new ApiError(422, 'unprocessable', `Text must not contain NUL (\\u0000) characters: ${nul.map((p) => p.join('.') || where[target]).join(', ')}`,
          nul.map((path) => ({ path, message: 'contains a NUL (\\u0000) character' })));
      if (result.success) return;
      const issues: ErrorIssue[] = result.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        message: i.message,
        code: i.code,
      }));
      const all422 = result.error.issues.every((i) => i.code === 'custom' && (i as { params?: { unprocessable?: boolean } }).params?.unprocessable);
      if (all422) throw new ApiError(422, 'unprocessable', issues.map((i) => i.message).join('; '), issues);
      throw new ApiError(400, 'invalid_request', `Invalid ${where[target] ?? target}`, issues);
    },
  );
