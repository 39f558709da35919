import type { Context, Hono } from 'hono';
import { errorBody } from './errors.ts';

interface RoutePattern { method: string; regex: RegExp }

function patternsOf(app: Hono<any, any, any>): RoutePattern[] {
  return app.routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => ({
      method: r.method,
      regex: new RegExp(`^${r.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\/\*$/, '(/.*)?').replace(/:[A-Za-z0-9_]+/g, '[^/]+')}/?$`),
    }));
}

/**
 * The answer for a request no route handles, in the JSON error shape: 405 with `Allow` when the path exists
 * under other methods, else 404. Used as the API's `notFound` and for `/api/*` in front of the static web app.
 */
export function apiFallback(app: Hono<any, any, any>) {
  let patterns: RoutePattern[] | undefined;
  return (c: Context) => {
    patterns ??= patternsOf(app);
    const path = c.req.path;
    const allowed = [...new Set(patterns.filter((p) => p.regex.test(path)).map((p) => p.method))];
    if (allowed.length && !allowed.includes(c.req.method)) {
      if (allowed.includes('GET')) allowed.push('HEAD');
      c.header('Allow', allowed.join(', '));
      return c.json(errorBody('method_not_allowed', `${c.req.method} is not allowed on ${path}; use ${allowed.join(', ')}`), 405);
    }
    return c.json(errorBody('not_found', `No API route ${c.req.method} ${path}`), 404);
  };
}
