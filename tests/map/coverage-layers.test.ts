import { describe, expect, it } from 'vitest';
import { createExpression, featureFilter, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { area } from '@turf/area';
import { circle } from '@turf/circle';
import { destination } from '@turf/destination';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, Polygon } from 'geojson';
import { backgroundStyle } from '../../web/src/map/layers/base-style.ts';
import {
  COVERAGE_LAYER, coverageLayers, coverageSources, gapClass, gapColor, GAP_BREAKS, GAP_COLORS, NO_MATCH, selectedGapFilter,
  townshipFocusFilters, townshipFocusLayers,
} from '../../web/src/coverage/layers.ts';
import { coveredArea, featureBounds } from '../../web/src/coverage/geojson.ts';
import {
  formatCount, formatMeters, formatMinutes, formatShare, quotaItemText, quotaProblems, requiredText,
} from '../../web/src/coverage/format.ts';
import { sortTownships } from '../../web/src/coverage/township-sort.ts';
import type { TownshipRow } from '../../web/src/coverage/api.ts';
import { pointFeature, RESIDENT_LAYER, residentLayers, residentSources, routeFeatures } from '../../web/src/resident/layers.ts';
import { searchPlaces } from '../../web/src/resident/search.ts';

type Props = Record<string, unknown>;
const polygonAt = (properties: Props) => ({ type: 'Polygon' as const, properties });

function paint(layer: LayerSpecification, prop: string, properties: Props, zoom = 10): unknown {
  const value = (layer as { paint?: Record<string, unknown> }).paint?.[prop];
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${layer.type}`][prop];
  const parsed = createExpression(value, prop, spec as never);
  if (parsed.result !== 'success') throw new Error(`${layer.id} ${prop}: ${parsed.value.map((e) => e.message).join('; ')}`);
  return parsed.value.evaluate({ zoom }, polygonAt(properties));
}
const hex = (c: unknown) => {
  const { r, g, b, a } = c as { r: number; g: number; b: number; a: number };
  return '#' + [r, g, b].map((x) => Math.round((x / a) * 255).toString(16).padStart(2, '0')).join('');
};
const passes = (filter: unknown, properties: Props, type: 'Polygon' | 'LineString' = 'Polygon') =>
  featureFilter(filter as never, 'filter').filter({ zoom: 10 }, { type, properties } as never);

const coverageStyle = (): StyleSpecification => {
  const base = backgroundStyle();
  return {
    ...base,
    sources: { ...coverageSources(), ...residentSources() },
    layers: [...base.layers, ...coverageLayers(true), ...townshipFocusLayers(), ...residentLayers()],
  };
};

describe('coverage and resident layers', () => {
  it('form a valid MapLibre style with unique ids, on their own sources, with no servers or text symbols', () => {
    const style = coverageStyle();
    expect(validateStyleMin(style)).toEqual([]);
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of style.layers.slice(1)) {
      expect(Object.keys(style.sources)).toContain((l as { source: string }).source);
      expect(l.type).not.toBe('symbol');
    }
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
  });

  it('are pure: two calls give equal, unshared objects', () => {
    for (const fn of [() => coverageLayers(true), townshipFocusLayers, residentLayers, coverageSources, residentSources]) {
      const a = fn();
      const b = fn();
      expect(a).toEqual(b);
      expect(Object.values(a)[0]).not.toBe(Object.values(b)[0]);
    }
  });

  it('draw the covered fill below the gaps and the selected-gap outline on top', () => {
    const ids = coverageLayers().map((l) => l.id);
    expect(ids.indexOf(COVERAGE_LAYER.coveredFill)).toBeLessThan(ids.indexOf(COVERAGE_LAYER.gapFill));
    expect(ids[ids.length - 1]).toBe(COVERAGE_LAYER.gapSelected);
  });

  it('hide every coverage layer when switched off', () => {
    expect(coverageLayers(false).every((l) => l.layout?.visibility === 'none')).toBe(true);
    expect(coverageLayers(true).every((l) => l.layout?.visibility === 'visible')).toBe(true);
  });
});

describe('gap colours', () => {
  const fill = coverageLayers().find((l) => l.id === COVERAGE_LAYER.gapFill)!;
  // Classes worked out from the breaks 200 / 1000 / 3000 / 10000 (lower bound inclusive).
  const cases: [number, number][] = [
    [0, 0], [9, 0], [199.9, 0], [200, 1], [999, 1], [1000, 2], [2999, 2], [3000, 3], [9999, 3], [10000, 4], [28794, 4],
  ];

  it('graduate by population at the class breaks', () => {
    expect(GAP_BREAKS).toEqual([200, 1000, 3000, 10000]);
    expect(GAP_COLORS).toHaveLength(GAP_BREAKS.length + 1);
    for (const [population, cls] of cases) {
      expect(gapClass(population), String(population)).toBe(cls);
      expect(hex(paint(fill, 'fill-color', { population })), String(population)).toBe(GAP_COLORS[cls]);
    }
  });

  it('use five distinct colours that get darker with more residents', () => {
    expect(new Set(GAP_COLORS).size).toBe(5);
    const lightness = GAP_COLORS.map((c) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    });
    for (let i = 1; i < lightness.length; i++) expect(lightness[i]).toBeLessThan(lightness[i - 1]);
    expect(gapColor()[0]).toBe('step');
  });

  it('outline only the selected gap', () => {
    expect(passes(selectedGapFilter(3), { rank: 3 })).toBe(true);
    expect(passes(selectedGapFilter(3), { rank: 4 })).toBe(false);
    expect(passes(selectedGapFilter(null), { rank: 1 })).toBe(false);
    expect(passes(NO_MATCH, { code: '' })).toBe(false);
  });
});

describe('township focus', () => {
  const f = townshipFocusFilters('510812101');
  it('outlines the focused township, dashed when its area is approximate', () => {
    const approx = { code: '510812101', approximate: true };
    const exact = { code: '510812101', approximate: false };
    expect(passes(f[COVERAGE_LAYER.focusFill], approx)).toBe(true);
    expect(passes(f[COVERAGE_LAYER.focusLineApproximate], approx)).toBe(true);
    expect(passes(f[COVERAGE_LAYER.focusLine], approx)).toBe(false);
    expect(passes(f[COVERAGE_LAYER.focusLine], exact)).toBe(true);
    expect(passes(f[COVERAGE_LAYER.focusLineApproximate], exact)).toBe(false);
    expect(passes(f[COVERAGE_LAYER.focusFill], { code: '510812100', approximate: true })).toBe(false);
    const dashed = townshipFocusLayers().find((l) => l.id === COVERAGE_LAYER.focusLineApproximate)!;
    expect((dashed.paint as Record<string, unknown>)['line-dasharray']).toBeDefined();
  });

  it('shows nothing without a focus', () => {
    for (const filter of Object.values(townshipFocusFilters(null))) expect(passes(filter, { code: '510812101', approximate: true })).toBe(false);
    expect(Object.keys(f).sort()).toEqual(townshipFocusLayers().map((l) => l.id).sort());
  });
});

describe('resident layers', () => {
  const results = [
    { id: 'a', route: { type: 'LineString' as const, coordinates: [[0, 0], [1, 1]] } },
    { id: 'b', route: null },
    { id: 'c', route: { type: 'LineString' as const, coordinates: [[0, 0], [2, 2]] } },
  ];

  it('turns results into ranked route features, skipping results without a route', () => {
    const fc = routeFeatures(results, 'straight-line', 'c');
    expect(fc.features.map((f) => f.properties)).toEqual([
      { siteId: 'a', rank: 1, method: 'straight-line', selected: false },
      { siteId: 'c', rank: 3, method: 'straight-line', selected: true },
    ]);
    expect(routeFeatures(results, 'network', null).features.every((f) => f.properties.method === 'network')).toBe(true);
  });

  it('draws the selected route dashed for a straight-line estimate and solid along roads', () => {
    const layers = residentLayers();
    const straight = layers.find((l) => l.id === RESIDENT_LAYER.routeStraight)!;
    const road = layers.find((l) => l.id === RESIDENT_LAYER.routeRoad)!;
    expect((straight.paint as Record<string, unknown>)['line-dasharray']).toBeDefined();
    expect((road.paint as Record<string, unknown>)['line-dasharray']).toBeUndefined();
    const line = (p: Props) => [passes(straight.filter, p, 'LineString'), passes(road.filter, p, 'LineString')];
    expect(line({ method: 'straight-line', selected: true })).toEqual([true, false]);
    expect(line({ method: 'network', selected: true })).toEqual([false, true]);
    expect(line({ method: 'straight-line', selected: false })).toEqual([false, false]);
  });

  it('draws an approximate point hollow', () => {
    const point = residentLayers().find((l) => l.id === RESIDENT_LAYER.point)!;
    expect(hex(paint(point, 'circle-color', { approximate: true }))).toBe('#ffffff');
    expect(hex(paint(point, 'circle-color', { approximate: false }))).not.toBe('#ffffff');
    expect(pointFeature(null).features).toEqual([]);
    expect(pointFeature({ lng: 105.9, lat: 32.6, approximate: true }).features[0]).toEqual({
      type: 'Feature', geometry: { type: 'Point', coordinates: [105.9, 32.6] }, properties: { approximate: true },
    });
  });
});

describe('covered area', () => {
  const r = 865; // metres, the 15-minute walking radius
  const centre: [number, number] = [105.9, 32.65];
  const disc = (c: [number, number]) => circle(c, r / 1000, { steps: 256, units: 'kilometers' });
  const fc = (...ps: ReturnType<typeof disc>[]) => ({ type: 'FeatureCollection', features: ps }) as FeatureCollection<Polygon>;

  it('merges overlapping circles: area = 2πr² − lens (closed-form for two circles at distance d)', () => {
    const d = 1000;
    const other = destination(centre, d / 1000, 90, { units: 'kilometers' }).geometry.coordinates as [number, number];
    const merged = coveredArea(fc(disc(centre), disc(other)));
    expect(merged.features).toHaveLength(1);
    expect(merged.features[0].geometry.coordinates).toHaveLength(1); // one polygon
    const lens = 2 * r * r * Math.acos(d / (2 * r)) - (d / 2) * Math.sqrt(4 * r * r - d * d);
    const expected = 2 * Math.PI * r * r - lens;
    expect(Math.abs(area(merged.features[0]) - expected) / expected).toBeLessThan(0.003);
  });

  it('keeps disjoint circles as separate polygons and returns nothing for no isochrones', () => {
    const far = destination(centre, 5, 0, { units: 'kilometers' }).geometry.coordinates as [number, number];
    const merged = coveredArea(fc(disc(centre), disc(far)));
    expect(merged.features[0].geometry.coordinates).toHaveLength(2);
    expect(Math.abs(area(merged.features[0]) - 2 * Math.PI * r * r) / (2 * Math.PI * r * r)).toBeLessThan(0.003);
    expect(coveredArea(fc()).features).toEqual([]);
  });

  it('cuts the covered area to the district: a circle halved by a boundary through its centre', () => {
    const [x, y] = centre;
    const eastHalf: Polygon = { type: 'Polygon', coordinates: [[[x, y - 1], [x + 1, y - 1], [x + 1, y + 1], [x, y + 1], [x, y - 1]]] };
    const clipped = coveredArea(fc(disc(centre)), eastHalf);
    const half = (Math.PI * r * r) / 2;
    expect(Math.abs(area(clipped.features[0]) - half) / half).toBeLessThan(0.005);
    for (const ring of (clipped.features[0].geometry as { coordinates: number[][][][] }).coordinates.flat())
      for (const [lng] of ring) expect(lng).toBeGreaterThanOrEqual(x - 1e-12);
  });
});

describe('feature bounds', () => {
  it('spans every ring of a multipolygon, holes included', () => {
    const f = {
      type: 'Feature' as const,
      properties: {},
      geometry: {
        type: 'MultiPolygon' as const,
        coordinates: [
          [[[105.8, 32.5], [106.0, 32.5], [106.0, 32.7], [105.8, 32.5]], [[105.9, 32.55], [105.95, 32.55], [105.95, 32.6], [105.9, 32.55]]],
          [[[106.1, 32.8], [106.3, 32.9], [106.2, 32.95], [106.1, 32.8]]],
        ],
      },
    };
    expect(featureBounds(f)).toEqual([105.8, 32.5, 106.3, 32.95]);
    expect(featureBounds(null)).toBeNull();
    expect(featureBounds({ type: 'Feature', properties: {}, geometry: null })).toBeNull();
  });
});

describe('formatting', () => {
  it('formats counts, shares, minutes and distances', () => {
    expect(formatCount(126506)).toBe('126,506');
    expect(formatCount(7965.6)).toBe('7,966');
    expect(formatShare(0.063)).toBe('6.3%');
    expect(formatShare(0.0215)).toBe('2.2%'); // half rounds up (0.0215 × 100 is 2.1499… in floating point)
    expect(formatShare(1)).toBe('100.0%');
    expect(formatShare(null)).toBe('—');
    expect(formatMinutes(12.4)).toBe('12');
    expect(formatMinutes(0.2)).toBe('1');
    expect(formatMinutes(166.5)).toBe('170');
    expect(formatMeters(284)).toBe('280 m');
    expect(formatMeters(12487)).toBe('12.5 km');
  });

  it('writes quota requirements and items', () => {
    expect(requiredText({ min: 5, max: 5 })).toBe('5');
    expect(requiredText({ min: 2, max: 3 })).toBe('2–3');
    expect(requiredText({ min: 6 })).toBe('≥6');
    const base = { kind: 'base', demonstration: false, required: { min: 2, max: 3 }, actual: 0, status: 'short' };
    const demo = { kind: 'station', demonstration: true, required: { min: 6 }, actual: 7, status: 'met' };
    const over = { kind: 'square', demonstration: false, required: { min: 1, max: 1 }, actual: 2, status: 'over' };
    expect(quotaItemText(base, 'zh')).toBe('基地 0/2–3');
    expect(quotaItemText(demo, 'zh')).toBe('示范站 7/≥6');
    expect(quotaItemText(demo, 'en')).toBe('demo stations 7/≥6');
    expect(quotaProblems([base, demo, over])).toEqual({ short: [base], over: [over] });
  });
});

describe('township sorting', () => {
  const row = (code: string, share: number | null, olderCovered = 0, olderPopulation = 0) =>
    ({ code, name: code, nameEn: code, population: 100, covered: 0, share, olderCovered, olderPopulation, quota: [], unplaced: 0 }) as unknown as TownshipRow;
  const rows = [row('3', 0.2, 1, 10), row('1', null), row('2', 0.5, 5, 10), row('4', 0.2, 4, 10)];

  it('sorts by a column either way, nulls last, ties by township code', () => {
    expect(sortTownships(rows, 'share', true).map((r) => r.code)).toEqual(['2', '3', '4', '1']);
    expect(sortTownships(rows, 'share', false).map((r) => r.code)).toEqual(['3', '4', '2', '1']);
    expect(sortTownships(rows, 'olderShare', true).map((r) => r.code)).toEqual(['2', '4', '3', '1']);
    expect(sortTownships(rows, 'code', false).map((r) => r.code)).toEqual(['1', '2', '3', '4']);
  });
});

describe('place search', () => {
  const villages = [
    { code: '510812100001', name: '明月路社区居民委员会', shortName: '明月路社区', townshipCode: '510812100', lng: null, lat: null },
    { code: '510812100008', name: '明月村村民委员会', shortName: '明月村', townshipCode: '510812100', lng: null, lat: null },
    { code: '510812101003', name: '新明村村民委员会', shortName: '新明村', townshipCode: '510812101', lng: 105.9, lat: 32.7 },
  ];
  const townships = [
    { code: '510812100', name: '朝天镇', nameEn: 'Chaotian', seat: { lng: 105.88, lat: 32.64 } },
    { code: '510812101', name: '大滩镇', nameEn: 'Datan', seat: null },
  ];

  it('finds names starting with the query first, then names containing it', () => {
    expect(searchPlaces('明', villages, townships).map((p) => p.name)).toEqual(['明月路社区', '明月村', '新明村']);
    expect(searchPlaces('明月路', villages, townships).map((p) => p.code)).toEqual(['510812100001']);
    expect(searchPlaces('  ', villages, townships)).toEqual([]);
  });

  it('finds townships by Chinese or English name, with their seat', () => {
    expect(searchPlaces('datan', villages, townships)).toEqual([
      { kind: 'township', code: '510812101', name: '大滩镇', townshipCode: '510812101', lng: null, lat: null },
    ]);
    expect(searchPlaces('朝天', villages, townships)[0]).toMatchObject({ kind: 'township', lng: 105.88, lat: 32.64 });
  });

  it('names townships in the page language (English names from the data), villages in Chinese', () => {
    expect(searchPlaces('datan', villages, townships, 8, 'en').map((p) => p.name)).toEqual(['Datan']);
    expect(searchPlaces('明月', villages, townships, 8, 'en').map((p) => p.name)).toEqual(['明月路社区', '明月村']);
  });
});
