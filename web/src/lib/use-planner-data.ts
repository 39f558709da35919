import { useCallback } from 'react';
import { useQueries } from '@tanstack/react-query';
import { api, type BoundaryCollection, type DataSource, type SiteCollection, type SiteFeature, type Township, type Village } from './api';
import { dataChanged, everythingChanged, keys, queryClient } from './queries';

export interface PlannerData {
  boundary: BoundaryCollection;
  townships: Township[];
  villages: Village[];
  sources: DataSource[];
  sites: SiteFeature[];
}

/**
 * Everything the map needs, from the query cache. `replaceSite` swaps in a site the API returned after an edit
 * (and lets the data-dependent answers, such as coverage, refetch); `reloadSites` refetches after other writes.
 */
/** The district itself (boundary, townships, villages): the planner and the resident page both start from it. */
export const districtQueries = [
  { queryKey: keys.boundary, queryFn: api.boundary },
  { queryKey: keys.townships, queryFn: api.townships },
  { queryKey: keys.villages, queryFn: () => api.villages() },
] as const;

export function usePlannerData() {
  const results = useQueries({
    queries: [
      ...districtQueries,
      { queryKey: keys.sources, queryFn: api.sources },
      { queryKey: keys.sites, queryFn: api.sites },
    ],
    combine: (r) => {
      const [boundary, townships, villages, sources, sites] = r;
      const data: PlannerData | null =
        boundary.data && townships.data && villages.data && sources.data && sites.data
          ? { boundary: boundary.data, townships: townships.data, villages: villages.data, sources: sources.data, sites: sites.data.features }
          : null;
      return { data, error: r.find((x) => x.error)?.error ?? null };
    },
  });

  const replaceSite = useCallback((site: SiteFeature) => {
    queryClient.setQueryData<SiteCollection>(keys.sites, (d) => (d ? { ...d, features: d.features.map((s) => (s.id === site.id ? site : s)) } : d));
    void dataChanged([keys.sites, keys.villages]);
  }, []);

  /** Hands the map a fresh array (same content), e.g. to undo a drag the API refused. */
  const refreshSites = useCallback(() => {
    queryClient.setQueryData<SiteCollection>(keys.sites, (d) => (d ? { ...d, features: [...d.features] } : d));
  }, []);

  /** Fetches the sites (and what depends on them) again, after an import, a delete or accepted proposals. */
  const reloadSites = useCallback(async () => {
    await dataChanged();
  }, []);

  /** Puts a village the API returned after placing it into the list. */
  const replaceVillage = useCallback((village: Village) => {
    queryClient.setQueryData<Village[]>(keys.villages, (vs) => vs?.map((v) => (v.code === village.code ? village : v)));
  }, []);

  return { ...results, retry: () => void everythingChanged(), replaceSite, refreshSites, reloadSites, replaceVillage };
}
