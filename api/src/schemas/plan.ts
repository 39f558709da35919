import { z } from 'zod';
import { LatSchema, LngSchema, SiteKindSchema, SITE_KINDS, SITE_STATUSES } from './sites.ts';
import { MethodChoiceSchema, TravelModeSchema } from './coverage.ts';
import { TownshipCodeSchema } from './reference.ts';

const closed = (ring: [number, number][]) => ring.length >= 4 && ring[0][0] === ring.at(-1)![0] && ring[0][1] === ring.at(-1)![1];
/** A linear ring: ≥ 4 finite WGS-84 positions, the last equal to the first (RFC 7946 §3.1.6); else 422. */
const Ring = z
  .array(z.tuple([LngSchema, LatSchema]))
  .max(100_000)
  .refine(closed, {
    message: 'A polygon ring has at least 4 positions and is closed (its last position equal to its first)',
    params: { unprocessable: true },
  });
export const ExclusionSchema = z.union([
  z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);

export const CandidateSchema = z.strictObject({
  name: z.string().trim().max(200).optional(),
  lng: LngSchema,
  lat: LatSchema,
});

/** Demand the planner weighs: residents, observed service requests, or both blended. */
export const PLAN_DEMANDS = ['population', 'requests', 'blend'] as const;
const PlanDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date');

/** Where to put the next sites: k new sites (maximal coverage) or the fewest for a target share. */
export const PlanRequestSchema = z
  .strictObject({
    k: z.number().int().min(1).max(200).optional(),
    targetShare: z.number().min(0.01).max(1).optional(),
    kind: SiteKindSchema.default('point'),
    mode: TravelModeSchema.default('walk'),
    minutes: z.number().finite().min(1).max(60).default(15),
    older: z.boolean().default(false),
    method: MethodChoiceSchema.default('auto'),
    kinds: z.array(z.enum(SITE_KINDS)).optional(),
    status: z.array(z.enum(SITE_STATUSES)).min(1).default(['existing', 'planned']),
    township: TownshipCodeSchema.optional(),
    candidates: z.array(CandidateSchema).min(1).max(20_000).optional(),
    exclusions: z.array(ExclusionSchema).max(100).optional(),
    townshipMinimums: z.record(TownshipCodeSchema, z.number().int().min(0).max(50)).optional(),
    exact: z.boolean().default(false),
    exactTimeLimitSeconds: z.number().min(1).max(120).default(30),
    /** What demand to plan for: residents, observed service requests, or a blend (`requestsShare` of the weight from requests). */
    demand: z.enum(PLAN_DEMANDS).default('population'),
    requestsShare: z.number().min(0).max(1).default(0.5),
    /** Requests submitted from / to (inclusive, YYYY-MM-DD); default all. */
    requestsFrom: PlanDate.optional(),
    requestsTo: PlanDate.optional(),
  })
  .refine((v) => (v.k === undefined) !== (v.targetShare === undefined), {
    message: 'Give exactly one of k (number of new sites) or targetShare (0–1)',
    path: ['k'],
  })
  .refine((v) => !v.requestsFrom || !v.requestsTo || v.requestsFrom <= v.requestsTo, {
    message: 'requestsFrom is after requestsTo',
    path: ['requestsFrom'],
  });
export type PlanRequest = z.infer<typeof PlanRequestSchema>;
