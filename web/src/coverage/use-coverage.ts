import { useCallback, useEffect, useRef, useState } from 'react';
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
 * isochrones (while on; merged and cut to the district `boundary`) and the focused township. Re-fetches whenever `sites` changes identity, which the
 * planner does after every site edit; the API caches results per data version, so unchanged data is cheap.
 */
export function useCoverage({ sites, boundary, reportWanted, initial }: {
  sites: unknown;
  boundary?: BoundaryCollection | null;
  reportWanted: boolean;
  /** The view to start from (the page's URL). */
  initial?: { settings: CoverageSettings; on: boolean; focus: string | null };
}): CoverageState {
  const [settings, setSettings] = useState<CoverageSettings>(initial?.settings ?? DEFAULT_SETTINGS);
  const [on, setOnState] = useState(initial?.on ?? false);
  const touched = useRef(initial?.on ?? false);
  const [report, setReport] = useState<CoverageReport | null>(null);
  const [reportSettings, setReportSettings] = useState<CoverageSettings | null>(null);
  const [covered, setCovered] = useState<FeatureCollection<Polygon | MultiPolygon> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setErrorText] = useState<string | null>(null);
  const [errorCause, setErrorCause] = useState<unknown>(null);
  const setError = useCallback((e: unknown) => {
    setErrorCause(e);
    setErrorText(e === null ? null : e instanceof Error ? e.message : String(e));
  }, []);
  const [attempt, setAttempt] = useState(0);
  const [focus, setFocus] = useState<string | null>(initial?.focus ?? null);
  const [areas, setAreas] = useState<TownshipAreas | null>(null);
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

  const wantReport = on || reportWanted;
  useEffect(() => {
    if (!wantReport) return;
    let cancelled = false;
    setLoading(true);
    setError(null);
    // A short pause lets several quick edits (or tier clicks) share one request.
    const timer = window.setTimeout(() => {
      coverageApi
        .coverage(settings)
        .then((r) => {
          if (cancelled) return;
          setReport(r);
          setReportSettings(settings);
          setLoading(false);
        })
        .catch((e: unknown) => {
          if (cancelled) return;
          setError(e ?? new Error('unknown error'));
          setLoading(false);
        });
    }, 120);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [wantReport, settings, sites, attempt]);

  const clip = (boundary?.features[0]?.geometry as MultiPolygon | undefined) ?? null;
  useEffect(() => {
    if (!on) return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      coverageApi
        .isochrones(settings)
        .then((fc) => {
          if (!cancelled) setCovered(coveredArea(fc as FeatureCollection<Polygon | MultiPolygon>, clip));
        })
        .catch((e: unknown) => {
          if (!cancelled) setError(e ?? new Error('unknown error'));
        });
    }, 120);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [on, settings, sites, attempt, clip]);

  useEffect(() => {
    if (areas || (focus === null && !reportWanted)) return;
    let cancelled = false;
    coverageApi
      .townshipAreas()
      .then((a) => {
        if (!cancelled) setAreas(a);
      })
      .catch(() => {
        /* the outline is optional: the table still works */
      });
    return () => {
      cancelled = true;
    };
  }, [focus, reportWanted, areas]);

  return {
    settings,
    setSettings,
    on,
    setOn,
    panelOpened,
    report,
    reportSettings,
    covered,
    loading: loading || !sameSettings(reportSettings, settings),
    error,
    errorCause,
    retry: () => setAttempt((a) => a + 1),
    focus,
    setFocus,
    areas,
    gapRequest,
    showGap,
  };
}
