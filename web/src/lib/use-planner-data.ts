import { useCallback, useEffect, useState } from 'react';
import { api, type BoundaryCollection, type DataSource, type SiteFeature, type Township, type Village } from './api';

export interface PlannerData {
  boundary: BoundaryCollection;
  townships: Township[];
  villages: Village[];
  sources: DataSource[];
  sites: SiteFeature[];
}

/** Loads everything the map needs once; `replaceSite` swaps in a site the API returned after an edit. */
export function usePlannerData() {
  const [data, setData] = useState<PlannerData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    Promise.all([api.boundary(), api.townships(), api.villages(), api.sources(), api.sites()])
      .then(([boundary, townships, villages, sources, sites]) => {
        if (!cancelled) setData({ boundary, townships, villages, sources, sites: sites.features });
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e ?? new Error('unknown error'));
      });
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const replaceSite = useCallback((site: SiteFeature) => {
    setData((d) => (d ? { ...d, sites: d.sites.map((s) => (s.id === site.id ? site : s)) } : d));
  }, []);

  /** Hands the map a fresh array (same content), e.g. to undo a drag the API refused. */
  const refreshSites = useCallback(() => {
    setData((d) => (d ? { ...d, sites: [...d.sites] } : d));
  }, []);

  /** Fetches the sites again (after an import or after proposals were accepted as planned sites). */
  const reloadSites = useCallback(async () => {
    const fc = await api.sites();
    setData((d) => (d ? { ...d, sites: fc.features } : d));
  }, []);

  return { data, error, retry: () => setAttempt((a) => a + 1), replaceSite, refreshSites, reloadSites };
}
