import { z } from 'zod';
import { SiteImportFormSchema } from './import.ts';

/** Multipart form of the volunteer, team and activity imports: the site import's fields without coordinates (no crs) or attribution. */
export const LeaderImportFormSchema = SiteImportFormSchema.omit({ crs: true, attribution: true });
export type LeaderImportForm = z.infer<typeof LeaderImportFormSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date');
export const YearSchema = z.coerce.number().int().min(2000).max(2100);

export const VolunteersQuerySchema = z.strictObject({ date: isoDate.optional() });

export const ACTIVITY_PROJECT_IDS = ['chaotian_talk', 'virtue', 'culture', 'customs', 'warmth', 'other'] as const;

export const ActivitiesQuerySchema = z.strictObject({
  year: YearSchema.optional(),
  township: z.string().regex(/^\d{9}$/).optional(),
  site: z.string().min(1).max(64).optional(),
  team: z.string().min(1).max(64).optional(),
});
export const ActivitySummaryQuerySchema = z.strictObject({ year: YearSchema });

export const ActivityCreateSchema = z.strictObject({
  date: isoDate,
  townshipCode: z.string().regex(/^\d{9}$/).nullable().optional(),
  siteId: z.string().min(1).max(64).nullable().optional(),
  teamId: z.string().min(1).max(64).nullable().optional(),
  project: z.enum(ACTIVITY_PROJECT_IDS).default('other'),
  participants: z.number().int().min(0).max(1_000_000).nullable().optional(),
  title: z.string().trim().min(1, 'title is required').max(300),
});
export type ActivityCreate = z.infer<typeof ActivityCreateSchema>;
export const ActivityUpdateSchema = ActivityCreateSchema.partial().extend({ project: z.enum(ACTIVITY_PROJECT_IDS).optional() });
export type ActivityUpdate = z.infer<typeof ActivityUpdateSchema>;

export const FieldCheckCreateSchema = z.strictObject({
  townshipCode: z.string().regex(/^\d{9}$/),
  date: isoDate,
  inspector: z.string().trim().min(1, 'inspector is required').max(100),
  score: z.number().min(0).max(100).nullable().default(null),
  notes: z.string().trim().max(2000).default(''),
});
export const FieldChecksQuerySchema = z.strictObject({ year: YearSchema.optional(), township: z.string().regex(/^\d{9}$/).optional() });

export const EvaluationQuerySchema = z.strictObject({ year: YearSchema });

/** How one indicator's raw value becomes a 0–100 score. */
export const ScoringRuleSchema = z.enum(['ratio', 'threshold', 'entered']);

export const IndicatorRuleSchema = z.strictObject({
  id: z.string().min(1).max(64),
  weight: z.number().min(0).max(100),
  target: z.number().min(0).max(1_000_000).optional(),
  rule: ScoringRuleSchema.optional(),
});

/** Rules saved with a year: indicator weights/targets, and scores entered for data that lives elsewhere. */
export const EvaluationRulesSchema = z.strictObject({
  indicators: z.array(IndicatorRuleSchema).min(1).max(40),
  /** indicator id → township code → score 0–100, for the entered indicators (平台运营, 信息报送, 实地督查). */
  entered: z.record(z.string().max(64), z.record(z.string().regex(/^\d{9}$/), z.number().min(0).max(100))).default({}),
  /** Whether the latest field check's score (0–100) counts as the 实地督查 indicator. */
  fieldChecksCount: z.boolean().default(true),
});
export type EvaluationRulesInput = z.infer<typeof EvaluationRulesSchema>;
