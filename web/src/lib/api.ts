/**
 * The one typed API client of the web app. Response types are inferred from the Hono app
 * (`AppType`), so a change in the API's routes or schemas shows up here as a type error.
 */
import { hc, type InferResponseType } from 'hono/client';
import { districtFetch } from './district';
import type { AppType } from '../../../api/src/app';
import type { SiteUpdate } from '../../../api/src/schemas/sites';
import type { z } from 'zod';
import type { VillagePatchSchema } from '../../../api/src/schemas/reference';

export type VillagePatchInput = z.input<typeof VillagePatchSchema>;

/** The CSRF token of the current session (from GET/POST /api/session), sent with every request. */
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/** District routes go to the county in the address (`?d=`) through {@link districtFetch}: one place for every call. */
export const client = hc<AppType>('/', {
  fetch: districtFetch,
  headers: (): Record<string, string> => (csrfToken ? { 'x-csrf-token': csrfToken } : {}),
});

/** A site feature as listed by GET /api/sites (geometry is null for unplaced sites). */
export type SiteCollection = InferResponseType<typeof client.api.sites.$get, 200>;
export type SiteFeature = SiteCollection['features'][number];
export type SiteProps = SiteFeature['properties'];
export type Township = InferResponseType<typeof client.api.townships.$get, 200>['townships'][number];
/** A basemap as `GET /api/basemaps` describes it. */
export type Basemap = InferResponseType<typeof client.api.basemaps.$get, 200>['basemaps'][number];
export type Village = InferResponseType<typeof client.api.villages.$get, 200>['villages'][number];
export type DataSource = InferResponseType<typeof client.api.sources.$get, 200>['sources'][number];
export type BoundaryCollection = InferResponseType<typeof client.api.boundary.$get, 200>;
export type PublicSiteCollection = InferResponseType<typeof client.api.public.sites.$get, 200>;
export type PublicSiteFeature = PublicSiteCollection['features'][number];
export type SessionInfo = InferResponseType<typeof client.api.session.$get, 200>;
export type AccountUser = InferResponseType<typeof client.api.users.$get, 200>['users'][number];
export type AuditEntry = InferResponseType<typeof client.api.audit.$get, 200>['entries'][number];
export type { SiteUpdate };

/** One problem the API found in a request (a field path and a message). */
export interface ApiIssue {
  path: (string | number)[];
  message: string;
  /** Stable code (zod issue code or import issue code): the UI words it in its own language. */
  code?: string;
}

/** An error answered by the API, carrying its status, code and per-field issues. */
export class ApiRequestError extends Error {
  override name = 'ApiRequestError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
  }
}

/**
 * Reads a client response: its JSON on success, otherwise throws {@link ApiRequestError}
 * with the API's error message (or the HTTP status when the body is not the API's error shape).
 */
export async function unwrap<T>(res: { ok: boolean; status: number; json(): Promise<T> }): Promise<T> {
  if (res.ok) return res.json();
  let body: unknown = null;
  try {
    body = await (res as unknown as Response).json();
  } catch {
    /* not JSON */
  }
  const err = (body as { error?: { code?: string; message?: string; issues?: ApiIssue[] } } | null)?.error;
  if (err?.message) throw new ApiRequestError(err.message, res.status, err.code ?? 'unknown', err.issues ?? []);
  throw new ApiRequestError(`HTTP ${res.status}`, res.status, 'http_error');
}

export type DistrictSummary = InferResponseType<typeof client.api.districts.$get, 200>[number];
export type CityOverview = InferResponseType<typeof client.api.city.overview.$get, 200>;

export const api = {
  districts: async () => unwrap(await client.api.districts.$get()),
  cityOverview: async () => unwrap(await client.api.city.overview.$get()),
  boundary: async () => unwrap(await client.api.boundary.$get()),
  townships: async () => (await unwrap(await client.api.townships.$get())).townships,
  villages: async (township?: string) =>
    (await unwrap(await client.api.villages.$get({ query: township ? { township } : {} }))).villages,
  sources: async () => (await unwrap(await client.api.sources.$get())).sources,
  sites: async () => unwrap(await client.api.sites.$get({ query: {} })),
  publicSites: async () => unwrap(await client.api.public.sites.$get()),
  updateSite: async (id: string, patch: SiteUpdate) =>
    unwrap(await client.api.sites[':id'].$patch({ param: { id }, json: patch })),
  placeVillage: async (code: string, body: VillagePatchInput) =>
    unwrap(await client.api.villages[':code'].$patch({ param: { code }, json: body })),
};
