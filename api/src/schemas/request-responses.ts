/** Zod schemas of the service-request answers, for the OpenAPI document and its test (see responses.ts). */
import { z } from 'zod';
import { REQUEST_STATUS_VALUES } from './requests.ts';

const ts = z.string().nullable();
const Proposed = z.array(z.strictObject({ siteId: z.string(), name: z.string(), minutes: z.number().nullable() }));

export const RequestCreatedSchema = z.strictObject({
  id: z.string(), trackingCode: z.string(), status: z.enum(REQUEST_STATUS_VALUES), outsideCircle: z.boolean().nullable(), approximate: z.boolean(),
  proposedSites: Proposed, siteName: z.string().nullable(), dispatchDueAt: z.string(),
});

const publicFields = {
  trackingCode: z.string(), status: z.enum(REQUEST_STATUS_VALUES), service: z.string(), serviceName: z.string(), description: z.string(),
  townshipName: z.string().nullable(), siteName: z.string().nullable(), teamName: z.string().nullable(),
  outsideCircle: z.boolean().nullable(), approximate: z.boolean(), submittedAt: z.string(), dispatchedAt: ts, acceptedAt: ts, doneAt: ts,
  ratedAt: ts, closedAt: ts, note: z.string(), stars: z.number().int().nullable(), ratingComment: z.string(), dueAt: ts, overdue: z.boolean(),
};
/** What the tracking code shows: no name, phone or point. */
export const RequestPublicSchema = z.strictObject(publicFields);
export const RequestInboxSchema = z.strictObject({
  id: z.string(), ...publicFields, contactName: z.string().nullable(), phone: z.string().nullable(), contactErased: z.boolean(),
  lng: z.number().nullable(), lat: z.number().nullable(), villageCode: z.string().nullable(), townshipCode: z.string().nullable(),
  siteId: z.string().nullable(), teamId: z.string().nullable(), proposedSites: Proposed, reason: z.string(), acceptedBy: z.string().nullable(),
});
export const RequestListSchema = z.strictObject({ requests: z.array(RequestInboxSchema), sites: z.array(z.string()).nullable() });
export const RequestMapSchema = z.strictObject({
  type: z.literal('FeatureCollection'), total: z.number().int(), outsideCircle: z.number().int(), approximate: z.number().int(),
  features: z.array(z.strictObject({
    type: z.literal('Feature'), geometry: z.strictObject({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
    properties: z.strictObject({ status: z.string(), service: z.string(), townshipCode: z.string().nullable(), siteId: z.string().nullable(),
      outsideCircle: z.boolean().nullable(), month: z.string(), overdue: z.boolean() }),
  })),
});
const StatFigures = {
  month: z.string(), requests: z.number().int(), done: z.number().int(),
  averageStars: z.number().nullable(), overdue: z.number().int(), outsideCircle: z.number().int(), hoursToAccept: z.number().nullable(), hoursToDone: z.number().nullable(),
};
export const RequestStatsSchema = z.strictObject({
  townships: z.array(z.strictObject({ townshipCode: z.string().nullable(), townshipName: z.string().nullable(), ...StatFigures })),
  /** Per site handling the requests: response times per site. */
  sites: z.array(z.strictObject({ siteId: z.string().nullable(), siteName: z.string().nullable(), siteKind: z.string().nullable(), townshipCode: z.string().nullable(), ...StatFigures })),
});
export const UserSitesResultSchema = z.strictObject({ userId: z.string(), siteIds: z.array(z.string()) });
