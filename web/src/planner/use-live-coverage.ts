import { useCallback, useEffect, useRef, useState } from 'react';
import type { DemandPoints, Facility } from '../../../api/src/engine/types';
import type { SiteFeature } from '../lib/api';
import { plannerApi, type Scenario } from './planner-api';
import { queryOptions } from '@tanstack/react-query';
import { queryClient } from '../lib/queries';
import { createLiveCoverage, demandPointsFromFeatures, type LiveCoverage, type LiveNumbers, type StraightLineTravel } from './live-coverage';

/** The demand points of GET /api/demand, fetched once per demand set (`key` changes when another set is active). */
export function loadDemand(key: string): Promise<DemandPoints> {
  return queryClient.fetchQuery({
    queryKey: ['data', 'demand', key],
    queryFn: async () => {
      const d = await plannerApi.demand();
      return demandPointsFromFeatures(d.features, d.demand.name);
    },
  });
}

/** The query of the straight-line radius, speed and detour factor the API uses for a mode and time (GET /api/coverage, method straight-line). */
export const straightLineTravelQuery = (mode: 'walk' | 'bike' | 'car', minutes: number, older: boolean) =>
  queryOptions({
    queryKey: ['ref', 'travel', mode, minutes, older],
    queryFn: async (): Promise<StraightLineTravel> => {
      const r = await plannerApi.coverage({ mode, minutes: String(minutes), older: older ? 'true' : 'false', method: 'straight-line' });
      return { radiusMeters: r.radiusMeters!, speedKmh: r.speedKmh, detourFactor: r.detourFactor! };
    },
  });

/** Straight-line travel for a mode and time, from the cache when known. */
export const loadStraightLineTravel = (mode: 'walk' | 'bike' | 'car', minutes: number, older: boolean) =>
  queryClient.fetchQuery(straightLineTravelQuery(mode, minutes, older));

/** Placed sites with the statuses that count as coverage, as engine facilities. */
export function networkFacilities(sites: readonly SiteFeature[], statuses: readonly string[] = ['existing', 'planned']): Facility[] {
  return sites
    .filter((s) => s.geometry && statuses.includes(s.properties.status))
    .map((s) => ({
      id: s.properties.id, kind: s.properties.kind, townshipCode: s.properties.townshipCode,
      lng: s.geometry!.coordinates[0], lat: s.geometry!.coordinates[1],
    }));
}

/**
 * Live straight-line coverage of the network plus the open scenario's proposals, recomputed in the
 * browser as a proposal is dragged. `demandKey` identifies the active demand set.
 */
export function useLiveCoverage(scenario: Scenario | null, sites: readonly SiteFeature[], demandKey: string | null) {
  const [numbers, setNumbers] = useState<LiveNumbers | null>(null);
  const [travel, setTravel] = useState<StraightLineTravel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const live = useRef<LiveCoverage | null>(null);

  useEffect(() => {
    live.current = null;
    setNumbers(null);
    if (!scenario || demandKey === null) return;
    let cancelled = false;
    Promise.all([loadDemand(demandKey), loadStraightLineTravel(scenario.mode, scenario.minutes, scenario.older)])
      .then(([demand, tr]) => {
        if (cancelled) return;
        const proposals: Facility[] = scenario.sites
          .filter((s) => !s.acceptedSiteId)
          .map((s) => ({ id: s.id, kind: s.kind, lng: s.lng, lat: s.lat, townshipCode: s.townshipCode }));
        live.current = createLiveCoverage(demand, [...networkFacilities(sites), ...proposals], tr);
        setTravel(tr);
        setNumbers(live.current.numbers());
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [scenario, sites, demandKey]);

  const move = useCallback((id: string, lng: number, lat: number) => {
    if (live.current) setNumbers(live.current.move(id, lng, lat));
  }, []);

  return { numbers, travel, error, move };
}
