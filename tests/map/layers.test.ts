import { describe, expect, it } from 'vitest';
import { createExpression, featureFilter, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { SITE_KINDS, SITE_STATUSES } from '../../api/src/schemas/sites.ts';
import { backgroundStyle, overlayLayers, overlaySources, plannerStyle } from '../../web/src/map/layers/base-style.ts';
import { siteFilter, siteLayers, symbolRadiusAtZoom } from '../../web/src/map/layers/site-layers.ts';
import { KIND_STYLE } from '../../web/src/map/layers/site-kind-style.ts';
import { circleLayers } from '../../web/src/map/layers/circle-layers.ts';
import { boundaryLayers } from '../../web/src/map/layers/boundary-layers.ts';
import { townshipLayers } from '../../web/src/map/layers/township-layers.ts';
import { LAYER, SOURCE } from '../../web/src/map/ids.ts';

type Props = Record<string, unknown>;
const point = (properties: Props) => ({ type: 'Point' as const, properties });

/** Evaluates one paint property of a layer for a feature with the style-spec's own expression engine. */
function paint(layer: LayerSpecification, prop: string, properties: Props, zoom = 10): unknown {
  const value = (layer as { paint?: Record<string, unknown> }).paint?.[prop];
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${layer.type}`][prop];
  const parsed = createExpression(value, prop, spec as never);
  if (parsed.result !== 'success') throw new Error(`${layer.id} ${prop}: ${parsed.value.map((e) => e.message).join('; ')}`);
  return parsed.value.evaluate({ zoom }, point(properties));
}
const hex = (c: unknown) => {
  const { r, g, b, a } = c as { r: number; g: number; b: number; a: number };
  return '#' + [r, g, b].map((x) => Math.round((x / a) * 255).toString(16).padStart(2, '0')).join('');
};
const passes = (filter: unknown, properties: Props) =>
  featureFilter(filter as never, 'filter').filter({ zoom: 10 }, point(properties));

describe('planner style', () => {
  it('is a valid MapLibre style with no tile, glyph or sprite server', () => {
    const style = plannerStyle();
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
    expect(validateStyleMin(backgroundStyle())).toEqual([]);
  });

  it('has unique layer ids, each layer on one of its own sources, and no text symbols', () => {
    const layers = plannerStyle().layers;
    const ids = layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sources = Object.keys(overlaySources());
    expect(sources.sort()).toEqual(Object.values(SOURCE).sort());
    for (const l of layers) {
      if (l.type === 'background') continue;
      expect(sources).toContain((l as { source: string }).source);
      expect(l.type).not.toBe('symbol');
    }
  });

  it('draws sites above circles and the district outline above the mask', () => {
    const ids = overlayLayers().map((l) => l.id);
    const at = (id: string) => ids.indexOf(id);
    expect(at(LAYER.mask)).toBeLessThan(at(LAYER.circlesFill));
    expect(at(LAYER.circlesFill)).toBeLessThan(at(LAYER.districtLine));
    expect(at(LAYER.districtLine)).toBeLessThan(at(LAYER.sites));
    expect(at(LAYER.siteHalo)).toBeLessThan(at(LAYER.sites));
    expect(ids[ids.length - 1]).toBe(LAYER.sites);
  });

  it('layer functions are pure: two calls give equal, unshared objects', () => {
    for (const fn of [siteLayers, () => circleLayers(true), boundaryLayers, townshipLayers]) {
      const a = fn();
      const b = fn();
      expect(a).toEqual(b);
      expect(a[0]).not.toBe(b[0]);
    }
  });

  it('hides the circles when asked', () => {
    expect(circleLayers(false).every((l) => l.layout?.visibility === 'none')).toBe(true);
    expect(circleLayers(true).every((l) => l.layout?.visibility === 'visible')).toBe(true);
  });
});

describe('site symbols', () => {
  const main = siteLayers().find((l) => l.id === LAYER.sites)!;

  it('gives each of the 8 kinds its own colour and the centre the largest symbol', () => {
    const colours = SITE_KINDS.map((kind) => hex(paint(main, 'circle-color', { kind, status: 'existing' })));
    expect(new Set(colours).size).toBe(8);
    const radius = (kind: string) => paint(main, 'circle-radius', { kind, status: 'existing' }) as number;
    for (const k of SITE_KINDS) if (k !== 'center') expect(radius('center')).toBeGreaterThan(radius(k));
    expect(radius('institute')).toBeGreaterThan(radius('station'));
    expect(radius('station')).toBeGreaterThan(radius('household'));
  });

  it('symbolRadiusAtZoom matches the radius MapLibre evaluates (used to place HTML labels beside symbols)', () => {
    for (const zoom of [6, 8, 9, 10, 11.5, 13, 14, 17]) {
      for (const kind of SITE_KINDS) {
        const drawn = paint(main, 'circle-radius', { kind, status: 'existing' }, zoom) as number;
        expect(symbolRadiusAtZoom(KIND_STYLE[kind].radiusPx, zoom)).toBeCloseTo(drawn, 6);
      }
    }
  });

  it('draws smaller symbols on top of larger ones', () => {
    const layout = main.layout as Record<string, unknown>;
    const spec = (latest as unknown as Record<string, Record<string, unknown>>).layout_circle['circle-sort-key'];
    const parsed = createExpression(layout['circle-sort-key'], 'circle-sort-key', spec as never);
    if (parsed.result !== 'success') throw new Error('bad sort key');
    const key = (kind: string) => parsed.value.evaluate({ zoom: 10 }, point({ kind })) as number;
    expect(key('household')).toBeGreaterThan(key('station'));
    expect(key('station')).toBeGreaterThan(key('institute'));
    expect(key('institute')).toBeGreaterThan(key('center'));
  });

  it('grows with zoom', () => {
    const r = (zoom: number) => paint(main, 'circle-radius', { kind: 'station', status: 'existing' }, zoom) as number;
    expect(r(8)).toBeLessThan(r(10));
    expect(r(10)).toBeLessThan(r(14));
  });

  it('draws existing sites filled and planned/proposed sites hollow in the kind colour', () => {
    const filled = hex(paint(main, 'circle-color', { kind: 'station', status: 'existing' }));
    expect(filled).not.toBe('#ffffff');
    for (const status of ['planned', 'proposed']) {
      expect(hex(paint(main, 'circle-color', { kind: 'station', status }))).toBe('#ffffff');
      expect(hex(paint(main, 'circle-stroke-color', { kind: 'station', status }))).toBe(filled);
    }
    expect(paint(main, 'circle-opacity', { kind: 'station', status: 'proposed' })).toBeLessThan(1);
    expect(paint(main, 'circle-opacity', { kind: 'station', status: 'existing' })).toBe(1);
  });

  it('rings demonstration sites only', () => {
    const ring = siteLayers().find((l) => l.id === LAYER.siteDemoRing)!;
    expect(passes(ring.filter, { demonstration: true })).toBe(true);
    expect(passes(ring.filter, { demonstration: false })).toBe(false);
  });

  it('shows no selection halo until a site is selected', () => {
    const halo = siteLayers().find((l) => l.id === LAYER.siteHalo)!;
    expect(passes(halo.filter, { id: 'center-510812' })).toBe(false);
  });
});

describe('siteFilter', () => {
  const station = { id: 's1', kind: 'station', status: 'existing', townshipCode: '510812100' };
  const center = { id: 'c', kind: 'center', status: 'existing', townshipCode: null };
  const plannedPoint = { id: 'p', kind: 'point', status: 'planned', townshipCode: '510812101' };
  const everything = { kinds: [...SITE_KINDS], statuses: [...SITE_STATUSES], township: null };

  it('passes every site when nothing is filtered out', () => {
    for (const f of [station, center, plannedPoint]) expect(passes(siteFilter(everything), f)).toBe(true);
  });

  it('filters by kind and status', () => {
    const f = siteFilter({ ...everything, kinds: ['station', 'point'], statuses: ['existing'] });
    expect(passes(f, station)).toBe(true);
    expect(passes(f, center)).toBe(false);
    expect(passes(f, plannedPoint)).toBe(false);
    expect(passes(siteFilter({ ...everything, kinds: [] }), station)).toBe(false);
  });

  it('filters by township; the district centre (no township) drops out', () => {
    const f = siteFilter({ ...everything, township: '510812100' });
    expect(passes(f, station)).toBe(true);
    expect(passes(f, center)).toBe(false);
    expect(passes(f, plannedPoint)).toBe(false);
  });
});
