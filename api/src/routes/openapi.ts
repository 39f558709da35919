import { Hono } from 'hono';
import { z, type ZodType } from 'zod';
import type { AppEnv } from '../http/deps.ts';
import { SiteCreateSchema, SiteIdParamSchema, SiteQuerySchema, SiteUpdateSchema } from '../schemas/sites.ts';
import { VillageQuerySchema } from '../schemas/reference.ts';
import { CoverageQuerySchema, IsochroneQuerySchema, NearestQuerySchema, ScenarioCompareQuerySchema } from '../schemas/coverage.ts';
import { PlanRequestSchema } from '../schemas/plan.ts';
import { ScenarioAcceptSchema, ScenarioCreateSchema, ScenarioIdParamSchema, ScenarioUpdateSchema } from '../schemas/scenarios.ts';
import { PopulationImportFormSchema, ReferenceImportFormSchema, SiteImportFormSchema } from '../schemas/import.ts';
import * as R from '../schemas/responses.ts';

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
  400: 'Invalid request (schema)', 404: 'Not found', 409: 'Conflict with an existing record (unique key)',
  413: 'Body or file too large', 415: 'Wrong content type', 422: 'Well-formed but refused (references, geometry, NUL, file problems)',
  429: 'Too many heavy requests (Retry-After)', 500: 'Internal error',
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
    info: { title: '朝天区 15分钟服务圈 planner API', version: '0.1.0' },
    servers: [{ url: '/api' }],
    paths: {
      '/health': { get: op('Health, database and job queue', { body: R.HealthSchema }, []) },
      '/boundary': { get: op('District boundary (GeoJSON, WGS-84)', { body: R.BoundarySchema }, [404]) },
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
      '/import/sites': { post: op('Import a site register (CSV UTF-8/GBK, XLSX, GeoJSON)', { body: R.ImportResultSchema }, IMPORT, form(SiteImportFormSchema)) },
      '/import/townships': { post: op('Import township boundaries', { body: R.ImportResultSchema }, IMPORT, form(ReferenceImportFormSchema)) },
      '/import/villages': { post: op('Import village/community points and population', { body: R.ImportResultSchema }, IMPORT, form(ReferenceImportFormSchema)) },
      '/import/population': { post: op('Import a population grid or points', { body: R.ImportResultSchema }, IMPORT, form(PopulationImportFormSchema)) },
      ...Object.fromEntries((['sites', 'townships', 'gaps'] as const).flatMap((what) => (['geojson', 'csv', 'xlsx'] as const).map((fmt) => [
        `/export/${what}.${fmt}`, { get: exportOp(what, fmt) },
      ]))),
    },
  };
}

export const openApiRoutes = new Hono<AppEnv>().get('/openapi.json', (c) => c.json(openApiDocument(), 200));
