import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { keys } from '../lib/queries';
import { coverageApi } from '../coverage/api';
import { createPortal } from 'react-dom';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { useI18n } from '../lib/i18n';
import { LAYER } from '../map/ids';
import { useMapOverlay } from '../map/map-overlays';
import type { Volunteers } from './leaders-api';
import { MEASURE_CLASSES, NO_DATA_COLOR, VOLUNTEER_SOURCE, volunteerLayers, type ChoroplethMeasure } from './volunteer-layers';

const pct = (x: number) => `${Math.round(x * 100)}%`;

const LEGEND = { residentRegistration: 'vol.legend', cadreRegistration: 'vol.legendCadreReg', cadreParticipation: 'vol.legendCadrePart' } as const;

/** A volunteer choropleth on the planner map (residents 13%, cadres registered 100% or taking part 80%), with its legend (the target marked). */
export function VolunteerChoropleth({ map, volunteers, show, measure = 'residentRegistration' }: { map: MapLibreMap | null; volunteers: Volunteers | null; show: boolean; measure?: ChoroplethMeasure }) {
  const { t } = useI18n();
  const areas = (useQuery({ queryKey: keys.townshipAreas, queryFn: coverageApi.townshipAreas, enabled: show }).data ?? null) as FeatureCollection | null;

  // The choropleth is a declared overlay (mounted by <MapOverlays>), under the district outline.
  useMapOverlay(useMemo(() => {
    if (!show || !areas || !volunteers) return null;
    const rate = new Map(volunteers.townships.map((x) => [x.code, x.standing[measure].rate]));
    const data: FeatureCollection = {
      type: 'FeatureCollection',
      features: areas.features.map((f) => ({ ...f, properties: { ...f.properties, rate: rate.get(String(f.properties?.code)) ?? null } })),
    };
    return { id: 'volunteer-choropleth', sources: { [VOLUNTEER_SOURCE]: data }, layers: volunteerLayers(measure), beforeLayer: LAYER.districtCasing };
  }, [show, areas, volunteers, measure]));

  if (!map || !show || !volunteers) return null;
  const { breaks, colors, target } = MEASURE_CLASSES[measure];
  const present = volunteers.townships.some((x) => x.standing[measure].rate === null);
  const labels = colors.map((_, i) => (i === 0 ? `< ${pct(breaks[0])}` : i === colors.length - 1 ? `≥ ${pct(breaks[i - 1])}` : `${pct(breaks[i - 1])}–${pct(breaks[i])}`));
  return createPortal(
    <div className="map-legend-card volunteer-legend" data-testid="volunteer-legend" data-measure={measure}>
      <strong>{t(LEGEND[measure])}</strong>
      {colors.map((c, i) => (
        <div key={c} className={`legend-row${breaks[i - 1] === target ? ' target-line' : ''}`} data-target={pct(target)}>
          <span className="legend-swatch" style={{ background: c }} /> {labels[i]}
        </div>
      ))}
      {present && <div className="legend-row"><span className="legend-swatch" style={{ background: NO_DATA_COLOR }} /> {t('vol.legendNoData')}</div>}
    </div>,
    map.getContainer(),
  );
}
