import { z } from 'zod';
import { csvEnum, LatSchema, LngSchema } from './sites.ts';

/** Services a resident may ask for: the five project areas and the common services of the plan's detachments. */
export const REQUEST_SERVICES = [
  'chaotian_talk', 'virtue', 'culture', 'customs', 'warmth',
  'theory', 'tutoring', 'arts', 'science', 'legal', 'health', 'aid', 'ecology', 'other',
] as const;
export const REQUEST_SERVICE_NAMES: Record<(typeof REQUEST_SERVICES)[number], string> = {
  chaotian_talk: '朝天说', virtue: '德润朝天', culture: '文化惠民', customs: '移风易俗', warmth: '温暖朝天',
  theory: '理论宣讲', tutoring: '助学支教', arts: '文化文艺', science: '科学普及', legal: '法律服务', health: '医疗健身',
  aid: '扶弱济困', ecology: '生态环保', other: '其他',
};
export const REQUEST_STATUS_VALUES = ['submitted', 'dispatched', 'accepted', 'done', 'rated', 'declined', 'passed_up', 'cancelled', 'expired'] as const;

/** Longest description, name and note a request carries. */
export const REQUEST_LIMITS = { descriptionChars: 500, nameChars: 40, noteChars: 500, commentChars: 300 } as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const Phone = z.string().trim().regex(/^\+?[0-9][0-9 -]{5,18}[0-9]$/, 'a phone number of digits');

/** `POST /api/requests`: a point, or a village code instead (an approximate place). */
export const RequestCreateSchema = z.strictObject({
  service: z.enum(REQUEST_SERVICES),
  description: text(REQUEST_LIMITS.descriptionChars),
  name: text(REQUEST_LIMITS.nameChars),
  phone: Phone,
  lng: LngSchema.optional(),
  lat: LatSchema.optional(),
  villageCode: z.string().regex(/^\d{12}$/, 'Village code has 12 digits').optional(),
}).refine((b) => (b.lng === undefined) === (b.lat === undefined), { message: 'give both lng and lat', path: ['lat'] })
  .refine((b) => b.lng !== undefined || b.villageCode !== undefined, { message: 'give the place: lng and lat, or villageCode', path: ['lng'] });
export type RequestCreate = z.infer<typeof RequestCreateSchema>;

export const TrackingParamSchema = z.object({ trackingCode: z.string().regex(/^[A-Z0-9]{10}$/, 'a 10-character tracking code') });
export const RatingSchema = z.strictObject({ stars: z.number().int().min(1).max(5), comment: z.string().trim().max(REQUEST_LIMITS.commentChars).default('') });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date');
export const RequestListQuerySchema = z.strictObject({
  status: csvEnum(REQUEST_STATUS_VALUES).optional(),
  township: z.string().regex(/^\d{9}$/).optional(),
  site: z.string().min(1).max(100).optional(),
  service: csvEnum(REQUEST_SERVICES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type RequestListQuery = z.infer<typeof RequestListQuerySchema>;

export const RequestStatsQuerySchema = z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM').optional() });

export const DispatchSchema = z.strictObject({ siteId: z.string().min(1).max(100).optional(), teamId: z.string().min(1).max(100).optional() });
export const ReasonSchema = z.strictObject({ reason: text(REQUEST_LIMITS.noteChars) });
export const NoteSchema = z.strictObject({ note: z.string().trim().max(REQUEST_LIMITS.noteChars).default('') });
export const EmptySchema = z.strictObject({});
export const UserSitesSchema = z.strictObject({ siteIds: z.array(z.string().min(1).max(100)).max(200) });
