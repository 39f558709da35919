/**
 * Zod schemas of what the API answers, for the OpenAPI document (routes/openapi.ts) and the test that checks
 * real responses against it. Loose objects (`z.looseObject`) name the fields clients rely on and allow more.
 */
import { z } from 'zod';
import { SITE_KINDS, SITE_STATUSES, VENUE_TYPES } from './sites.ts';
import { TRAVEL_MODES } from './coverage.ts';

/** Every error code the API answers with (http/errors.ts maps errors to them). */
export const ERROR_CODES = [
  'invalid_request', 'not_found', 'method_not_allowed', 'conflict', 'unprocessable', 'payload_too_large',
  'unsupported_media_type', 'too_many_requests', 'unauthorized', 'forbidden', 'internal',
] as const;

export const ErrorResponseSchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    issues: z.array(z.strictObject({ path: z.array(z.union([z.string(), z.number()])), message: z.string(), code: z.string().optional() })).optional(),
  }),
});

const Point = z.strictObject({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) });
const AnyGeometry = z.looseObject({ type: z.string(), coordinates: z.array(z.unknown()) });
const LngLat = z.strictObject({ lng: z.number(), lat: z.number() });

export const SitePropertiesSchema = z.strictObject({
  id: z.string(), code: z.string().nullable(), kind: z.enum(SITE_KINDS), name: z.string(),
  townshipCode: z.string().nullable(), villageCode: z.string().nullable(), lng: z.number().nullable(), lat: z.number().nullable(),
  placed: z.boolean(), locationPrecision: z.enum(['exact', 'approximate']), status: z.enum(SITE_STATUSES),
  demonstration: z.boolean(), hasSign: z.boolean(), hasStaff: z.boolean(), hasActivities: z.boolean(), hasProjects: z.boolean(),
  hasRules: z.boolean(), venueType: z.enum(VENUE_TYPES).nullable(), address: z.string(), contact: z.string(), phone: z.string(),
  openingHours: z.string(), notes: z.string(), createdAt: z.string(), updatedAt: z.string(),
});
export const SiteFeatureSchema = z.strictObject({ type: z.literal('Feature'), id: z.string(), geometry: Point.nullable(), properties: SitePropertiesSchema });
export const SiteCollectionSchema = z.strictObject({ type: z.literal('FeatureCollection'), features: z.array(SiteFeatureSchema) });
export const DeletedSchema = z.strictObject({ deleted: z.string() });

export const HealthSchema = z.strictObject({
  ok: z.literal(true), database: z.enum(['embedded', 'postgres']), databaseStatus: z.enum(['ok', 'busy', 'down']),
  jobs: z.strictObject({ running: z.number().int(), waiting: z.number().int() }),
});
export const TownshipsSchema = z.strictObject({
  townships: z.array(z.strictObject({
    code: z.string(), name: z.string(), nameEn: z.string(), seat: LngLat.nullable(),
    seatPrecision: z.enum(['seat-2016', 'approximate']).nullable(), seatMethod: z.string(), hasBoundary: z.boolean(), boundarySource: z.string().nullable(),
  })),
});
export const VillagesSchema = z.strictObject({
  villages: z.array(z.strictObject({
    code: z.string(), name: z.string(), shortName: z.string(), townshipCode: z.string(), type: z.enum(['village', 'community']),
    lng: z.number().nullable(), lat: z.number().nullable(), population: z.number().nullable(), source: z.string().nullable(),
    precision: z.enum(['exact', 'approximate']).nullable(), placedBy: z.enum(['import', 'hand']).nullable(),
  })),
});
export const SourcesSchema = z.strictObject({
  sources: z.array(z.strictObject({
    id: z.string(), name: z.string(), licence: z.string(), attribution: z.string(), datum: z.string(), vintage: z.string(),
    modelled: z.boolean(), origin: z.string(), notes: z.string(), loadedAt: z.string(),
  })),
});
const Collection = (properties: z.ZodType = z.record(z.string(), z.unknown())) =>
  z.looseObject({ type: z.literal('FeatureCollection'), features: z.array(z.looseObject({ type: z.literal('Feature'), geometry: AnyGeometry.nullable(), properties })) });
export const BoundarySchema = Collection(z.looseObject({ code: z.string(), name: z.string() }));
export const FeatureCollectionSchema = Collection();

const Totals = z.looseObject({ population: z.number(), covered: z.number(), share: z.number() });
/** Where the demand came from: the method as a stable code with its numbers (worded by `demandMethodText`), and in English. */
const DemandInfo = z.looseObject({
  modelled: z.boolean(), method: z.string(), methodCode: z.enum(['modelled', 'imported']),
  methodParams: z.record(z.string(), z.union([z.string(), z.number()])),
});
const Travel = {
  method: z.enum(['straight-line', 'network']), mode: z.enum(TRAVEL_MODES), minutes: z.number(), older: z.boolean(),
  travelDescription: z.string(), travelDescriptionZh: z.string(),
};
export const CoverageReportSchema = z.looseObject({
  ...Travel, speedKmh: z.number(), dataVersion: z.number(), demand: DemandInfo, totals: Totals,
  townships: z.array(z.looseObject({ code: z.string(), name: z.string(), population: z.number(), covered: z.number(), share: z.number().nullable() })),
  sites: z.array(z.looseObject({ id: z.string(), population: z.number() })), gaps: FeatureCollectionSchema, computeMs: z.number(),
});
export const IsochronesSchema = Collection().and(z.looseObject({ method: z.enum(['straight-line', 'network']) }));
export const NearestSchema = z.looseObject({
  ...Travel, point: LngLat, insideDistrict: z.boolean(), withinCircle: z.boolean(),
  results: z.array(z.looseObject({ id: z.string(), name: z.string(), minutes: z.number() })),
});
export const DemandSchema = Collection(z.looseObject({ population: z.number() })).and(z.looseObject({ demand: DemandInfo }));

const Proposal = z.looseObject({ rank: z.number(), lng: z.number(), lat: z.number(), townshipCode: z.string().nullable(), kind: z.enum(SITE_KINDS), name: z.string(), marginalGain: z.number() });
export const PlanResultSchema = z.looseObject({
  ...Travel, objective: z.enum(['max-coverage', 'min-sites']), solver: z.string(), candidateCount: z.number(), proposed: z.array(Proposal),
  before: Totals, after: Totals, optimality: z.looseObject({
    status: z.enum(['optimum-known', 'bound', 'unreachable']), note: z.string(),
    noteCode: z.enum(['optimum', 'bound', 'bound-without-minimums', 'min-optimum', 'min-proven', 'min-bound', 'unreachable']),
    noteParams: z.record(z.string(), z.union([z.number(), z.string()])),
  }),
  demandMethod: z.looseObject({ kind: z.enum(['population', 'requests', 'blend']), share: z.number(), label: z.string() }),
  candidateSourceCode: z.enum(['list', 'road-nodes', 'demand-cells', 'demand-points']), timeMs: z.number(),
});

const ScenarioSite = z.strictObject({
  id: z.string(), kind: z.enum(SITE_KINDS), name: z.string(), townshipCode: z.string().nullable(), lng: z.number(), lat: z.number(),
  rank: z.number().nullable(), acceptedSiteId: z.string().nullable(),
});
export const ScenarioSchema = z.strictObject({
  id: z.string(), name: z.string(), description: z.string(), mode: z.enum(TRAVEL_MODES), minutes: z.number(), older: z.boolean(),
  createdAt: z.string(), updatedAt: z.string(), sites: z.array(ScenarioSite),
});
export const ScenariosSchema = z.strictObject({ scenarios: z.array(ScenarioSchema) });
export const AcceptedSchema = z.strictObject({ accepted: z.array(z.string()), scenario: ScenarioSchema });
export const UnacceptedSchema = z.strictObject({ removedSiteId: z.string(), scenario: ScenarioSchema });
export const CompareSchema = z.looseObject({ before: Totals, after: Totals, proposed: z.array(z.looseObject({ name: z.string(), marginalGain: z.number() })) });

const ImportIssueSchema = z.looseObject({
  row: z.number().nullable(), column: z.string().nullable(), field: z.string().nullable(), code: z.string(),
  severity: z.enum(['error', 'warning']), message: z.string(), value: z.string().optional(),
});
export const ImportResultSchema = z.looseObject({
  mode: z.enum(['preview', 'commit']), fileName: z.string(), format: z.enum(['csv', 'xlsx', 'geojson']), issues: z.array(ImportIssueSchema),
  summary: z.looseObject({ rows: z.number() }), committed: z.looseObject({ sourceId: z.string(), dataVersion: z.number() }).optional(),
});

/** Villages placed by hand (routes/villages.ts). */
export const VillagePlacedSchema = z.strictObject({
  village: z.looseObject({ code: z.string(), name: z.string(), lng: z.number().nullable(), lat: z.number().nullable(), precision: z.enum(['exact', 'approximate']).nullable() }),
  previous: z.strictObject({ lng: z.number().nullable(), lat: z.number().nullable(), precision: z.enum(['exact', 'approximate']).nullable() }),
  stationsPlaced: z.array(z.string()),
  dataVersion: z.number(),
});
export const BasemapsSchema = z.strictObject({ basemaps: z.array(z.looseObject({ id: z.string(), attribution: z.string() })) });

/** The leaders' view (routes/leaders.ts, activities.ts, evaluation.ts). */
export const VolunteersSchema = z.looseObject({ townships: z.array(z.looseObject({ code: z.string(), name: z.string() })) });
export const TeamsSchema = z.strictObject({ teams: z.array(z.looseObject({ id: z.union([z.string(), z.number()]), name: z.string() })) });
export const ActivitySchema = z.looseObject({ id: z.union([z.string(), z.number()]), date: z.string(), title: z.string() });
export const ActivitiesSchema = z.strictObject({ activities: z.array(ActivitySchema) });
export const ActivitySummarySchema = z.looseObject({ year: z.number() });
const Indicator = z.looseObject({ id: z.string(), value: z.number().nullable(), target: z.number().nullable(), score: z.number().nullable(), weight: z.number() });
export const EvaluationSchema = z.looseObject({
  year: z.number(), method: z.unknown(), weights: z.unknown(),
  townships: z.array(z.looseObject({ code: z.string(), name: z.string(), rank: z.number().nullable(), score: z.number().nullable(), indicators: z.array(Indicator) })),
  detachments: z.array(z.looseObject({ name: z.string() })),
});
export const FieldCheckSchema = z.looseObject({ id: z.union([z.string(), z.number()]), townshipCode: z.string(), date: z.string() });
export const FieldChecksSchema = z.strictObject({ fieldChecks: z.array(FieldCheckSchema) });
export const ActivityDeletedSchema = z.strictObject({ deleted: z.literal(true) });

/** GET /api/city/overview: every county side by side (figures per county; evaluation rank null = no data). */
export const CityOverviewSchema = z.looseObject({
  city: z.looseObject({ code: z.string(), name: z.string() }).nullable(),
  method: z.string(), methodZh: z.string(), evaluationRank: z.null(), evaluationNote: z.string(),
  coverageRank: z.record(z.string(), z.number()),
  counties: z.array(z.looseObject({
    code: z.string(), name: z.string(), population: z.number(), dataVersion: z.number(),
    coverage: z.looseObject({ share: z.number(), modelled: z.boolean(), method: z.string() }),
    quotas: z.looseObject({ townshipsMet: z.number(), townships: z.number() }),
    volunteerRate: z.number().nullable(),
  })),
});

/** GET /api/districts: the city (parent record) and its counties. */
export const DistrictsSchema = z.array(z.looseObject({
  code: z.string(), name: z.string(), population: z.number(), townships: z.number(), villages: z.number(), default: z.boolean(),
  parentCode: z.string().nullable(),
}));

/** Accounts, sessions, tokens, settings and the audit trail (routes/session.ts, users.ts, audit.ts, public.ts). */
const RoleEnum = z.enum(['admin', 'planner', 'township_editor', 'viewer']);
export const UserSchema = z.strictObject({
  id: z.string(), username: z.string(), role: RoleEnum, townships: z.array(z.string()), district: z.string(), createdAt: z.string(), updatedAt: z.string(),
});
export const UsersSchema = z.strictObject({ users: z.array(UserSchema) });
export const SessionSchema = z.strictObject({
  user: UserSchema.nullable(), role: RoleEnum.nullable(), csrfToken: z.string().nullable(), publicPlannerViews: z.boolean(), needsAdmin: z.boolean(),
});
export const LoginResultSchema = z.strictObject({ user: UserSchema, role: RoleEnum, csrfToken: z.string() });
export const LoggedOutSchema = z.strictObject({ loggedOut: z.literal(true) });
export const PasswordChangedSchema = z.strictObject({ changed: z.literal(true) });
export const TokensSchema = z.strictObject({
  tokens: z.array(z.strictObject({
    id: z.string(), userId: z.string(), username: z.string(), name: z.string(), role: RoleEnum, createdAt: z.string(),
    lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable(),
  })),
});
export const TokenCreatedSchema = z.strictObject({ id: z.string(), token: z.string(), name: z.string(), role: RoleEnum });
export const TokenRevokedSchema = z.strictObject({ revoked: z.string() });
export const SettingsSchema = z.strictObject({ publicPlannerViews: z.boolean() });
export const AuditEntriesSchema = z.strictObject({
  entries: z.array(z.strictObject({
    id: z.number(), at: z.string(), userId: z.string().nullable(), username: z.string(), role: z.string().nullable(), address: z.string(),
    action: z.string(), entity: z.string(), entityId: z.string().nullable(), townshipCode: z.string().nullable(), siteId: z.string().nullable(),
    before: z.unknown(), after: z.unknown(), details: z.unknown(),
  })),
});
export const PublicSitesSchema = z.strictObject({
  type: z.literal('FeatureCollection'),
  features: z.array(z.strictObject({
    type: z.literal('Feature'), id: z.string(), geometry: Point.nullable(),
    properties: SitePropertiesSchema.pick({
      id: true, name: true, kind: true, status: true, demonstration: true, townshipCode: true, villageCode: true, lng: true, lat: true,
      placed: true, locationPrecision: true, address: true, phone: true, openingHours: true,
    }).extend({
      /** When the site's (else its township's) activity records say activities take place; null without records. */
      activityDays: z.strictObject({
        scope: z.enum(['site', 'township']), dayOfMonth: z.number().int().nullable(), monthsWithDay: z.number().int(),
        monthsWithActivity: z.number().int(), next: z.string().nullable(), last: z.string().nullable(),
      }).nullable(),
    }),
  })),
});
