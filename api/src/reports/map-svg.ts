/**
 * A small SVG map for the printed report: the area's outline, its service circles (isochrones), the
 * coverage gaps shaded by population and the sites, fitted to the area's bounding box. Pure: GeoJSON in,
 * SVG text out (equirectangular with the latitude's cosine, fine at township scale).
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** Gap population classes and colours: the same as the map's legend (web/src/coverage/layers.ts). */
export const GAP_BREAKS = [200, 1000, 3000, 10000] as const;
export const GAP_COLORS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const;
export const COVERED_COLOR = '#2f9e6b';
export const KIND_COLORS: Record<string, string> = {
  center: '#b5121b', institute: '#d9480f', station: '#1c7ed6', square: '#7048e8', base: '#2b8a3e', point: '#0c8599', household: '#e67700', volunteer_site: '#c2255c',
};

export const gapClass = (population: number) => GAP_BREAKS.filter((b) => population >= b).length;

export interface MapSvgInput {
  frame: Feature<Polygon | MultiPolygon>[];
  /** Drawn as thin outlines (townships of the district page). */
  outlines?: Feature<Polygon | MultiPolygon>[];
  circles: Feature<Polygon | MultiPolygon>[];
  gaps: Feature<Polygon | MultiPolygon, { population: number }>[];
  sites: { lng: number; lat: number; kind: string; demonstration: boolean }[];
  widthPx: number;
  heightPx: number;
}

function bbox(features: Feature<Polygon | MultiPolygon>[]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (p: Position) => { x0 = Math.min(x0, p[0]); y0 = Math.min(y0, p[1]); x1 = Math.max(x1, p[0]); y1 = Math.max(y1, p[1]); };
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) for (const ring of poly) ring.forEach(visit);
  }
  return [x0, y0, x1, y1];
}

/**
 * @example mapSvg({ frame: [area], circles, gaps, sites, widthPx: 680, heightPx: 330 }) // '<svg …>'
 */
export function mapSvg(input: MapSvgInput): string {
  const [x0, y0, x1, y1] = bbox(input.frame);
  const k = Math.cos(((y0 + y1) / 2) * Math.PI / 180);
  const pad = 8;
  const scale = Math.min((input.widthPx - 2 * pad) / ((x1 - x0) * k || 1), (input.heightPx - 2 * pad) / ((y1 - y0) || 1));
  const ox = (input.widthPx - (x1 - x0) * k * scale) / 2;
  const oy = (input.heightPx - (y1 - y0) * scale) / 2;
  const px = (p: Position) => `${(ox + (p[0] - x0) * k * scale).toFixed(1)},${(oy + (y1 - p[1]) * scale).toFixed(1)}`;
  const path = (f: Feature<Polygon | MultiPolygon>) => {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    return polys.map((poly) => poly.map((ring) => `M${ring.map(px).join('L')}Z`).join('')).join('');
  };
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${input.widthPx}" height="${input.heightPx}" viewBox="0 0 ${input.widthPx} ${input.heightPx}">`);
  parts.push(`<defs><clipPath id="frame"><path d="${input.frame.map(path).join('')}"/></clipPath></defs>`);
  parts.push(`<path d="${input.frame.map(path).join('')}" fill="#f8f9fa" stroke="none"/>`);
  parts.push(`<g clip-path="url(#frame)">`);
  for (const g of input.gaps) parts.push(`<path d="${path(g)}" fill="${GAP_COLORS[gapClass(g.properties.population)]}" fill-opacity="0.85" stroke="none" fill-rule="evenodd"/>`);
  if (input.circles.length) parts.push(`<path d="${input.circles.map(path).join('')}" fill="${COVERED_COLOR}" fill-opacity="0.22" stroke="${COVERED_COLOR}" stroke-opacity="0.6" stroke-width="0.6" fill-rule="nonzero"/>`);
  parts.push('</g>');
  for (const o of input.outlines ?? []) parts.push(`<path d="${path(o)}" fill="none" stroke="#868e96" stroke-width="0.6"/>`);
  parts.push(`<path d="${input.frame.map(path).join('')}" fill="none" stroke="#343a40" stroke-width="1.2"/>`);
  for (const s of input.sites) {
    if (s.lng < x0 - 0.05 || s.lng > x1 + 0.05 || s.lat < y0 - 0.05 || s.lat > y1 + 0.05) continue;
    const [cx, cy] = px([s.lng, s.lat]).split(',');
    const r = s.kind === 'institute' || s.kind === 'center' ? 3.6 : 2.4;
    if (s.demonstration) parts.push(`<circle cx="${cx}" cy="${cy}" r="${r + 1.6}" fill="none" stroke="#f2b600" stroke-width="1.4"/>`);
    parts.push(`<circle cx="${cx}" cy="${cy}" r="${r}" fill="${KIND_COLORS[s.kind] ?? '#495057'}" stroke="#fff" stroke-width="0.6"/>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
