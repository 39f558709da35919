/** The leaders' view through the one typed client: evaluation, volunteers, activities, field checks, imports. */
import type { InferResponseType } from 'hono/client';
import { client, unwrap } from '../lib/api';
import { districtUrl } from '../lib/district';

export type Evaluation = InferResponseType<typeof client.api.evaluation.$get, 200>;
export type Volunteers = InferResponseType<typeof client.api.volunteers.$get, 200>;
export type ActivitySummary = InferResponseType<typeof client.api.activities.summary.$get, 200>;
export type Activity = InferResponseType<typeof client.api.activities.$get, 200>['activities'][number];
export type FieldCheck = InferResponseType<(typeof client.api)['field-checks']['$get'], 200>['fieldChecks'][number];
export type Team = InferResponseType<typeof client.api.teams.$get, 200>['teams'][number];
export type LeaderImportKind = 'volunteers' | 'teams' | 'activities';
export type LeaderImportResult = InferResponseType<typeof client.api.import.volunteers.$post, 200>;
export type ActivityInput = { date: string; townshipCode?: string | null; siteId?: string | null; teamId?: string | null;
  project: 'chaotian_talk' | 'virtue' | 'culture' | 'customs' | 'warmth' | 'other'; participants?: number | null; title: string };
export type RulesInput = Parameters<typeof client.api.evaluation.rules.$put>[0]['json'];

export const leadersApi = {
  evaluation: async (year: number) => unwrap(await client.api.evaluation.$get({ query: { year: String(year) } })),
  saveRules: async (year: number, rules: RulesInput) => unwrap(await client.api.evaluation.rules.$put({ query: { year: String(year) }, json: rules })),
  volunteers: async (date: string) => unwrap(await client.api.volunteers.$get({ query: { date } })),
  activitySummary: async (year: number) => unwrap(await client.api.activities.summary.$get({ query: { year: String(year) } })),
  activities: async (year: number) => (await unwrap(await client.api.activities.$get({ query: { year: String(year) } }))).activities,
  teams: async () => (await unwrap(await client.api.teams.$get())).teams,
  addActivity: async (a: ActivityInput) => unwrap(await client.api.activities.$post({ json: a })),
  editActivity: async (id: string, a: Partial<ActivityInput>) => unwrap(await client.api.activities[':id'].$patch({ param: { id }, json: a })),
  deleteActivity: async (id: string) => unwrap(await client.api.activities[':id'].$delete({ param: { id } })),
  fieldChecks: async (year: number) => (await unwrap(await client.api['field-checks'].$get({ query: { year: String(year) } }))).fieldChecks,
  addFieldCheck: async (c: { townshipCode: string; date: string; inspector: string; score: number | null; notes: string }) =>
    unwrap(await client.api['field-checks'].$post({ json: c })),
  importFile: async (kind: LeaderImportKind, file: File, mode: 'preview' | 'commit', skipInvalid: boolean): Promise<LeaderImportResult> => {
    const form = { file, mode, skipInvalid: skipInvalid ? ('true' as const) : ('false' as const) };
    if (kind === 'volunteers') return unwrap(await client.api.import.volunteers.$post({ form }));
    if (kind === 'teams') return unwrap(await client.api.import.teams.$post({ form })) as unknown as LeaderImportResult;
    return unwrap(await client.api.import.activities.$post({ form })) as unknown as LeaderImportResult;
  },
};

/** Addresses of the printed reports (plain links: the browser opens the PDF the API renders). */
export const reportUrls = (year: number, lang: 'zh' | 'en') => ({
  township: (code: string, ext: 'pdf' | 'html') => districtUrl(`/api/reports/townships/${code}.${ext}?year=${year}&lang=${lang}`),
  district: (ext: 'pdf' | 'html') => districtUrl(`/api/reports/district.${ext}?year=${year}&lang=${lang}`),
  all: districtUrl(`/api/reports/all.pdf?year=${year}&lang=${lang}`),
  template: (kind: LeaderImportKind) => districtUrl(`/api/import/${kind}/template.xlsx`),
});
