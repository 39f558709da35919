import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './deps.ts';
import { ApiError } from './errors.ts';
import { DEFAULT_DISTRICT_CODE, isShippedCounty } from '../services/district-packs.ts';
import { seedDistrict } from '../db/seed.ts';
import type { Sql } from '../db/client.ts';

/** `/api/d/<code>/…`: the district prefix every district route also answers under. */
const PREFIX = /^\/api\/d\/([^/]+)(?=\/|$)/;

/** The Hono path of a district route without its `/d/:district` prefix (the key its access rule is stored under). */
export const withoutDistrictPrefix = (routePath: string) => routePath.replace(/^\/api\/d\/:district(?=\/|$)/, '/api');

/** The county a request path names (`/api/d/510824/sites` → 510824), or the default district (朝天区) for `/api/sites`. */
export function districtOfPath(path: string): { code: string; prefixed: boolean } {
  const m = PREFIX.exec(path);
  if (!m) return { code: DEFAULT_DISTRICT_CODE, prefixed: false };
  let code = m[1];
  try {
    code = decodeURIComponent(code);
  } catch {
    /* malformed escape: no such district */
  }
  return { code, prefixed: true };
}

/**
 * Loads a county's shipped pack into the database the first time any process asks for it (lazily: `npm start`
 * loads only 朝天区, so it starts as fast as before). The marker row makes concurrent loads load once.
 */
export function createDistrictLoader(sql: Sql) {
  const loaded = new Map<string, Promise<unknown>>();
  return (code: string) => {
    let p = loaded.get(code);
    if (!p) {
      p = seedDistrict(sql, code).catch((e) => {
        loaded.delete(code);
        throw e;
      });
      loaded.set(code, p);
    }
    return p;
  };
}

/**
 * Resolves the request's district into `c.var.district` (the `/d/:district` prefix, else the default district), loading
 * its pack on first use. An unknown code (or the city, which has no planner data of its own) answers 404 JSON.
 */
export const districtScope: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { code, prefixed } = districtOfPath(c.req.path);
  if (prefixed) {
    if (!isShippedCounty(code)) throw new ApiError(404, 'not_found', `No district ${code}: GET /api/districts lists the counties`);
    if (code !== DEFAULT_DISTRICT_CODE) await c.var.deps.loadDistrict(code);
  }
  c.set('district', code);
  await next();
};
