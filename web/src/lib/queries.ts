/**
 * Server state of the web app, held by TanStack Query. Every answer that depends on the district's data
 * (sites, villages, sources, coverage, scenarios and their comparisons) lives under the `['data', …]` key prefix;
 * reference geometry and lists (boundary, townships, township areas, districts, basemaps) under `['ref', …]`; the
 * signed-in account under `['session']`; accounts and
 * settings (admins only) under `['admin', …]`, invalidated by the writes of the accounts page. The API bumps a `dataVersion` on
 * every data change and reports it with coverage answers and some writes: when it changes, or when this browser
 * writes, the `data` queries are invalidated and refetch (only those on screen). Calls go through `lib/api.ts`.
 */
import { QueryClient, type QueryKey } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    // Freshness is driven by the data version and our own writes, not by timers or window focus. Requests are
    // tried even offline ('always'), so the person is told "you are offline" (lib/error-words.ts) instead of waiting.
    queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, networkMode: 'always' },
    mutations: { networkMode: 'always' },
  },
});

/** Query keys, in one place so invalidation matches what the hooks ask for. */
export const keys = {
  boundary: ['ref', 'boundary'] as const,
  townships: ['ref', 'townships'] as const,
  townshipAreas: ['ref', 'township-areas'] as const,
  sites: ['data', 'sites'] as const,
  publicSites: ['data', 'public-sites'] as const,
  villages: ['data', 'villages'] as const,
  sources: ['data', 'sources'] as const,
  coverage: (settings: object) => ['data', 'coverage', settings] as const,
  isochrones: (settings: object) => ['data', 'isochrones', settings] as const,
  scenarios: ['data', 'scenarios'] as const,
  scenario: (id: string) => ['data', 'scenario', id] as const,
  compare: (id: string) => ['data', 'compare', id] as const,
  districts: ['ref', 'districts'] as const,
  /** The basemaps on offer (from the server's configuration; never changes while the page is open). */
  basemaps: ['ref', 'basemaps'] as const,
  /** The signed-in account (GET /api/session), refetched after logging in or out. */
  session: ['session'] as const,
  users: ['admin', 'users'] as const,
  settings: ['admin', 'settings'] as const,
  /** The audit trail (every write adds to it): `audit` matches the filtered lists and the sites' histories. */
  audit: ['data', 'audit'] as const,
  auditList: (filters: Record<string, string>) => ['data', 'audit', 'list', filters] as const,
  siteHistory: (siteId: string, version: string) => ['data', 'audit', 'site', siteId, version] as const,
  activities: (year: number) => ['data', 'leaders', 'activities', year] as const,
  fieldChecks: (year: number) => ['data', 'leaders', 'field-checks', year] as const,
  cityOverview: ['data', 'city-overview'] as const,
  teams: ['data', 'teams'] as const,
  /** Service requests: `requests` matches the inbox lists (by their filters) and the monthly statistics. */
  requests: ['data', 'requests'] as const,
  requestList: (query: Record<string, string>) => ['data', 'requests', 'list', query] as const,
  requestStats: (month: string) => ['data', 'requests', 'stats', month] as const,
  /** A resident's request, by its tracking code (the public app). */
  tracked: (code: string) => ['data', 'track', code] as const,
};

const sameKey = (a: QueryKey, b: QueryKey) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The district data changed (this browser wrote, or the API reported a new data version): every `data` query
 * refetches when next shown, except those listed in `keep` (e.g. the site list the caller already updated).
 */
export function dataChanged(keep: QueryKey[] = []) {
  return queryClient.invalidateQueries({
    queryKey: ['data'],
    predicate: (q) => !keep.some((k) => sameKey(q.queryKey, k)),
  });
}

let lastVersion: number | null = null;
/** Notes the `dataVersion` an answer carried; a change since the last one seen invalidates the `data` queries. */
export function noteDataVersion(version: number, keep: QueryKey[] = []) {
  const changed = lastVersion !== null && version !== lastVersion;
  lastVersion = version;
  if (changed) void dataChanged(keep);
}

/** Everything changed (an import of reference data): all queries refetch. */
export const everythingChanged = () => queryClient.invalidateQueries();
