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
import { NO_DATA_COLOR, RATE_BREAKS, RATE_COLORS, VOLUNTEER_SOURCE, volunteerLayers } from './volunteer-layers';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The volunteer registration choropleth on the planner map, with its legend (the 13% target marked). */
export function VolunteerChoropleth({ map, volunteers, show }: { map: MapLibreMap | null; volunteers: Volunteers | null; show: boolean }) {
  const { t } = useI18n();
  const areas = (useQuery({ queryKey: keys.townshipAreas, queryFn: coverageApi.townshipAreas, enabled: show }).data ?? null) as FeatureCollection | null;

  // The choropleth is a declared overlay (mounted by <MapOverlays>), under the district outline.
  useMapOverlay(useMemo(() => {
    if (!show || !areas || !volunteers) return null;
    const rate = new Map(volunteers.townships.map((x) => [x.code, x.standing.residentRegistration.rate]));
    const data: FeatureCollection = {
      type: 'FeatureCollection',
      features: areas.features.map((f) => ({ ...f, properties: { ...f.properties, rate: rate.get(String(f.properties?.code)) ?? null } })),
    };
    return { id: 'volunteer-choropleth', sources: { [VOLUNTEER_SOURCE]: data }, layers: volunteerLayers(), beforeLayer: LAYER.districtCasing };
  }, [show, areas, volunteers]));

  if (!map || !show || !volunteers) return null;
  const present = volunteers.townships.some((x) => x.standing.residentRegistration.rate === null);
  const labels = RATE_COLORS.map((_, i) => (i === 0 ? `< ${pct(RATE_BREAKS[0])}` : i === RATE_COLORS.length - 1 ? `≥ ${pct(RATE_BREAKS[i - 1])}` : `${pct(RATE_BREAKS[i - 1])}–${pct(RATE_BREAKS[i])}`));
  return createPortal(
    <div className="map-legend-card volunteer-legend" data-testid="volunteer-legend">
      <strong>{t('vol.legend')}</strong>
      {RATE_COLORS.map((c, i) => (
        <div key={c} className={`legend-row${RATE_BREAKS[i - 1] === 0.13 ? ' target-line' : ''}`}>
          <span className="legend-swatch" style={{ background: c }} /> {labels[i]}
        </div>
      ))}
      {present && <div className="legend-row"><span className="legend-swatch" style={{ background: NO_DATA_COLOR }} /> {t('vol.legendNoData')}</div>}
    </div>,
    map.getContainer(),
  );
}
