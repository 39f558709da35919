import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { ApiError } from './errors.ts';

const where: Record<string, string> = { json: 'request body', query: 'query string', param: 'path', form: 'form' };

/** `zValidator` that throws our {@link ApiError} (400, `invalid_request`) with zod's issues. */
export const validate = <T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        message: i.message,
        code: i.code,
      }));
      throw new ApiError(400, 'invalid_request', `Invalid ${where[target] ?? target}`, issues);
    }
  });
