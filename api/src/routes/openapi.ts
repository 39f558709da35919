import { Hono } from 'hono';
import { z, type ZodType } from 'zod';
import type { AppEnv } from '../http/deps.ts';
import { SiteCreateSchema, SiteIdParamSchema, SiteQuerySchema, SiteUpdateSchema } from '../schemas/sites.ts';
import { VillagePatchSchema, VillageQuerySchema } from '../schemas/reference.ts';
import { CoverageQuerySchema, IsochroneQuerySchema, NearestQuerySchema, ScenarioCompareQuerySchema } from '../schemas/coverage.ts';
import { PlanRequestSchema } from '../schemas/plan.ts';
import { ScenarioAcceptSchema, ScenarioCreateSchema, ScenarioIdParamSchema, ScenarioUnacceptSchema, ScenarioUpdateSchema } from '../schemas/scenarios.ts';
import { PopulationImportFormSchema, ReferenceImportFormSchema, SiteImportFormSchema } from '../schemas/import.ts';
import * as R from '../schemas/responses.ts';
import { requestPaths } from './openapi-requests.ts';
import { VillageCodeParamSchema } from '../schemas/reference.ts';
import {
  ActivitiesQuerySchema, ActivityCreateSchema, ActivitySummaryQuerySchema, ActivityUpdateSchema, EvaluationQuerySchema, EvaluationRulesSchema,
  FieldCheckCreateSchema, FieldChecksQuerySchema, LeaderImportFormSchema, VolunteersQuerySchema,
} from '../schemas/leaders.ts';
import {
  AuditQuerySchema, IdParamSchema, LoginSchema, PasswordChangeSchema, SettingsUpdateSchema, TokenCreateSchema, UserCreateSchema, UserUpdateSchema,
} from '../schemas/auth.ts';
import { ROUTE_RULES } from '../http/route-rules.ts';

type Json = Record<string, any>;

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of a zod schema: what a client sends (`input`) or receives (`output`). */
const schema = (s: ZodType, io: 'input' | 'output' = 'input'): Json => z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;

/**
 * What zod's refinements check but JSON Schema cannot derive from them: non-blank names, lng and lat together,
 * at least one field in a PATCH, exactly one of k / targetShare. Kept beside the schema they describe.
 */
function refined(js: Json, r: { nonBlank?: string[]; together?: [string, string]; nonEmpty?: boolean; exactlyOne?: string[] }): Json {
  const out: Json = { ...js, properties: { ...js.properties } };
  for (const k of r.nonBlank ?? []) if (out.properties[k]) out.properties[k] = { ...out.properties[k], pattern: '\\S' };
  if (r.together) out.dependentRequired = { [r.together[0]]: [r.together[1]], [r.together[1]]: [r.together[0]] };
  if (r.nonEmpty) out.minProperties = 1;
  if (r.exactlyOne) out.oneOf = r.exactlyOne.map((k) => ({ required: [k] }));
  return out;
}

/** Query or path parameters from a zod object schema. */
function params(s: ZodType, where: 'query' | 'path'): Json[] {
  const js = schema(s);
  return Object.entries<Json>(js.properties ?? {}).map(([name, sch]) => ({ name, in: where, required: where === 'path' || (js.required?.includes(name) ?? false), schema: sch }));
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request (schema)', 401: 'Not logged in (or wrong username or password)',
  403: 'Refused: the role may not do this, the township is not yours, a cross-site write, or a wrong current password', 404: 'Not found', 409: 'Conflict with an existing record (unique key)',
  413: 'Body or file too large', 415: 'Wrong content type', 422: 'Well-formed but refused (references, geometry, NUL, file problems)',
  416: 'Range not satisfiable', 429: 'Too many requests (Retry-After)', 500: 'Internal error',
};
const errorSchema = schema(R.ErrorResponseSchema, 'output');
const json = (s: ZodType, description: string) => ({ description, content: { 'application/json': { schema: schema(s, 'output') } } });

function op(summary: string, ok: { status?: number; body?: ZodType; file?: string; description?: string }, errors: number[], extra: Json = {}): Json {
  const status = ok.status ?? 200;
  const success = ok.body
    ? json(ok.body, ok.description ?? summary)
    : { description: ok.description ?? summary, content: { [ok.file!]: { schema: { type: 'string', ...(ok.file!.includes('sheet') ? { format: 'binary' } : {}) } } } };
  const responses: Json = { [status]: success };
  for (const code of [...new Set([...errors, 500])].sort()) responses[code] = { description: ERROR_TEXT[code], content: { 'application/json': { schema: errorSchema } } };
  return { summary, ...extra, responses };
}

const body = (js: Json) => ({ requestBody: { required: true, content: { 'application/json': { schema: js } } } });
const form = (s: ZodType) => {
  const js = schema(s);
  return { requestBody: { required: true, content: { 'multipart/form-data': { schema: { ...js, properties: { ...js.properties, file: { type: 'string', format: 'binary' } } } } } } };
};
const siteId = { parameters: params(SiteIdParamSchema, 'path') };
const scenarioId = params(ScenarioIdParamSchema, 'path');
const JSON_BODY = [400, 413, 415, 422];
const IMPORT = [400, 413, 415, 422, 429];

/** The leaders' view: volunteers, teams, activities, evaluation, field checks, printed reports. */
function leaderPaths(): Json {
  const activityId = { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] };
  const year = params(EvaluationQuerySchema, 'query');
  const reportQuery = [{ name: 'year', in: 'query', required: false, schema: { type: 'integer' } }, { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['zh', 'en'] } }];
  const pdf = (what: string, extra: Json[] = []) => ({ get: op(what, { file: 'application/pdf' }, [400, 404, 429], { parameters: [...extra, ...reportQuery] }) });
  return {
    ...Object.fromEntries((['volunteers', 'teams', 'activities'] as const).flatMap((k) => [
      [`/import/${k}`, { post: op(`Import ${k} (CSV UTF-8/GBK, XLSX): preview or commit`, { body: R.ImportResultSchema }, IMPORT, form(LeaderImportFormSchema)) }],
      [`/import/${k}/template.xlsx`, { get: op(`XLSX template of the ${k} import`, { file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, []) }],
    ])),
    '/volunteers': { get: op("Volunteers per township and village against the plan's targets (13% / 100% / 80%)", { body: R.VolunteersSchema }, [400], { parameters: params(VolunteersQuerySchema, 'query') }) },
    '/teams': { get: op('The volunteer team register (corps, 15 detachments, brigades, teams)', { body: R.TeamsSchema }, []) },
    '/activities': {
      get: op('Activity records', { body: R.ActivitiesSchema }, [400], { parameters: params(ActivitiesQuerySchema, 'query') }),
      post: op('Add an activity', { status: 201, body: R.ActivitySchema }, JSON_BODY, body(schema(ActivityCreateSchema))),
    },
    '/activities/{id}': {
      patch: op('Edit an activity', { body: R.ActivitySchema }, [...JSON_BODY, 404], { ...activityId, ...body(schema(ActivityUpdateSchema)) }),
      delete: op('Delete an activity', { body: R.ActivityDeletedSchema }, [400, 404], activityId),
    },
    '/activities/summary': { get: op('Activities per site, team and township in a year; monthly 10th; demonstration targets', { body: R.ActivitySummarySchema }, [400], { parameters: params(ActivitySummaryQuerySchema, 'query') }) },
    '/evaluation': { get: op('Yearly evaluation (综合评估排位) of townships and detachments', { body: R.EvaluationSchema }, [400], { parameters: year }) },
    '/evaluation/rules': { put: op('Save the weights, targets and entered scores of a year (admin)', { body: R.EvaluationSchema }, JSON_BODY, { parameters: year, ...body(schema(EvaluationRulesSchema)) }) },
    '/field-checks': {
      get: op('Field checks (实地督查)', { body: R.FieldChecksSchema }, [400], { parameters: params(FieldChecksQuerySchema, 'query') }),
      post: op('Record a field check', { status: 201, body: R.FieldCheckSchema }, JSON_BODY, body(schema(FieldCheckCreateSchema))),
    },
    '/reports/townships/{code}.pdf': pdf('One A4 page for a township (PDF; .html gives the print page)', [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }]),
    '/reports/district.pdf': pdf('The district page (PDF)'),
    '/reports/all.pdf': pdf('The whole-district pack: district page and every township (PDF)'),
  };
}

/** Accounts: login session, own password, users (admins), API tokens, settings, the audit trail; the resident page's sites. */
function accountPaths(): Json {
  const id = { parameters: params(IdParamSchema, 'path') };
  const audit = { parameters: params(AuditQuerySchema, 'query') };
  const sheet = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return {
    '/session': {
      get: op('The current session: user, role, CSRF token (null when logged out), publicPlannerViews, needsAdmin', { body: R.SessionSchema }, []),
      post: op('Log in (sets the session cookie); repeated failures are throttled', { body: R.LoginResultSchema }, [...JSON_BODY, 401, 429], body(schema(LoginSchema))),
      delete: op('Log out (clears the session cookie)', { body: R.LoggedOutSchema }, []),
    },
    '/session/password': { post: op('Change your own password (ends your other sessions)', { body: R.PasswordChangedSchema }, JSON_BODY, body(schema(PasswordChangeSchema))) },
    '/users': {
      get: op('Accounts (admin)', { body: R.UsersSchema }, []),
      post: op('Create an account (admin)', { status: 201, body: R.UserSchema }, [...JSON_BODY, 409], body(schema(UserCreateSchema))),
    },
    '/users/{id}': {
      patch: op('Change an account: username, password reset, role, townships (admin)', { body: R.UserSchema }, [...JSON_BODY, 404, 409], { ...id, ...body(refined(schema(UserUpdateSchema), { nonEmpty: true })) }),
      delete: op('Delete an account (admin; never your own or the last admin)', { body: R.DeletedSchema }, [400, 404, 409], id),
    },
    '/tokens': {
      get: op('API tokens: your own (admins: all)', { body: R.TokensSchema }, []),
      post: op('Create an API token (role no higher than yours); the secret is shown once', { status: 201, body: R.TokenCreatedSchema }, JSON_BODY, body(schema(TokenCreateSchema))),
    },
    '/tokens/{id}': { delete: op('Revoke an API token', { body: R.TokenRevokedSchema }, [400, 404, 409], id) },
    '/settings': {
      get: op('Server settings', { body: R.SettingsSchema }, []),
      patch: op('Change server settings (admin)', { body: R.SettingsSchema }, JSON_BODY, body(schema(SettingsUpdateSchema))),
    },
    '/audit': { get: op('The audit trail, newest first (township editors: their townships only)', { body: R.AuditEntriesSchema }, [400], audit) },
    '/audit/export.csv': { get: op('The audit trail as CSV', { file: 'text/csv' }, [400], audit) },
    '/audit/export.xlsx': { get: op('The audit trail as XLSX', { file: sheet }, [400], audit) },
    '/public/sites': { get: op("Placed existing and planned sites with their public fields (the resident page; no login)", { body: R.PublicSitesSchema }, []) },
    '/sites/{id}/restore': { post: op('Restore a deleted site from its audit history, with the same id (planners)', { status: 201, body: R.SiteFeatureSchema }, [400, 404, 409, 422], siteId) },
  };
}

/**
 * Declares the access answers of every operation from the route rules (http/route-rules.ts): 401 and 403 unless the
 * route is public; a public write may still be refused (403) as a cross-site request.
 */
function withAccessStatuses(paths: Json): Json {
  const errorBody = (code: number) => ({ description: ERROR_TEXT[code], content: { 'application/json': { schema: errorSchema } } });
  for (const [path, item] of Object.entries<Json>(paths)) {
    for (const [method, o] of Object.entries<Json>(item)) {
      const rule = ROUTE_RULES[`${method.toUpperCase()} /api${path.replace(/\{(\w+)\}/g, ':$1')}`];
      const codes = rule?.allow === 'public' ? (method === 'get' ? [] : [403]) : [401, 403];
      for (const code of codes) o.responses[code] ??= errorBody(code);
      o.responses = Object.fromEntries(Object.entries<Json>(o.responses).sort(([a], [b]) => Number(a) - Number(b)));
    }
  }
  return paths;
}

/** OpenAPI 3.1 document generated from the zod schemas the routes validate with and answer in. */
export function openApiDocument() {
  const siteCreate = refined(schema(SiteCreateSchema), { nonBlank: ['name', 'code'], together: ['lng', 'lat'] });
  const siteUpdate = refined(schema(SiteUpdateSchema), { nonBlank: ['name', 'code'], together: ['lng', 'lat'], nonEmpty: true });
  const scenarioCreate = refined(schema(ScenarioCreateSchema), { nonBlank: ['name'] });
  const scenarioUpdate = refined(schema(ScenarioUpdateSchema), { nonBlank: ['name'], nonEmpty: true });
  const plan = refined(schema(PlanRequestSchema), { exactlyOne: ['k', 'targetShare'] });
  const exportOp = (what: 'sites' | 'townships' | 'gaps', fmt: 'geojson' | 'csv' | 'xlsx') => op(
    `Export ${what} as ${fmt.toUpperCase()}`,
    { file: fmt === 'csv' ? 'text/csv' : fmt === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/geo+json' },
    [400, 422, 429], { parameters: params(what === 'sites' ? SiteQuerySchema : CoverageQuerySchema, 'query') });
  return {
    openapi: '3.1.0',
    info: {
      title: '广元市 15分钟服务圈 planner API', version: '0.1.0',
      description: 'Every district route also answers under /d/{district}/… (a county code, e.g. /d/510824/coverage); without the prefix it answers for 朝天区 (510812).',
    },
    servers: [{ url: '/api' }],
    paths: withAccessStatuses({
      '/health': { get: op('Health, database and job queue', { body: R.HealthSchema }, []) },
      '/boundary': { get: op('District boundary (GeoJSON, WGS-84)', { body: R.BoundarySchema }, [404]) },
      '/districts': { get: op('Districts with shipped data: the city (parent record) and its counties, population, townships, villages, default, quota rule set', { body: R.DistrictsSchema }, []) },
      '/city/overview': { get: op('The city overview: every county\'s population, modelled 15-minute coverage, quotas met, volunteer rate; computed per county behind the job queue, cached per data version', { body: R.CityOverviewSchema }, [429]) },
      '/townships': { get: op('Townships with seats', { body: R.TownshipsSchema }, []) },
      '/villages': { get: op('Villages and communities', { body: R.VillagesSchema }, [400], { parameters: params(VillageQuerySchema, 'query') }) },
      '/sources': { get: op('Data sources and licences', { body: R.SourcesSchema }, []) },
      '/sites': {
        get: op('Sites (GeoJSON; unplaced sites have geometry null)', { body: R.SiteCollectionSchema }, [400], { parameters: params(SiteQuerySchema, 'query') }),
        post: op('Create a site', { status: 201, body: R.SiteFeatureSchema }, [...JSON_BODY, 409], body(siteCreate)),
      },
      '/sites/{id}': {
        get: op('One site', { body: R.SiteFeatureSchema }, [400, 404], siteId),
        patch: op('Update or move a site', { body: R.SiteFeatureSchema }, [...JSON_BODY, 404, 409], { ...siteId, ...body(siteUpdate) }),
        delete: op('Delete a site', { body: R.DeletedSchema }, [400, 404], siteId),
      },
      '/coverage': { get: op('Coverage report: totals, per township with quotas, per site, gaps', { body: R.CoverageReportSchema }, [400, 422], { parameters: params(CoverageQuerySchema, 'query') }) },
      '/isochrones': { get: op('Isochrone polygons per site', { body: R.IsochronesSchema }, [400, 404, 422], { parameters: params(IsochroneQuerySchema, 'query') }) },
      '/nearest': { get: op('Nearest sites from a point by travel time', { body: R.NearestSchema }, [400, 422], { parameters: params(NearestQuerySchema, 'query') }) },
      '/demand': { get: op('Demand points in use (modelled or imported)', { body: R.DemandSchema }, []) },
      '/township-areas': { get: op('Township areas (imported, or approximate nearest-seat cells)', { body: R.FeatureCollectionSchema }, []) },
      '/plan': { post: op('Where to put the next sites (maximal coverage or fewest sites); runs in a worker, behind the job queue', { body: R.PlanResultSchema }, [...JSON_BODY, 429], body(plan)) },
      '/scenarios': {
        get: op('Scenarios', { body: R.ScenariosSchema }, []),
        post: op('Create a scenario', { status: 201, body: R.ScenarioSchema }, JSON_BODY, body(scenarioCreate)),
      },
      '/scenarios/{id}': {
        get: op('One scenario', { body: R.ScenarioSchema }, [400, 404], { parameters: scenarioId }),
        patch: op('Update a scenario', { body: R.ScenarioSchema }, [...JSON_BODY, 404], { parameters: scenarioId, ...body(scenarioUpdate) }),
        delete: op('Discard a scenario', { body: R.DeletedSchema }, [400, 404], { parameters: scenarioId }),
      },
      '/scenarios/{id}/compare': { get: op('Before/after comparison', { body: R.CompareSchema }, [400, 404, 422], { parameters: [...scenarioId, ...params(ScenarioCompareQuerySchema, 'query')] }) },
      '/scenarios/{id}/accept': { post: op('Accept proposals as planned sites (idempotent)', { body: R.AcceptedSchema }, [...JSON_BODY, 404], { parameters: scenarioId, ...body(schema(ScenarioAcceptSchema)) }) },
      '/scenarios/{id}/unaccept': {
        post: op('Take an accepted proposal back while its planned site is untouched (409 once the site was edited, deleted or has requests)', { body: R.UnacceptedSchema }, [...JSON_BODY, 404, 409], { parameters: scenarioId, ...body(schema(ScenarioUnacceptSchema)) }),
      },
      '/import/sites': { post: op('Import a site register (CSV UTF-8/GBK, XLSX, GeoJSON)', { body: R.ImportResultSchema }, IMPORT, form(SiteImportFormSchema)) },
      '/import/townships': { post: op('Import township boundaries', { body: R.ImportResultSchema }, IMPORT, form(ReferenceImportFormSchema)) },
      '/import/villages': { post: op('Import village/community points and population', { body: R.ImportResultSchema }, IMPORT, form(ReferenceImportFormSchema)) },
      '/import/population': { post: op('Import a population grid or points', { body: R.ImportResultSchema }, IMPORT, form(PopulationImportFormSchema)) },
      ...Object.fromEntries((['sites', 'townships', 'gaps'] as const).flatMap((what) => (['geojson', 'csv', 'xlsx'] as const).map((fmt) => [
        `/export/${what}.${fmt}`, { get: exportOp(what, fmt) },
      ]))),
      '/villages/{code}': {
        patch: op('Place (or clear) a village point by hand; approximate unless told exact; optionally places its unplaced stations',
          { body: R.VillagePlacedSchema }, [...JSON_BODY, 404], { parameters: params(VillageCodeParamSchema, 'path'), ...body(schema(VillagePatchSchema)) }),
      },
      '/basemaps': { get: op('Basemaps on offer (offline always; 天地图, XYZ, local PMTiles when configured)', { body: R.BasemapsSchema }, []) },
      '/basemaps/rivers': { get: op('嘉陵江 main stem for the offline map (HydroRIVERS, ~450 m)', { body: R.FeatureCollectionSchema }, []) },
      '/basemaps/local.pmtiles': { get: op('The configured local PMTiles archive, with HTTP range requests', { file: 'application/octet-stream' }, [404, 416]) },
      ...leaderPaths(),
      ...accountPaths(),
      ...requestPaths(op),
    }),
  };
}

export const openApiRoutes = new Hono<AppEnv>().get('/openapi.json', (c) => c.json(openApiDocument(), 200));
