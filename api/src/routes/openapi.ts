import { Hono } from 'hono';
import { z, type ZodType } from 'zod';
import type { AppEnv } from '../http/deps.ts';
import { SiteCreateSchema, SiteIdParamSchema, SiteQuerySchema, SiteUpdateSchema } from '../schemas/sites.ts';
import { VillageQuerySchema } from '../schemas/reference.ts';

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

/** OpenAPI 3 document generated from the same zod schemas the routes validate with. */
export function openApiDocument() {
  return {
    openapi: '3.0.3',
    info: { title: '朝天区 15分钟服务圈 planner API', version: '0.1.0' },
    servers: [{ url: '/api' }],
    paths: {
      '/health': { get: { summary: 'Health and database kind', responses: ok('ok') } },
      '/boundary': { get: { summary: 'District boundary (GeoJSON, WGS-84)', responses: ok('FeatureCollection') } },
      '/townships': { get: { summary: 'Townships with seats', responses: ok('townships') } },
      '/villages': { get: { summary: 'Villages and communities', parameters: queryParams(VillageQuerySchema), responses: ok('villages') } },
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
    },
  };
}

export const openApiRoutes = new Hono<AppEnv>().get('/openapi.json', (c) => c.json(openApiDocument(), 200));
