import { useCallback, useMemo, useRef, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { keys, noteDataVersion } from '../lib/queries';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { coverageApi, DEFAULT_SETTINGS, type CoverageReport, type CoverageSettings, type TownshipAreas } from './api';
import { coveredArea } from './geojson';
import type { BoundaryCollection } from '../lib/api';

export interface CoverageState {
  settings: CoverageSettings;
  setSettings: (s: CoverageSettings) => void;
  /** Coverage drawn on the map (replaces the first-view straight-line circles). */
  on: boolean;
  setOn: (on: boolean) => void;
  /** Called when the coverage panel opens: switches coverage on unless the user switched it off before. */
  panelOpened: () => void;
  /** The latest report and the settings it answers (may lag behind `settings` while loading). */
  report: CoverageReport | null;
  reportSettings: CoverageSettings | null;
  /** Union of the isochrones of the current settings (only fetched while `on`). */
  covered: FeatureCollection<Polygon | MultiPolygon> | null;
  loading: boolean;
  error: string | null;
  /** The error itself (for wording offline / server down / server error). */
  errorCause: unknown;
  retry: () => void;
  /** Township whose area is outlined and zoomed to. */
  focus: string | null;
  setFocus: (code: string | null) => void;
  /** Township areas (fetched once, when first needed). */
  areas: TownshipAreas | null;
  /** The gap the list asked to show (its rank; `nonce` repeats a request for the same gap). */
  gapRequest: { rank: number; nonce: number } | null;
  /** Flies to a gap and opens its popup (switches coverage on). */
  showGap: (rank: number) => void;
}

const sameSettings = (a: CoverageSettings | null, b: CoverageSettings) =>
  !!a && a.mode === b.mode && a.minutes === b.minutes && a.older === b.older;

/**
 * Coverage state for the planner: settings, the report (fetched while the layer is on or `reportWanted`),
 * isochrones (while on; merged and cut to the district `boundary`) and the focused township. Answers are queries
 * under the `data` key prefix, so every site edit (which invalidates them) refetches what is on screen.
 */
export function useCoverage({ boundary, reportWanted, initial }: {
  boundary?: BoundaryCollection | null;
  reportWanted: boolean;
  /** The view to start from (the page's URL). */
  initial?: { settings: CoverageSettings; on: boolean; focus: string | null };
}): CoverageState {
  const [settings, setSettings] = useState<CoverageSettings>(initial?.settings ?? DEFAULT_SETTINGS);
  const [on, setOnState] = useState(initial?.on ?? false);
  const touched = useRef(initial?.on ?? false);
  const [focus, setFocus] = useState<string | null>(initial?.focus ?? null);
  const [gapRequest, setGapRequest] = useState<{ rank: number; nonce: number } | null>(null);
  const showGap = useCallback((rank: number) => {
    touched.current = true;
    setOnState(true);
    setGapRequest((g) => ({ rank, nonce: (g?.nonce ?? 0) + 1 }));
  }, []);

  const setOn = useCallback((v: boolean) => {
    touched.current = true;
    setOnState(v);
  }, []);
  const panelOpened = useCallback(() => {
    if (!touched.current) setOnState(true);
  }, []);

  // The report keeps showing the previous settings' answer while the next one loads (`reportSettings` says which).
  const report = useQuery({
    queryKey: keys.coverage(settings),
    queryFn: async () => {
      const r = await coverageApi.coverage(settings);
      noteDataVersion(r.dataVersion, [keys.coverage(settings)]);
      return { report: r, settings };
    },
    enabled: on || reportWanted,
    placeholderData: keepPreviousData,
  });
  const clip = (boundary?.features[0]?.geometry as MultiPolygon | undefined) ?? null;
  const isochrones = useQuery({
    queryKey: keys.isochrones(settings),
    queryFn: () => coverageApi.isochrones(settings),
    enabled: on,
    placeholderData: keepPreviousData,
  });
  const covered = useMemo(
    () => (isochrones.data ? coveredArea(isochrones.data as FeatureCollection<Polygon | MultiPolygon>, clip) : null),
    [isochrones.data, clip],
  );
  // Township areas are fetched once, when first needed (the outline is optional: the table still works).
  const areas = useQuery({ queryKey: keys.townshipAreas, queryFn: coverageApi.townshipAreas, enabled: focus !== null || reportWanted });

  const errorCause = report.error ?? isochrones.error ?? null;
  const reportSettings = report.data?.settings ?? null;
  return {
    settings,
    setSettings,
    on,
    setOn,
    panelOpened,
    report: report.data?.report ?? null,
    reportSettings,
    covered,
    loading: report.isFetching || !sameSettings(reportSettings, settings),
    error: errorCause === null ? null : errorCause instanceof Error ? errorCause.message : String(errorCause),
    errorCause,
    retry: () => {
      void report.refetch();
      if (on) void isochrones.refetch();
    },
    focus,
    setFocus,
    areas: areas.data ?? null,
    gapRequest,
    showGap,
  };
}
