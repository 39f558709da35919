import { Hono } from 'hono';
import { z, type ZodType } from 'zod';
import type { AppEnv } from '../http/deps.ts';
import { SiteCreateSchema, SiteIdParamSchema, SiteQuerySchema, SiteUpdateSchema } from '../schemas/sites.ts';
import { VillagePatchSchema, VillageQuerySchema } from '../schemas/reference.ts';
import { CoverageQuerySchema, IsochroneQuerySchema, NearestQuerySchema, ScenarioCompareQuerySchema } from '../schemas/coverage.ts';
import { PlanRequestSchema } from '../schemas/plan.ts';
import { ScenarioAcceptSchema, ScenarioCreateSchema, ScenarioIdParamSchema, ScenarioUpdateSchema } from '../schemas/scenarios.ts';
import { PopulationImportFormSchema, ReferenceImportFormSchema, SiteImportFormSchema } from '../schemas/import.ts';

const schema = (s: ZodType, io: 'input' | 'output' = 'input') =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' });

const ErrorSchema = z.object({
  error: z.object({
    code: z.enum(['invalid_request', 'not_found', 'unprocessable', 'payload_too_large', 'internal']),
    message: z.string(),
    issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
  }),
});

/** Query parameters of a GET route, from its zod object schema. */
export function queryParams(s: ZodType) {
  const js = schema(s) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, sch]) => ({
    name, in: 'query', required: js.required?.includes(name) ?? false, schema: sch,
  }));
}

const errors = {
  '400': { description: 'Invalid request', content: { 'application/json': { schema: schema(ErrorSchema, 'output') } } },
  '404': { description: 'Not found', content: { 'application/json': { schema: schema(ErrorSchema, 'output') } } },
  '422': { description: 'Unprocessable', content: { 'application/json': { schema: schema(ErrorSchema, 'output') } } },
};
const ok = (description: string) => ({ '200': { description }, ...errors });
const body = (s: ZodType) => ({ required: true, content: { 'application/json': { schema: schema(s) } } });
const idParam = queryParams(SiteIdParamSchema).map((p) => ({ ...p, in: 'path', required: true }));
const scenarioId = queryParams(ScenarioIdParamSchema).map((p) => ({ ...p, in: 'path', required: true }));
/** Multipart form bodies: the file is binary, the rest as zod describes them. */
const form = (s: ZodType) => {
  const js = schema(s) as { properties?: Record<string, object> };
  return {
    required: true,
    content: { 'multipart/form-data': { schema: { ...js, properties: { ...js.properties, file: { type: 'string', format: 'binary' } } } } },
  };
};
const download = (what: string) => ({ '200': { description: what }, ...errors });

/** OpenAPI 3 document generated from the same zod schemas the routes validate with. */
export function openApiDocument() {
  return {
    openapi: '3.0.3',
    info: { title: '朝天区 15分钟服务圈 planner API', version: '0.1.0' },
    servers: [{ url: '/api' }],
    paths: {
      '/health': { get: { summary: 'Health and database kind', responses: ok('ok') } },
      '/boundary': { get: { summary: 'District boundary (GeoJSON, WGS-84)', responses: ok('FeatureCollection') } },
      '/districts': { get: { summary: 'Districts with shipped data: the city (parent record) and its counties, population, townships, villages, default, quota rule set', responses: ok('Array of districts') } },
      '/townships': { get: { summary: 'Townships with seats', responses: ok('townships') } },
      '/villages': { get: { summary: 'Villages and communities', parameters: queryParams(VillageQuerySchema), responses: ok('villages') } },
      '/villages/{code}': {
        patch: {
          summary: 'Place (or clear) a village point by hand; approximate unless told exact; optionally places its unplaced stations',
          parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d{12}$' } }],
          requestBody: body(VillagePatchSchema), responses: ok('village, previous point, stations placed, data version'),
        },
      },
      '/basemaps': { get: { summary: 'Basemaps on offer (offline always; 天地图, XYZ, local PMTiles when configured)', responses: ok('basemaps') } },
      '/basemaps/rivers': { get: { summary: '嘉陵江 main stem for the offline map (HydroRIVERS, ~450 m)', responses: ok('FeatureCollection') } },
      '/basemaps/local.pmtiles': { get: { summary: 'The configured local PMTiles archive, with HTTP range requests', responses: ok('bytes') } },
      '/sources': { get: { summary: 'Data sources and licences', responses: ok('sources') } },
      '/sites': {
        get: { summary: 'Sites (GeoJSON; unplaced sites have geometry null)', parameters: queryParams(SiteQuerySchema), responses: ok('FeatureCollection') },
        post: { summary: 'Create a site', requestBody: body(SiteCreateSchema), responses: { '201': { description: 'created' }, ...errors } },
      },
      '/sites/{id}': {
        get: { summary: 'One site', parameters: idParam, responses: ok('Feature') },
        patch: { summary: 'Update or move a site', parameters: idParam, requestBody: body(SiteUpdateSchema), responses: ok('Feature') },
        delete: { summary: 'Delete a site', parameters: idParam, responses: ok('deleted') },
      },
      '/coverage': { get: { summary: 'Coverage report: totals, per township with quotas, per site, gaps', parameters: queryParams(CoverageQuerySchema), responses: ok('report') } },
      '/isochrones': { get: { summary: 'Isochrone polygons per site', parameters: queryParams(IsochroneQuerySchema), responses: ok('FeatureCollection') } },
      '/nearest': { get: { summary: 'Nearest sites from a point by travel time', parameters: queryParams(NearestQuerySchema), responses: ok('nearest sites') } },
      '/demand': { get: { summary: 'Demand points in use (modelled or imported)', responses: ok('FeatureCollection') } },
      '/township-areas': { get: { summary: 'Township areas (imported, or approximate nearest-seat cells)', responses: ok('FeatureCollection') } },
      '/plan': { post: { summary: 'Where to put the next sites (maximal coverage or fewest sites)', requestBody: body(PlanRequestSchema), responses: ok('plan') } },
      '/scenarios': {
        get: { summary: 'Scenarios', responses: ok('scenarios') },
        post: { summary: 'Create a scenario', requestBody: body(ScenarioCreateSchema), responses: { '201': { description: 'created' }, ...errors } },
      },
      '/scenarios/{id}': {
        get: { summary: 'One scenario', parameters: scenarioId, responses: ok('scenario') },
        patch: { summary: 'Update a scenario', parameters: scenarioId, requestBody: body(ScenarioUpdateSchema), responses: ok('scenario') },
        delete: { summary: 'Discard a scenario', parameters: scenarioId, responses: ok('deleted') },
      },
      '/scenarios/{id}/compare': { get: { summary: 'Before/after comparison', parameters: [...scenarioId, ...queryParams(ScenarioCompareQuerySchema)], responses: ok('comparison') } },
      '/scenarios/{id}/accept': { post: { summary: 'Accept proposals as planned sites', parameters: scenarioId, requestBody: body(ScenarioAcceptSchema), responses: ok('accepted') } },
      '/import/sites': { post: { summary: 'Import a site register (CSV UTF-8/GBK, XLSX, GeoJSON)', requestBody: form(SiteImportFormSchema), responses: ok('preview or commit result') } },
      '/import/townships': { post: { summary: 'Import township boundaries', requestBody: form(ReferenceImportFormSchema), responses: ok('result') } },
      '/import/villages': { post: { summary: 'Import village/community points and population', requestBody: form(ReferenceImportFormSchema), responses: ok('result') } },
      '/import/population': { post: { summary: 'Import a population grid or points', requestBody: form(PopulationImportFormSchema), responses: ok('result') } },
      ...Object.fromEntries(['sites', 'townships', 'gaps'].flatMap((what) => ['geojson', 'csv', 'xlsx'].map((fmt) => [
        `/export/${what}.${fmt}`,
        { get: { summary: `Export ${what} as ${fmt.toUpperCase()}`, parameters: queryParams(what === 'sites' ? SiteQuerySchema : CoverageQuerySchema), responses: download(fmt) } },
      ]))),
    },
  };
}

export const openApiRoutes = new Hono<AppEnv>().get('/openapi.json', (c) => c.json(openApiDocument(), 200));
