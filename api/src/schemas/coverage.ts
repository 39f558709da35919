import { z } from 'zod';
import { csvEnum, LatSchema, LngSchema, SITE_KINDS, SITE_STATUSES } from './sites.ts';

const num = (min: number, max: number) => z.coerce.number().finite().min(min).max(max);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const TRAVEL_MODES = ['walk', 'bike', 'car'] as const;
export const TravelModeSchema = z.enum(TRAVEL_MODES);
export const MethodChoiceSchema = z.enum(['auto', 'straight-line', 'network']);

/** Shared travel parameters: mode, minutes, speeds, older residents, method. */
export const travelFields = {
  mode: TravelModeSchema.default('walk'),
  minutes: num(1, 60).default(15),
  older: bool.default(false),
  method: MethodChoiceSchema.default('auto'),
  speedKmh: num(0.5, 120).optional(),
  detourFactor: num(1, 3).optional(),
};

export const CoverageQuerySchema = z.strictObject({
  ...travelFields,
  kinds: csvEnum(SITE_KINDS).optional(),
  status: csvEnum(SITE_STATUSES).default(['existing']),
});
export type CoverageQuery = z.infer<typeof CoverageQuerySchema>;

export const IsochroneQuerySchema = z.strictObject({
  ...travelFields,
  site: z.string().min(1).max(64).optional(),
  kinds: csvEnum(SITE_KINDS).optional(),
  status: csvEnum(SITE_STATUSES).default(['existing']),
});
export type IsochroneQuery = z.infer<typeof IsochroneQuerySchema>;

export const NearestQuerySchema = z.strictObject({
  lng: z.coerce.number().pipe(LngSchema),
  lat: z.coerce.number().pipe(LatSchema),
  mode: TravelModeSchema.default('walk'),
  older: bool.default(false),
  method: MethodChoiceSchema.default('auto'),
  limit: z.coerce.number().int().min(1).max(20).default(5),
  kinds: csvEnum(SITE_KINDS).default(['station', 'institute', 'center', 'point', 'square', 'base', 'volunteer_site']),
  minutes: num(1, 60).default(15),
});
export type NearestQuery = z.infer<typeof NearestQuerySchema>;

export const ScenarioCompareQuerySchema = z.strictObject({
  method: MethodChoiceSchema.default('auto'),
  kinds: csvEnum(SITE_KINDS).optional(),
  status: csvEnum(SITE_STATUSES).default(['existing', 'planned']), // a scenario builds on the plan so far
});
