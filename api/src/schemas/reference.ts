import { z } from 'zod';

export const TownshipCodeSchema = z.string().regex(/^\d{9}$/, 'Township code has 9 digits');
export const VillageQuerySchema = z.strictObject({ township: TownshipCodeSchema.optional() });

export const VillageCodeParamSchema = z.object({ code: z.string().regex(/^\d{12}$/, 'Village code has 12 digits') });

const lng = z.number().min(-180).max(180).nullable();
const lat = z.number().min(-90).max(90).nullable();

/**
 * A village point set by hand (WGS-84) or cleared (`null`, e.g. undo). `precision` is `approximate` unless the user
 * says `exact`. `placeStations` also places the village's unplaced stations (实践站) at the point, as approximate.
 */
export const VillagePatchSchema = z
  .strictObject({
    lng, lat,
    precision: z.enum(['exact', 'approximate']).default('approximate'),
    placeStations: z.boolean().default(false),
  })
  .refine((v) => (v.lng === null) === (v.lat === null), { message: 'Give both lng and lat, or neither (null)', path: ['lat'] });
export type VillagePatch = z.infer<typeof VillagePatchSchema>;
