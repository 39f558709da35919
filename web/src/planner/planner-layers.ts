/**
 * Pure map layers of the planner: the service circles of proposed sites (optimiser results and the
 * open scenario's proposals). Rank numbers are HTML markers (the map has no glyph server).
 */
import { circle } from '@turf/circle';
import { featureCollection } from '@turf/helpers';
import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import type { FeatureCollection, Polygon } from 'geojson';

export const PLANNER_SOURCE = { circles: 'planner-circles' } as const;
export const PLANNER_LAYER = { circlesFill: 'planner-circles-fill', circlesLine: 'planner-circles-line' } as const;

/** Where a proposal comes from: an optimiser run (not saved), the open scenario (draggable) or the scenario it is compared with. */
export type ProposalRole = 'result' | 'scenario' | 'against';

/** Colours of proposals by role: orange for optimiser results, purple for the open scenario (A), teal for B. */
export const PROPOSAL_COLOR: Record<ProposalRole, string> = { result: '#d95f02', scenario: '#7b3294', against: '#1b9e77' };

/** A proposed site as the planner layers draw it. */
export interface ProposalPoint {
  id: string;
  rank: number;
  lng: number;
  lat: number;
  role: ProposalRole;
  /** Straight-line radius of its service circle; null draws none. */
  radiusMeters: number | null;
}

export interface ProposalCircleProps {
  id: string;
  rank: number;
  role: ProposalRole;
  /** The proposal being dragged: drawn with a heavier outline. */
  active: boolean;
}

/**
 * One straight-line service circle (64-gon of the point's `radiusMeters`) per proposal that has a radius.
 * @example proposalCircles([{ id: 'p1', rank: 1, lng: 105.9, lat: 32.6, role: 'result', radiusMeters: 865 }])
 */
export function proposalCircles(points: readonly ProposalPoint[], activeId: string | null = null): FeatureCollection<Polygon, ProposalCircleProps> {
  return featureCollection(
    points.filter((p) => p.radiusMeters).map((p) =>
      circle([p.lng, p.lat], p.radiusMeters! / 1000, {
        steps: 64,
        units: 'kilometers',
        properties: { id: p.id, rank: p.rank, role: p.role, active: p.id === activeId },
      }),
    ),
  );
}

const byRole = (): never =>
  ['match', ['get', 'role'], 'scenario', PROPOSAL_COLOR.scenario, 'against', PROPOSAL_COLOR.against, PROPOSAL_COLOR.result] as never;

/** Fill and dashed outline of the proposal circles, on source {@link PLANNER_SOURCE.circles}. */
export function plannerLayers(): (FillLayerSpecification | LineLayerSpecification)[] {
  return [
    {
      id: PLANNER_LAYER.circlesFill,
      type: 'fill',
      source: PLANNER_SOURCE.circles,
      paint: { 'fill-color': byRole(), 'fill-opacity': ['case', ['get', 'active'], 0.22, 0.12] },
    },
    {
      id: PLANNER_LAYER.circlesLine,
      type: 'line',
      source: PLANNER_SOURCE.circles,
      paint: {
        'line-color': byRole(),
        'line-width': ['case', ['get', 'active'], 2.5, 1.5],
        'line-dasharray': [3, 2],
      },
    },
  ];
}
