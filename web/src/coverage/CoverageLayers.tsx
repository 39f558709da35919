import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import * as maplibregl from 'maplibre-gl';
import type { MapMouseEvent } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { SiteFeature, Township } from '../lib/api';
import { useI18n, type I18nKey } from '../lib/i18n';
import { LAYER } from '../map/ids';
import { useMapOverlay } from '../map/map-overlays';
import type { GapCollection } from './api';
import { formatCount, formatMinutes, formatShare } from './format';
import { featureBounds } from './geojson';
import { GapLegend } from './GapLegend';
import { nameLookups } from './names';
import {
  COVERAGE_LAYER,
  COVERAGE_SOURCE,
  COVERAGE_SOURCE_OPTIONS,
  coverageLayers,
  selectedGapFilter,
  townshipFocusFilters,
  townshipFocusLayers,
} from './layers';
import type { CoverageState } from './use-coverage';
import { demandMethodText } from '../../../api/src/schemas/messages';
import { townshipLabel } from '../lib/names';

type GapProps = GapCollection['features'][number]['properties'];

interface Props {
  map: maplibregl.Map | null;
  coverage: CoverageState;
  townships: readonly Township[];
  sites: readonly SiteFeature[];
  /** A site is being placed: map clicks belong to the placing, not to gaps. */
  placing: boolean;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The coverage view on the planner map: adds its sources and layers once the map is ready, keeps their
 * data in step with the coverage state, shows a gap's details on click, outlines and zooms to the focused
 * township, and draws a small legend over the map.
 */
export function CoverageLayers({ map, coverage, townships, sites, placing }: Props) {
  const { t, lang } = useI18n();
  // The legend card starts folded on narrow screens, where it would cover much of the map.
  const [cardOpen, setCardOpen] = useState(() => window.innerWidth >= 800);
  const [gap, setGap] = useState<{ props: GapProps; lngLat: [number, number] } | null>(null);
  const latest = useRef({ placing, report: coverage.report, on: coverage.on });
  latest.current = { placing, report: coverage.report, on: coverage.on };

  // The coverage and township-focus layers are declared overlays (mounted by <MapOverlays>).
  useMapOverlay(useMemo(() => ({
    id: 'coverage',
    sources: {
      [COVERAGE_SOURCE.covered]: coverage.covered ?? EMPTY,
      [COVERAGE_SOURCE.gaps]: (coverage.report?.gaps as FeatureCollection | undefined) ?? EMPTY,
    },
    sourceOptions: COVERAGE_SOURCE_OPTIONS,
    layers: coverageLayers(false),
    beforeLayer: LAYER.districtCasing,
    visible: coverage.on,
    filters: { [COVERAGE_LAYER.gapSelected]: selectedGapFilter(gap?.props.rank ?? null) },
  }), [coverage.covered, coverage.report, coverage.on, gap]));
  useMapOverlay(useMemo(() => ({
    id: 'township-focus',
    sources: { [COVERAGE_SOURCE.townshipAreas]: (coverage.areas as FeatureCollection | null) ?? EMPTY },
    sourceOptions: COVERAGE_SOURCE_OPTIONS,
    layers: townshipFocusLayers(),
    beforeLayer: LAYER.townshipSeats,
    filters: townshipFocusFilters(coverage.focus),
  }), [coverage.areas, coverage.focus]));

  useEffect(() => {
    if (!map) return;

    const onClick = (e: MapMouseEvent) => {
      if (latest.current.placing || !latest.current.on) return;
      const { x, y } = e.point;
      const box: [maplibregl.PointLike, maplibregl.PointLike] = [[x - 5, y - 5], [x + 5, y + 5]];
      if (map.getLayer(LAYER.sites) && map.queryRenderedFeatures(box, { layers: [LAYER.sites] }).length) {
        setGap(null);
        return;
      }
      const hit = map.queryRenderedFeatures([x, y], { layers: [COVERAGE_LAYER.gapFill] })[0];
      const rank = hit ? Number(hit.properties.rank) : null;
      const props = rank === null ? null : latest.current.report?.gaps.features.find((f) => f.properties.rank === rank)?.properties;
      setGap(props ? { props, lngLat: [e.lngLat.lng, e.lngLat.lat] } : null);
    };
    const onEnter = () => {
      if (!latest.current.placing && map.getCanvas().style.cursor === '') map.getCanvas().style.cursor = 'pointer';
    };
    const onLeave = () => {
      if (map.getCanvas().style.cursor === 'pointer') map.getCanvas().style.cursor = '';
    };
    map.on('click', onClick);
    map.on('mouseenter', COVERAGE_LAYER.gapFill, onEnter);
    map.on('mouseleave', COVERAGE_LAYER.gapFill, onLeave);
    return () => {
      map.off('click', onClick);
      map.off('mouseenter', COVERAGE_LAYER.gapFill, onEnter);
      map.off('mouseleave', COVERAGE_LAYER.gapFill, onLeave);
    };
  }, [map]);

  useEffect(() => {
    if (!coverage.on) setGap(null);
  }, [coverage.on]);
  useEffect(() => setGap(null), [coverage.report]);

  // A gap chosen in the list: fly to it and open its popup at its population-weighted centre.
  useEffect(() => {
    const req = coverage.gapRequest;
    if (!map || !req) return;
    const f = coverage.report?.gaps.features.find((x) => x.properties.rank === req.rank);
    if (!f) return;
    const { centerLng, centerLat } = f.properties;
    setGap({ props: f.properties, lngLat: [centerLng, centerLat] });
    const b = featureBounds(f as never);
    if (b) map.fitBounds(b, { padding: 80, maxZoom: 14, duration: 500 });
    else map.flyTo({ center: [centerLng, centerLat], zoom: 13, duration: 500 });
  }, [map, coverage.gapRequest]);

  // The focused township: outline it and fit the map to its area (once per focus change).
  const fitted = useRef<string | null>(null);
  const focusArea = coverage.areas?.features.find((f) => f.properties.code === coverage.focus) ?? null;
  useEffect(() => {
    if (!map) return;
    if (!coverage.focus) {
      fitted.current = null;
      return;
    }
    if (!focusArea || fitted.current === coverage.focus) return;
    fitted.current = coverage.focus;
    const b = featureBounds(focusArea as never);
    // Leave room for the chip and legend card over the map's top-left corner.
    const wide = map.getContainer().clientWidth > 700;
    const left = wide && latest.current.on ? 280 : 40;
    if (b) map.fitBounds(b, { padding: { top: 60, bottom: 50, left, right: 40 }, maxZoom: 13, duration: 700 });
  }, [map, coverage.focus, focusArea]);

  // The gap popup: a MapLibre popup whose content React renders through a portal.
  const popupEl = useMemo(() => document.createElement('div'), []);
  useEffect(() => {
    if (!map || !gap) return;
    const popup = new maplibregl.Popup({ closeButton: true, closeOnClick: false, maxWidth: '300px', className: 'gap-popup' })
      .setLngLat(gap.lngLat)
      .setDOMContent(popupEl)
      .addTo(map);
    const onClose = () => setGap((g) => (g && g.lngLat === gap.lngLat ? null : g));
    popup.on('close', onClose);
    return () => {
      popup.off('close', onClose);
      popup.remove();
    };
  }, [map, gap, popupEl]);

  const { townshipName, siteName } = nameLookups(townships, sites, lang, t('gap.none'));
  const report = coverage.report;
  const focusTownship = townships.find((x) => x.code === coverage.focus);

  return (
    <>
      {gap &&
        createPortal(
          <div className="gap-details" data-testid="gap-popup" data-rank={gap.props.rank}>
            <h4>{t('gap.title', { rank: gap.props.rank })}</h4>
            <dl>
              <dt>{t('gap.population')}</dt>
              <dd data-testid="gap-population">
                {formatCount(gap.props.population)}
                <span className="muted"> · {t('gap.older')} {formatCount(gap.props.olderPopulation)}</span>
              </dd>
              <dt>{t('gap.area')}</dt>
              <dd>{gap.props.areaKm2.toFixed(1)} km²</dd>
              <dt>{t('gap.township')}</dt>
              <dd>
                {townshipName(gap.props.townshipCode)}
                {report?.townships.some((r) => r.approximate) && <span className="muted"> ({t('townships.approximate')})</span>}
              </dd>
              <dt>{t('gap.nearest')}</dt>
              <dd data-testid="gap-nearest">
                {siteName(gap.props.nearestSiteId)}
                {gap.props.nearestMinutes !== null && (
                  <span className="muted"> · {t('gap.nearestMinutes', { minutes: formatMinutes(gap.props.nearestMinutes) })}</span>
                )}
              </dd>
            </dl>
            {report?.demand.modelled && <p className="muted small">{t('gap.modelled')}</p>}
          </div>,
          popupEl,
        )}
      <div className="map-stack">
        {coverage.focus && (
          <div className="focus-chip" data-testid="township-focus" data-approximate={String(!!focusArea?.properties.approximate)}>
            <strong>{focusTownship ? (townshipLabel(focusTownship, lang)) : coverage.focus}</strong>
            {focusArea?.properties.approximate && <span className="muted"> · {t('townships.focusApproximate')}</span>}
            <button type="button" className="icon-button" aria-label={t('townships.clearFocus')} onClick={() => coverage.setFocus(null)}>
              ×
            </button>
          </div>
        )}
        {coverage.on && report && (
          <div className={`map-card coverage-card${cardOpen ? '' : ' collapsed'}`} data-testid="coverage-card">
            <button type="button" className="coverage-card-title" aria-expanded={cardOpen} onClick={() => setCardOpen((o) => !o)}>
              <strong>
                {t('coverage.summary', { minutes: report.minutes, mode: t(`mode.${report.mode}` as I18nKey) })}
                {report.older ? ` · ${t('coverage.olderBadge')}` : ''}
              </strong>
              <span className="coverage-card-share">{formatShare(report.totals.share)}</span>
              <span className="coverage-card-caret" aria-hidden="true">{cardOpen ? '▾' : '▸'}</span>
            </button>
            {cardOpen && (
              <>
                <GapLegend minutes={report.minutes} compact />
                <div className="coverage-card-foot">
                  <span className={`badge ${report.method === 'network' ? 'good' : 'warn'}`}>
                    {t(report.method === 'network' ? 'coverage.method.network' : 'coverage.method.straight')}
                  </span>
                  {report.demand.modelled && (
                    <span className="badge modelled" title={demandMethodText(report.demand, lang)}>
                      {t('coverage.modelled')}
                    </span>
                  )}
                </div>
              </>
            )}
          </div>
        )}
      </div>
    </>
  );
}
