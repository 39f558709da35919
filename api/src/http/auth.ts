import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from './deps.ts';
import { ApiError } from './errors.ts';
import { ROUTE_RULES, ruleKey, type RouteRule } from './route-rules.ts';
import { sessionPrincipal, sha256, tokenPrincipal, type Principal } from '../db/users-repo.ts';
import { getSettings } from '../db/settings-repo.ts';
import type { AuditActor } from '../db/audit-repo.ts';
import { withoutDistrictPrefix } from './district.ts';
import { CITY_CODE } from '../services/district-packs.ts';

export const SESSION_COOKIE = 'planner_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The client's address: the socket's, or the first X-Forwarded-For hop when the proxy is trusted. */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.var.deps.trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  try {
    return getConnInfo(c).remote.address ?? '';
  } catch {
    return ''; // in-process requests (tests) have no socket
  }
}

/** The matched API route of the request and its access-table key (the `/d/:district` prefix taken off). */
function matchedApiRoute(c: Context<AppEnv>): { path: string; key: string } | null {
  // Only the API's own routes: when served with the web app, the static GET '*' also matches /api/… paths.
  const route = matchedRoutes(c).find((r) => r.method !== 'ALL' && r.path.startsWith('/api/'));
  if (!route) return null;
  return { path: route.path, key: ruleKey(route.method === 'GET' && c.req.method === 'HEAD' ? 'GET' : route.method, withoutDistrictPrefix(route.path)) };
}

/** Whether the request's route is about one district's data (its rule is not marked `global`). */
function districtRule(c: Context<AppEnv>): boolean {
  const route = matchedApiRoute(c);
  return !!route && !ROUTE_RULES[route.key]?.global;
}

/** Who to record in the audit trail for this request (with the district, for routes about a district's data). */
export function auditActor(c: Context<AppEnv>): AuditActor {
  const p = c.var.principal;
  return {
    userId: p?.user.id ?? null, username: p?.user.username ?? '(anonymous)', role: p?.role ?? null, address: clientAddress(c),
    district: districtRule(c) ? c.var.district : null,
  };
}

/** The request's principal; throws 401 (only possible on routes that already required one). */
export function principalOf(c: Context<AppEnv>): Principal {
  const p = c.var.principal;
  if (!p) throw new ApiError(401, 'unauthorized', 'Log in first');
  return p;
}

/** A non-GET request whose Origin (or Sec-Fetch-Site) says it comes from another site. */
function crossSite(c: Context<AppEnv>): boolean {
  if (c.req.header('sec-fetch-site') === 'cross-site') return true;
  const origin = c.req.header('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== new URL(c.req.url).host;
  } catch {
    return true;
  }
}

async function authenticate(c: Context<AppEnv>): Promise<Principal | null> {
  const { db: { sql }, principals } = c.var.deps;
  const authz = c.req.header('authorization');
  if (authz) {
    const m = /^Bearer\s+(\S+)$/i.exec(authz);
    const p = m ? await principals.get(`token:${sha256(m[1])}`, () => tokenPrincipal(sql, m[1])) : null;
    if (!p) throw new ApiError(401, 'unauthorized', 'Invalid or revoked API token');
    return p;
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  return cookie ? principals.get(`session:${sha256(cookie)}`, () => sessionPrincipal(sql, cookie)) : null;
}

/** Routes whose writes change who a cookie or token belongs to (login, logout, passwords, users, roles, tokens). */
const ACCOUNT_ROUTES = /^\/api\/(session|users|tokens)(\/|$)/;

/** Path parameters of `pattern` (e.g. `/api/sites/:id`) in `path`. */
function pathParams(pattern: string, path: string): Record<string, string> {
  const names = pattern.split('/');
  const values = path.split('/');
  const out: Record<string, string> = {};
  names.forEach((n, i) => {
    if (n.startsWith(':') && values[i] !== undefined) {
      let v = values[i];
      try {
        v = decodeURIComponent(v);
      } catch {
        /* malformed escape: compare as given */
      }
      out[n.slice(1).replace(/\{.*$/, '')] = v;
    }
  });
  return out;
}

/**
 * Roles are per district: an account acts only in its own county; an account of the city (510800) reads every county
 * and writes none. Reads of another county are open only when the admin made the planner views public.
 */
async function authorizeDistrict(c: Context<AppEnv>, rule: RouteRule, p: Principal): Promise<void> {
  const own = p.user.district;
  const safe = SAFE.has(c.req.method);
  if (own === c.var.district || (own === CITY_CODE && safe)) return;
  if (safe && rule.allow === 'read' && (await getSettings(c.var.deps.db.sql)).publicPlannerViews) return;
  const message = own === CITY_CODE
    ? 'City accounts read every county but change none'
    : `This account works in district ${own}; it may not ${safe ? 'read' : 'change'} district ${c.var.district}`;
  // A stable reason the UI words in its own language.
  throw new ApiError(403, 'forbidden', message, [{ path: ['district'], message, code: own === CITY_CODE ? 'city_read_only' : 'other_district' }]);
}

async function authorize(c: Context<AppEnv>, rule: RouteRule, p: Principal | null, routePath: string): Promise<void> {
  const { allow } = rule;
  if (allow === 'public') return;
  if (!p) {
    if (allow === 'read' && SAFE.has(c.req.method) && (await getSettings(c.var.deps.db.sql)).publicPlannerViews) return;
    throw new ApiError(401, 'unauthorized', 'Log in first');
  }
  if (!rule.global) await authorizeDistrict(c, rule, p);
  if (allow === 'read' || allow === 'account') return;
  if (!allow.includes(p.role)) throw new ApiError(403, 'forbidden', `The ${p.role} role may not do this (${c.req.method} ${c.req.path})`);
  if (p.role === 'township_editor') {
    if (!rule.townships) throw new ApiError(403, 'forbidden', 'This route has no township check');
    const codes = await rule.townships(c, pathParams(routePath, c.req.path));
    const outside = codes.filter((t) => !t || !p.user.townships.includes(t));
    if (outside.length)
      throw new ApiError(403, 'forbidden', `Township editors may change only their own townships (${p.user.townships.join(', ') || 'none'}); this touches ${outside.map((t) => t ?? 'no township').join(', ')}`);
  }
}

/**
 * Authenticates (Bearer token, else session cookie), refuses cross-site writes and cookie writes without
 * the CSRF token, and applies the route's rule from {@link ROUTE_RULES}. A route with no rule is refused.
 */
export function authMiddleware(rules: Record<string, RouteRule> = ROUTE_RULES): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const route = matchedApiRoute(c);
    c.set('principal', null);
    if (!route) return next(); // no such route: the 404 handler answers
    const safe = SAFE.has(c.req.method);
    if (!safe && crossSite(c)) throw new ApiError(403, 'forbidden', 'Cross-site request refused');
    const p = await authenticate(c);
    c.set('principal', p);
    if (!safe && p?.via === 'session' && c.req.header(CSRF_HEADER) !== p.csrfToken)
      throw new ApiError(403, 'forbidden', 'Missing or wrong CSRF token (send the X-CSRF-Token header from GET /api/session)');
    const { key } = route;
    const rule = rules[key];
    if (!rule) throw new ApiError(403, 'forbidden', `No access rule for ${key}`);
    await authorize(c, rule, p, route.path);
    if (safe || !ACCOUNT_ROUTES.test(route.path)) return next();
    try {
      await next();
    } finally {
      c.var.deps.principals.clear(); // after the change committed (or failed): the next request looks up afresh
    }
  };
}
