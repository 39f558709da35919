/**
 * THE access table: every API route (method + Hono path pattern, as in `app.routes`) → who may call it.
 * The auth middleware (http/auth.ts) enforces it and denies a route with no rule (403); the role-matrix
 * test (tests/api/role-matrix.test.ts) is generated from it and fails for a route without a rule.
 *
 * allow:
 *  - 'public'  anyone, no login (the resident page and what it needs; login itself)
 *  - 'read'    any account; anonymous visitors too when the admin turns on `publicPlannerViews` (GET only)
 *  - 'account' any account, never anonymous (own session, own password, own tokens)
 *  - Role[]    only these roles ('admin' is not implied: list it)
 * The rules of district routes also apply under the `/api/d/:district/…` prefix (same key without the prefix).
 * townships: for rules that let a `township_editor` in, returns the township codes the request touches
 *  (null = none known); the editor is refused (403) unless every one is among their townships.
 */
import type { Context } from 'hono';
import type { Role } from '../auth/roles.ts';
import type { AppEnv } from './deps.ts';
import { townshipsAt } from '../services/township-at.ts';
import { getVillageTownshipCode } from '../db/reference-repo.ts';
import { getSiteTownshipCode } from '../db/sites-repo.ts';

export type Allow = 'public' | 'read' | 'account' | Role[];
/** `params`: the matched route's path parameters (Hono's `c.req.param()` is not yet set in middleware). */
export type TownshipResolver = (c: Context<AppEnv>, params: Record<string, string>) => Promise<(string | null)[]>;

export interface RouteRule {
  allow: Allow;
  townships?: TownshipResolver;
  /**
   * Not about one district's data (accounts, settings, basemaps, the district list, the city): answers the same
   * everywhere and takes no district check. Every other route answers for `c.var.district` (the `/api/d/:district/…`
   * prefix, else the default district), and an account may call it only for its own district (the city's: reads).
   */
  global?: true;
}

const PLANNERS: Role[] = ['admin', 'planner'];
const EDITORS: Role[] = ['admin', 'planner', 'township_editor'];
const ADMINS: Role[] = ['admin'];
/** Service requests: handled by dispatchers (at their own sites, checked by the handler), planners and admins. */
const DISPATCHERS: Role[] = ['admin', 'planner', 'dispatcher'];

/**
 * The JSON body (parsed once; Hono caches it for the handler's validator), or null when it is not a JSON object:
 * the resolvers then answer `[null]`, so a township editor is refused rather than let through unchecked.
 */
async function jsonBody(c: Context<AppEnv>): Promise<Record<string, unknown> | null> {
  try {
    const text = await c.req.text();
    // The stream is spent: hand later middleware (a route's bodyLimit) the same bytes, with their length.
    const headers = new Headers(c.req.raw.headers);
    headers.delete('transfer-encoding');
    headers.set('content-length', String(Buffer.byteLength(text)));
    c.req.raw = new Request(c.req.raw.url, { method: c.req.method, headers, body: text });
    const body = await c.req.json();
    return body && typeof body === 'object' && !Array.isArray(body) ? body : null;
  } catch {
    return null;
  }
}

async function villageTownship(c: Context<AppEnv>, code: unknown): Promise<string | null> {
  return typeof code === 'string' ? getVillageTownshipCode(c.var.deps.db.sql, c.var.district, code) : null;
}

async function siteTownship(c: Context<AppEnv>, params: Record<string, string>): Promise<(string | null)[]> {
  const code = await getSiteTownshipCode(c.var.deps.db.sql, c.var.district, params.id ?? '');
  return code === undefined ? [] : [code]; // an unknown site: the handler answers 404
}

/** A new site's township: given, from its village, or from its point (as the handler infers it). */
const newSiteTownship: TownshipResolver = async (c) => {
  const b = await jsonBody(c);
  if (!b) return [null];
  if (typeof b.townshipCode === 'string') return [b.townshipCode];
  if (b.villageCode) return [await villageTownship(c, b.villageCode)];
  if (typeof b.lng === 'number' && typeof b.lat === 'number') {
    return townshipsAt(await c.var.deps.coverage.context(c.var.district), [{ lng: b.lng, lat: b.lat }]);
  }
  return [null];
};

/** An edited site's current township, and the new one if the edit moves it to another. */
const editedSiteTownships: TownshipResolver = async (c, params) => {
  const out = await siteTownship(c, params);
  const b = await jsonBody(c);
  if (!b) return [null];
  if (b.townshipCode !== undefined) out.push((b.townshipCode as string | null) ?? null);
  else if (b.villageCode) out.push(await villageTownship(c, b.villageCode));
  return out;
};

/** For village routes (`/:code`): the village's township, for a rule that lets township editors in. */
export const villageTownshipOfParam: TownshipResolver = async (c, params) => [await villageTownship(c, params.code)];

export const ROUTE_RULES: Record<string, RouteRule> = {
  // Resident page and health: public.
  'GET /api/health': { allow: 'public' },
  'GET /api/boundary': { allow: 'public' },
  'GET /api/townships': { allow: 'public' },
  'GET /api/villages': { allow: 'public' },
  'GET /api/nearest': { allow: 'public' },
  'GET /api/isochrones': { allow: 'public' },
  'GET /api/public/sites': { allow: 'public' },
  'GET /api/openapi.json': { allow: 'public', global: true },
  'GET /api/districts': { allow: 'public', global: true },
  // Session.
  'GET /api/session': { allow: 'public', global: true },
  'POST /api/session': { allow: 'public', global: true },
  'DELETE /api/session': { allow: 'public', global: true },
  'POST /api/session/password': { allow: 'account', global: true },
  // Planner views: read.
  'GET /api/sources': { allow: 'read' },
  'GET /api/sites': { allow: 'read' },
  'GET /api/sites/:id': { allow: 'read' },
  'GET /api/coverage': { allow: 'read' },
  'GET /api/demand': { allow: 'read' },
  'GET /api/township-areas': { allow: 'read' },
  'GET /api/scenarios': { allow: 'read' },
  'GET /api/scenarios/:id': { allow: 'read' },
  'GET /api/scenarios/:id/compare': { allow: 'read' },
  'GET /api/export/sites.geojson': { allow: 'read' },
  'GET /api/export/sites.csv': { allow: 'read' },
  'GET /api/export/sites.xlsx': { allow: 'read' },
  'GET /api/export/townships.csv': { allow: 'read' },
  'GET /api/export/townships.xlsx': { allow: 'read' },
  'GET /api/export/townships.geojson': { allow: 'read' },
  'GET /api/export/gaps.geojson': { allow: 'read' },
  'GET /api/export/gaps.csv': { allow: 'read' },
  'GET /api/export/gaps.xlsx': { allow: 'read' },
  // Sites: planners anywhere, township editors in their own townships; restore is the planners'.
  'POST /api/sites': { allow: EDITORS, townships: newSiteTownship },
  'PATCH /api/sites/:id': { allow: EDITORS, townships: editedSiteTownships },
  'DELETE /api/sites/:id': { allow: EDITORS, townships: siteTownship },
  'POST /api/sites/:id/restore': { allow: PLANNERS },
  // Planning, scenarios and district-wide imports: planners.
  'POST /api/plan': { allow: PLANNERS },
  'POST /api/scenarios': { allow: PLANNERS },
  'PATCH /api/scenarios/:id': { allow: PLANNERS },
  'DELETE /api/scenarios/:id': { allow: PLANNERS },
  'POST /api/scenarios/:id/accept': { allow: PLANNERS },
  'POST /api/scenarios/:id/unaccept': { allow: PLANNERS },
  'POST /api/import/sites': { allow: PLANNERS },
  'POST /api/import/townships': { allow: PLANNERS },
  'POST /api/import/villages': { allow: PLANNERS },
  'POST /api/import/population': { allow: PLANNERS },
  // Audit trail: everyone with an account reads it (a township editor only their townships' rows).
  'GET /api/audit': { allow: 'account' },
  'GET /api/audit/export.csv': { allow: 'account' },
  'GET /api/audit/export.xlsx': { allow: 'account' },
  // Accounts, tokens and settings.
  'GET /api/users': { allow: ADMINS, global: true },
  'POST /api/users': { allow: ADMINS, global: true },
  'PATCH /api/users/:id': { allow: ADMINS, global: true },
  'DELETE /api/users/:id': { allow: ADMINS, global: true },
  'GET /api/tokens': { allow: 'account', global: true },
  'POST /api/tokens': { allow: 'account', global: true },
  'DELETE /api/tokens/:id': { allow: 'account', global: true },
  'GET /api/settings': { allow: 'account', global: true },
  'PATCH /api/settings': { allow: ADMINS, global: true },
  // Basemaps: the resident page shows them too.
  'GET /api/basemaps': { allow: 'public', global: true },
  'GET /api/basemaps/rivers': { allow: 'public', global: true },
  'GET /api/basemaps/local.pmtiles': { allow: 'public', global: true },
  'HEAD /api/basemaps/local.pmtiles': { allow: 'public', global: true },
  // Villages: planners anywhere, township editors in their own townships.
  'PATCH /api/villages/:code': { allow: EDITORS, townships: villageTownshipOfParam },
  // Leaders' view: reads for every account, writes for planners; the yearly rules for admins.
  'GET /api/volunteers': { allow: 'read' },
  'GET /api/teams': { allow: 'read' },
  'GET /api/activities': { allow: 'read' },
  'GET /api/activities/summary': { allow: 'read' },
  'GET /api/evaluation': { allow: 'read' },
  'GET /api/field-checks': { allow: 'read' },
  'GET /api/import/volunteers/template.xlsx': { allow: 'read' },
  'GET /api/import/teams/template.xlsx': { allow: 'read' },
  'GET /api/import/activities/template.xlsx': { allow: 'read' },
  'POST /api/import/volunteers': { allow: PLANNERS },
  'POST /api/import/teams': { allow: PLANNERS },
  'POST /api/import/activities': { allow: PLANNERS },
  'POST /api/activities': { allow: PLANNERS },
  'PATCH /api/activities/:id': { allow: PLANNERS },
  'DELETE /api/activities/:id': { allow: PLANNERS },
  'POST /api/field-checks': { allow: PLANNERS },
  'PUT /api/evaluation/rules': { allow: ADMINS },
  'GET /api/reports/townships/:file': { allow: 'read' },
  'GET /api/reports/:file': { allow: 'read' },
  // Service requests (issue 13): residents submit, track and rate without an account; dispatchers handle their sites'.
  'POST /api/requests': { allow: 'public' },
  'GET /api/requests/track/:trackingCode': { allow: 'public' },
  'POST /api/requests/track/:trackingCode/rating': { allow: 'public' },
  'GET /api/requests': { allow: DISPATCHERS },
  'GET /api/requests/map': { allow: 'read' },
  'GET /api/requests/stats': { allow: 'read' },
  // Exports for planners and leaders (viewers): contacts masked, each export audited.
  'GET /api/requests/export.csv': { allow: ['admin', 'planner', 'viewer'] },
  'GET /api/requests/export.xlsx': { allow: ['admin', 'planner', 'viewer'] },
  'POST /api/requests/:id/dispatch': { allow: DISPATCHERS },
  'POST /api/requests/:id/accept': { allow: DISPATCHERS },
  'POST /api/requests/:id/decline': { allow: DISPATCHERS },
  'POST /api/requests/:id/done': { allow: DISPATCHERS },
  'POST /api/requests/:id/pass-up': { allow: DISPATCHERS },
  'POST /api/requests/:id/cancel': { allow: DISPATCHERS },
  'PUT /api/users/:id/sites': { allow: ADMINS },
  // The city: every county side by side (reads for every account, whatever its district).
  'GET /api/city/overview': { allow: 'read', global: true },
};

/** The rule key of a request's matched route, e.g. `PATCH /api/sites/:id`. */
export const ruleKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

