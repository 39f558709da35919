import { z } from 'zod';

export const TownshipCodeSchema = z.string().regex(/^\d{9}$/, 'Township code has 9 digits');
export const VillageQuerySchema = z.strictObject({ township: TownshipCodeSchema.optional() });
