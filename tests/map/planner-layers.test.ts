import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../helpers/gbk.ts';
import gcoord from 'gcoord';
import { createExpression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import {
  PLANNER_LAYER, PLANNER_SOURCE, PROPOSAL_COLOR, plannerLayers, proposalCircles, type ProposalPoint,
} from '../../web/src/planner/planner-layers.ts';
import { createLiveCoverage, demandPointsFromFeatures, type DemandFeatureLike } from '../../web/src/planner/live-coverage.ts';
import { parseCandidateCsv } from '../../web/src/planner/candidate-csv.ts';
import { niceScaleBar } from '../../web/src/data/scale-bar.ts';

/** Haversine on the sphere of radius 6,371,008.8 m, written out here (independent of the engine and of Turf). */
function meters(a: number[], b: number[]): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b[1] - a[1]) * rad) / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(((b[0] - a[0]) * rad) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

function paint(layer: LayerSpecification, prop: string, properties: Record<string, unknown>): unknown {
  const value = (layer as { paint?: Record<string, unknown> }).paint?.[prop];
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${layer.type}`][prop];
  const parsed = createExpression(value, prop, spec as never);
  if (parsed.result !== 'success') throw new Error(`${layer.id} ${prop}: ${parsed.value.map((e) => e.message).join('; ')}`);
  return parsed.value.evaluate({ zoom: 10 }, { type: 'Polygon', properties } as never);
}
const hex = (c: unknown) => {
  const { r, g, b } = c as { r: number; g: number; b: number };
  return '#' + [r, g, b].map((x) => Math.round(x * 255).toString(16).padStart(2, '0')).join('');
};

describe('planner layers', () => {
  it('are valid MapLibre layers on the planner source, with no text (no glyph server)', () => {
    const style: StyleSpecification = {
      version: 8,
      sources: { [PLANNER_SOURCE.circles]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
      layers: plannerLayers(),
    };
    expect(validateStyleMin(style)).toEqual([]);
    expect(plannerLayers().map((l) => l.id)).toEqual([PLANNER_LAYER.circlesFill, PLANNER_LAYER.circlesLine]);
    for (const l of plannerLayers()) expect(l.type).not.toBe('symbol');
  });

  it('colour circles by role and draw the dragged one heavier', () => {
    const [fill, line] = plannerLayers();
    expect(hex(paint(fill, 'fill-color', { role: 'result', active: false }))).toBe(PROPOSAL_COLOR.result);
    expect(hex(paint(fill, 'fill-color', { role: 'scenario', active: false }))).toBe(PROPOSAL_COLOR.scenario);
    expect(hex(paint(line, 'line-color', { role: 'against', active: false }))).toBe(PROPOSAL_COLOR.against);
    expect(new Set(Object.values(PROPOSAL_COLOR)).size).toBe(3);
    expect(paint(line, 'line-width', { role: 'scenario', active: true })).toBe(2.5);
    expect(paint(line, 'line-width', { role: 'scenario', active: false })).toBe(1.5);
    expect(paint(fill, 'fill-opacity', { role: 'result', active: true })).toBeGreaterThan(paint(fill, 'fill-opacity', { role: 'result', active: false }) as number);
  });

  it('draw one closed circle of the given radius per proposal, marking only the active one', () => {
    const points: ProposalPoint[] = [
      { id: 'a', rank: 1, lng: 105.89, lat: 32.65, role: 'scenario', radiusMeters: 865 },
      { id: 'b', rank: 2, lng: 106.05, lat: 32.7, role: 'scenario', radiusMeters: 865 },
    ];
    const fc = proposalCircles(points, 'b');
    expect(fc.features.map((f) => [f.properties.id, f.properties.rank, f.properties.active])).toEqual([['a', 1, false], ['b', 2, true]]);
    fc.features.forEach((f, i) => {
      const ring = f.geometry.coordinates[0];
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(ring.length).toBe(65);
      for (const v of ring) expect(Math.abs(meters(v, [points[i].lng, points[i].lat]) - 865)).toBeLessThan(1);
    });
    expect(proposalCircles([]).features).toEqual([]);
  });

  it('draws each proposal with its own radius (scenarios A and B may differ in minutes) and none without one', () => {
    const fc = proposalCircles([
      { id: 'a', rank: 1, lng: 105.89, lat: 32.65, role: 'scenario', radiusMeters: 865 },
      { id: 'vs-b', rank: 1, lng: 106.05, lat: 32.7, role: 'against', radiusMeters: 577 },
      { id: 'r', rank: 1, lng: 106.0, lat: 32.6, role: 'result', radiusMeters: null },
    ]);
    expect(fc.features.map((f) => [f.properties.id, f.properties.role])).toEqual([['a', 'scenario'], ['vs-b', 'against']]);
    expect(Math.abs(meters(fc.features[1].geometry.coordinates[0][0], [106.05, 32.7]) - 577)).toBeLessThan(1);
  });
});

describe('live coverage for dragging', () => {
  // Five demand points on the meridian 106° E, 500 m apart (0.0044966° of latitude ≈ 500 m), in two townships.
  const dLat = 500 / 111194.93;
  const feats: DemandFeatureLike[] = [10, 20, 30, 40, 50].map((population, i) => ({
    geometry: { coordinates: [106, 32.6 + i * dLat] },
    properties: { population, olderPopulation: population / 10, townshipCode: i < 3 ? 'T1' : 'T2' },
  }));
  const travel = { radiusMeters: 600, speedKmh: 4.5, detourFactor: 1.3 };

  it('turns demand features into engine demand points', () => {
    const d = demandPointsFromFeatures([...feats, { geometry: { coordinates: [106.1, 32.6] }, properties: { population: 5, olderPopulation: 1, townshipCode: null } }]);
    expect([...d.population]).toEqual([10, 20, 30, 40, 50, 5]);
    expect(d.townshipCodes).toEqual(['T1', 'T2']);
    expect([...d.townshipIndex]).toEqual([0, 0, 0, 1, 1, -1]);
    expect(d.lng[5]).toBe(106.1);
  });

  it('recounts covered people as a proposal moves (worked by hand)', () => {
    const demand = demandPointsFromFeatures(feats);
    // A facility on point 0 reaches points 0 and 1 (0 and 500 m; 1000 m is beyond 600 m).
    const live = createLiveCoverage(demand, [{ id: 'p', kind: 'point', lng: 106, lat: 32.6, townshipCode: 'T1' }], travel);
    expect(live.numbers()).toMatchObject({ covered: 30, olderCovered: 3, townships: { T1: 30, T2: 0 } });
    expect(live.numbers().share).toBeCloseTo(30 / 150, 12);
    // Moved onto point 3: reaches points 2, 3, 4 (500, 0, 500 m).
    expect(live.move('p', 106, 32.6 + 3 * dLat)).toMatchObject({ covered: 120, townships: { T1: 30, T2: 90 } });
    // Moved 2 km east: nobody.
    expect(live.move('p', 106.03, 32.6)).toMatchObject({ covered: 0, townships: { T1: 0, T2: 0 } });
  });

  it('counts a person reached by two sites once', () => {
    const demand = demandPointsFromFeatures(feats);
    const live = createLiveCoverage(demand, [
      { id: 'a', kind: 'point', lng: 106, lat: 32.6, townshipCode: 'T1' },
      { id: 'b', kind: 'point', lng: 106, lat: 32.6 + dLat, townshipCode: 'T1' },
    ], travel);
    // a: points 0, 1; b: points 0, 1, 2 → 10 + 20 + 30.
    expect(live.numbers().covered).toBe(60);
    expect(live.move('b', 106, 32.6 + 4 * dLat).covered).toBe(10 + 20 + 40 + 50);
  });
});

describe('candidate list CSV', () => {
  it('reads a GBK file with a Chinese header and converts GCJ-02 to WGS-84', () => {
    const wgs: [number, number][] = [[105.889, 32.6512], [106.0123, 32.7001]];
    const gcj = wgs.map((p) => gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as [number, number]);
    const text = `名称,经度,纬度\r\n文化站,${gcj[0][0]},${gcj[0][1]}\r\n"村委会, 老楼",${gcj[1][0]},${gcj[1][1]}\r\n坏行,abc,32.6\r\n`;
    const bytes = encodeGbk(text);
    const list = parseCandidateCsv(bytes, 'gcj02');
    expect(list.encoding).toBe('GB18030');
    expect(list.header).toBe(true);
    expect(list.candidates.map((c) => c.name)).toEqual(['文化站', '村委会, 老楼']);
    list.candidates.forEach((c, i) => expect(meters([c.lng, c.lat], wgs[i])).toBeLessThan(0.2));
    // GCJ-02 here is hundreds of metres off WGS-84, so the conversion did something.
    expect(meters(gcj[0], wgs[0])).toBeGreaterThan(100);
    expect(list.problems).toEqual([{ row: 4, message: expect.stringContaining('abc') }]);
  });

  it('takes lng, lat, name in that order when there is no header, and keeps WGS-84 as given', () => {
    const list = parseCandidateCsv(new TextEncoder().encode('105.9,32.65,甲\n106.0,32.7\n200,32,乙\n'), 'wgs84');
    expect(list.header).toBe(false);
    expect(list.encoding).toBe('UTF-8');
    expect(list.candidates).toEqual([{ lng: 105.9, lat: 32.65, name: '甲' }, { lng: 106, lat: 32.7 }]);
    expect(list.problems.map((p) => p.row)).toEqual([3]);
  });
});

describe('scale bar', () => {
  it('picks the longest 1/2/5 × 10ⁿ length that fits', () => {
    expect(niceScaleBar(10, 120)).toEqual({ meters: 1000, px: 100, label: '1 km' });
    expect(niceScaleBar(10, 99)).toEqual({ meters: 500, px: 50, label: '500 m' });
    expect(niceScaleBar(16, 160)).toEqual({ meters: 2000, px: 125, label: '2 km' });
    expect(niceScaleBar(0.3, 100)).toMatchObject({ meters: 20, label: '20 m' });
    expect(niceScaleBar(400, 150)).toMatchObject({ meters: 50000, label: '50 km' });
    expect(() => niceScaleBar(0, 100)).toThrow();
  });
});
