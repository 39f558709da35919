import { z, type ZodType } from 'zod';
import * as R from '../schemas/request-responses.ts';
import {
  DispatchSchema, EmptySchema, NoteSchema, RatingSchema, ReasonSchema, RequestCreateSchema, RequestListQuerySchema, RequestStatsQuerySchema,
  TrackingParamSchema, UserSitesSchema,
} from '../schemas/requests.ts';

type Json = Record<string, any>;
type Op = (summary: string, ok: { status?: number; body?: ZodType; file?: string }, errors: number[], extra?: Json) => Json;
const schema = (s: ZodType): Json => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
const body = (s: ZodType, extra: Json = {}) => ({ requestBody: { required: true, content: { 'application/json': { schema: { ...schema(s), ...extra } } } } });
const params = (s: ZodType, where: 'query' | 'path'): Json[] => {
  const js = schema(s);
  return Object.entries<Json>(js.properties ?? {}).map(([name, sch]) => ({ name, in: where, required: where === 'path' || (js.required?.includes(name) ?? false), schema: sch }));
};
const JSON_BODY = [400, 413, 415, 422];

/** The service-request operations (issue 13), built with the document's own `op`. */
export function requestPaths(op: Op): Json {
  const id = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
  const tracking = params(TrackingParamSchema, 'path');
  const transition = (summary: string, s: ZodType) => ({ post: op(summary, { body: R.RequestInboxSchema }, [...JSON_BODY, 404, 409], { parameters: id, ...body(s) }) });
  return {
    '/requests': {
      get: op('Service requests: the inbox (a dispatcher sees its own sites only); expires overdue ones and erases old contacts first', { body: R.RequestListSchema }, [400], { parameters: params(RequestListQuerySchema, 'query') }),
      post: op('A resident orders a service (群众点单): routed through the 15-minute circles; no account', { status: 201, body: R.RequestCreatedSchema }, [...JSON_BODY, 429],
        body(RequestCreateSchema, { dependentRequired: { lng: ['lat'], lat: ['lng'] }, anyOf: [{ required: ['lng'] }, { required: ['villageCode'] }] })),
    },
    '/requests/track/{trackingCode}': { get: op('Follow a request by its tracking code (no personal data)', { body: R.RequestPublicSchema }, [400, 404], { parameters: tracking }) },
    '/requests/track/{trackingCode}/rating': { post: op('Rate a done request, 1–5 stars (群众评单)', { body: R.RequestPublicSchema }, [...JSON_BODY, 404, 409], { parameters: tracking, ...body(RatingSchema) }) },
    '/requests/map': { get: op('Requests as points for the planners\' layer (no personal data)', { body: R.RequestMapSchema }, [400], { parameters: params(RequestListQuerySchema, 'query') }) },
    '/requests/stats': { get: op('Requests per township and month: done, average stars, overdue, outside the circles, response hours', { body: R.RequestStatsSchema }, [400], { parameters: params(RequestStatsQuerySchema, 'query') }) },
    '/requests/export.csv': { get: op('Requests as CSV for planners and leaders: name and phone masked, no tracking codes; audited', { file: 'text/csv' }, [400], { parameters: params(RequestListQuerySchema, 'query') }) },
    '/requests/export.xlsx': { get: op('Requests as XLSX (with a 说明 sheet): name and phone masked, no tracking codes; audited', { file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, [400], { parameters: params(RequestListQuerySchema, 'query') }) },
    '/requests/{id}/dispatch': transition('Dispatch (派单) to a team, or to another site', DispatchSchema),
    '/requests/{id}/accept': transition('The team accepts (接单); of two at once exactly one wins', EmptySchema),
    '/requests/{id}/decline': transition('The team declines, with a reason', ReasonSchema),
    '/requests/{id}/done': transition('Done, with a note', NoteSchema),
    '/requests/{id}/pass-up': transition('Pass up to the institute or centre, with a reason', ReasonSchema),
    '/requests/{id}/cancel': transition('Cancel', EmptySchema),
    '/users/{id}/sites': { put: op('The sites a dispatcher works for (admin)', { body: R.UserSitesResultSchema }, [...JSON_BODY, 404], { parameters: id, ...body(UserSitesSchema) }) },
  };
}
