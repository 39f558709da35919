import { z } from 'zod';

export const SITE_KINDS = ['center', 'institute', 'station', 'square', 'base', 'point', 'household', 'volunteer_site'] as const;
export const SiteKindSchema = z.enum(SITE_KINDS);
export type SiteKind = z.infer<typeof SiteKindSchema>;

/** Chinese names shown in the UI for each kind. */
export const SITE_KIND_NAMES: Record<SiteKind, { zh: string; en: string }> = {
  center: { zh: '新时代文明实践中心', en: 'Civilization Practice Center' },
  institute: { zh: '新时代文明实践所', en: 'Practice Institute (township)' },
  station: { zh: '新时代文明实践站', en: 'Practice Station (village/community)' },
  square: { zh: '文明实践广场', en: 'Practice Square' },
  base: { zh: '文明实践基地', en: 'Practice Base' },
  point: { zh: '文明实践点', en: 'Practice Point' },
  household: { zh: '文明实践户', en: 'Practice Household' },
  volunteer_site: { zh: '志愿服务基地/站点', en: 'Volunteer Service Site' },
};

export const SITE_STATUSES = ['existing', 'planned', 'proposed'] as const;
export const SiteStatusSchema = z.enum(SITE_STATUSES);
export const VENUE_TYPES = ['transit', 'scenic', 'park', 'hospital', 'mall', 'other'] as const;
export const VenueTypeSchema = z.enum(VENUE_TYPES);

export const LngSchema = z.number().finite().min(-180).max(180);
export const LatSchema = z.number().finite().min(-90).max(90);

const text = (max: number) => z.string().trim().max(max);
/** Longest opening-hours text (the database checks the same). */
export const OPENING_HOURS_MAX = 200;

/** Writable site fields (shared by create and update). */
const siteFields = {
  code: text(64).min(1).nullable(),
  kind: SiteKindSchema,
  name: text(200).min(1, 'Name is required'),
  townshipCode: z.string().regex(/^\d{9}$/, 'Township code has 9 digits').nullable(),
  villageCode: z.string().regex(/^\d{12}$/, 'Village code has 12 digits').nullable(),
  lng: LngSchema.nullable(),
  lat: LatSchema.nullable(),
  locationPrecision: z.enum(['exact', 'approximate']),
  status: SiteStatusSchema,
  demonstration: z.boolean(),
  hasSign: z.boolean(),
  hasStaff: z.boolean(),
  hasActivities: z.boolean(),
  hasProjects: z.boolean(),
  hasRules: z.boolean(),
  venueType: VenueTypeSchema.nullable(),
  address: text(500),
  contact: text(100),
  phone: text(50),
  /** 开放时间, free text such as 周一至周五 9:00-17:00 (public on the resident page). */
  openingHours: text(OPENING_HOURS_MAX),
  notes: text(2000),
};

const bothOrNeither = (v: { lng?: number | null; lat?: number | null }) =>
  (v.lng === undefined) === (v.lat === undefined) && (v.lng === null) === (v.lat === null);
const coordIssue = { message: 'lng and lat must be given together (both numbers, or both null to unplace)', path: ['lng'] };

export const SiteCreateSchema = z
  .strictObject({
    ...siteFields,
    code: siteFields.code.optional(),
    townshipCode: siteFields.townshipCode.optional(),
    villageCode: siteFields.villageCode.optional(),
    lng: siteFields.lng.optional(),
    lat: siteFields.lat.optional(),
    locationPrecision: siteFields.locationPrecision.optional(),
    status: siteFields.status.optional(),
    demonstration: siteFields.demonstration.optional(),
    hasSign: siteFields.hasSign.optional(),
    hasStaff: siteFields.hasStaff.optional(),
    hasActivities: siteFields.hasActivities.optional(),
    hasProjects: siteFields.hasProjects.optional(),
    hasRules: siteFields.hasRules.optional(),
    venueType: siteFields.venueType.optional(),
    address: siteFields.address.optional(),
    contact: siteFields.contact.optional(),
    phone: siteFields.phone.optional(),
    openingHours: siteFields.openingHours.optional(),
    notes: siteFields.notes.optional(),
  })
  .refine(bothOrNeither, coordIssue);
export type SiteCreate = z.infer<typeof SiteCreateSchema>;

export const SiteUpdateSchema = z
  .strictObject(Object.fromEntries(Object.entries(siteFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof siteFields]: z.ZodOptional<(typeof siteFields)[K]>;
  })
  .refine(bothOrNeither, coordIssue)
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });
export type SiteUpdate = z.infer<typeof SiteUpdateSchema>;

export const SiteIdParamSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Invalid site id') });

/** A comma-separated list in a query string, each item checked against `values`. */
export const csvEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)));

export const SiteQuerySchema = z.strictObject({
  kind: csvEnum(SITE_KINDS).optional(),
  township: z.string().regex(/^\d{9}$/, 'Township code has 9 digits').optional(),
  status: csvEnum(SITE_STATUSES).optional(),
  placed: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type SiteQuery = z.infer<typeof SiteQuerySchema>;

/** A site as the API returns it (GeoJSON feature properties). */
export interface SiteProperties {
  id: string;
  code: string | null;
  kind: SiteKind;
  name: string;
  townshipCode: string | null;
  villageCode: string | null;
  lng: number | null;
  lat: number | null;
  placed: boolean;
  locationPrecision: 'exact' | 'approximate';
  status: (typeof SITE_STATUSES)[number];
  demonstration: boolean;
  hasSign: boolean;
  hasStaff: boolean;
  hasActivities: boolean;
  hasProjects: boolean;
  hasRules: boolean;
  venueType: (typeof VENUE_TYPES)[number] | null;
  address: string;
  contact: string;
  phone: string;
  openingHours: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface SiteFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: SiteProperties;
}
