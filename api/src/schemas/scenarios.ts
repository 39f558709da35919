import { z } from 'zod';
import { LatSchema, LngSchema, SiteKindSchema } from './sites.ts';
import { TravelModeSchema } from './coverage.ts';

export const ProposedSiteSchema = z.strictObject({
  kind: SiteKindSchema.default('point'),
  name: z.string().trim().min(1, 'Name is required').max(200),
  lng: LngSchema,
  lat: LatSchema,
  rank: z.number().int().min(1).nullable().optional(),
});
export type ProposedSite = z.infer<typeof ProposedSiteSchema>;

export const ScenarioCreateSchema = z.strictObject({
  name: z.string().trim().min(1, 'Name is required').max(200),
  description: z.string().trim().max(2000).default(''),
  mode: TravelModeSchema.default('walk'),
  minutes: z.number().finite().min(1).max(60).default(15),
  older: z.boolean().default(false),
  sites: z.array(ProposedSiteSchema).max(500).default([]),
});
export type ScenarioCreate = z.infer<typeof ScenarioCreateSchema>;

export const ScenarioUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(2000).optional(),
    mode: TravelModeSchema.optional(),
    minutes: z.number().finite().min(1).max(60).optional(),
    older: z.boolean().optional(),
    /** Replaces the whole list of proposed sites when given. */
    sites: z.array(ProposedSiteSchema).max(500).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });
export type ScenarioUpdate = z.infer<typeof ScenarioUpdateSchema>;

export const ScenarioIdParamSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Invalid scenario id') });

/** Un-accept one accepted proposal: its planned site is removed (only while nobody has touched it). */
export const ScenarioUnacceptSchema = z.strictObject({
  /** The proposal's id (not the planned site's). */
  siteId: z.string().min(1).max(64),
});

export const ScenarioAcceptSchema = z.strictObject({
  /** Proposed-site ids to accept; all of the scenario's not-yet-accepted sites when omitted. */
  siteIds: z.array(z.string().min(1).max(64)).min(1).optional(),
});
