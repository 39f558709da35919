import { describe, expect, it } from 'vitest';
import { townshipQuotas } from '../../../api/src/engine/townships/township-quotas';
import type { QuotaSite } from '../../../api/src/engine/types';

const site = (kind: string, townshipCode: string | null, demonstration = false, placed = true): QuotaSite =>
  ({ kind, townshipCode, demonstration, placed });
const times = (k: number, s: QuotaSite) => Array.from({ length: k }, () => ({ ...s }));

describe('townshipQuotas', () => {
  it('checks per-township squares, bases and points, and counts unplaced and demonstration sites', () => {
    const sites = [
      ...times(1, site('square', 'A')), ...times(2, site('base', 'A')), ...times(5, site('point', 'A', false, false)),
      ...times(4, site('base', 'B')), ...times(6, site('point', 'B')),
      site('institute', 'B', true), site('station', 'Z'),
    ];
    const r = townshipQuotas(sites, ['A', 'B']);
    const [a, b] = r.townships;
    expect(a.items.map((i) => [i.kind, i.actual, i.status])).toEqual([
      ['square', 1, 'met'], ['base', 2, 'met'], ['point', 5, 'met'], ['station', 0, 'met'],
    ]);
    expect(a.unplaced).toBe(5);
    expect(b.items.map((i) => [i.kind, i.actual, i.status])).toEqual([
      ['square', 0, 'short'], ['base', 4, 'over'], ['point', 6, 'over'], ['station', 0, 'met'],
    ]);
    expect(b.items[1].required).toEqual({ min: 2, max: 3 });
    expect(b.items[2].required).toEqual({ min: 5, max: 5 });
    expect(b.demonstrationCounts).toEqual({ institute: 1 });
    expect(r.unknownTownshipSites).toBe(1);
  });

  it('applies 8–10 district demonstration stations plus 20% of each township’s remaining stations', () => {
    // T1: 12 stations, 5 demonstration. Own share r = smallest r ≥ ⌈(12 − (5 − r))/5⌉: r = 2 (⌈9/5⌉ = 2),
    //     so 3 are district picks and 2 of the remaining 9 (20% rounded up) are the township's.
    // T2: 12 stations, 3 demonstration: r = 3 (r = 2 would need ⌈11/5⌉ = 3), no district picks.
    // T3: 10 stations, 7 demonstration: r = 1 (⌈(10 − 6)/5⌉ = 1), 6 district picks.
    const sites = [
      ...times(5, site('station', 'T1', true)), ...times(7, site('station', 'T1')),
      ...times(3, site('station', 'T2', true)), ...times(9, site('station', 'T2')),
      ...times(7, site('station', 'T3', true)), ...times(3, site('station', 'T3')),
      ...times(2, site('institute', 'T1', true)), site('institute', 'T2'),
      site('square', null), ...times(4, site('base', null)),
    ];
    const r = townshipQuotas(sites, ['T1', 'T2', 'T3']);
    expect(r.townships.map((t) => t.items[3].required.min)).toEqual([2, 3, 1]);
    expect(r.townships.every((t) => t.items[3].status === 'met')).toBe(true);
    const [square, base, institutes, stations] = r.district.items;
    expect([square.status, base.status]).toEqual(['met', 'met']);
    expect(institutes).toMatchObject({ kind: 'institute', demonstration: true, actual: 2, required: { min: 2, max: 3 }, status: 'met' });
    expect(stations).toMatchObject({ kind: 'station', demonstration: true, actual: 9, required: { min: 8, max: 10 }, status: 'met' });
  });

  it('is short when a township lacks its own share, and over with too many district picks', () => {
    // A: 10 stations, 1 demonstration: needs ⌈10/5⌉ = 2 → short, no picks.
    // B: 4 stations, all demonstration: r = 0 (nothing remains once all 4 are picks) → 4 picks.
    // C: 6 stations, 5 demonstration: r = 0 fails (⌈1/5⌉ = 1), r = 1 holds (⌈2/5⌉ = 1) → 4 picks.
    const sites = [
      ...times(1, site('station', 'A', true)), ...times(9, site('station', 'A')),
      ...times(4, site('station', 'B', true)),
      ...times(5, site('station', 'C', true)), site('station', 'C'),
    ];
    const r = townshipQuotas(sites, ['A', 'B', 'C', 'D']);
    expect(r.townships[0].items[3]).toMatchObject({ actual: 1, required: { min: 2 }, status: 'short' });
    expect(r.townships.map((t) => t.items[3].required.min)).toEqual([2, 0, 1, 0]);
    expect(r.district.items[3]).toMatchObject({ actual: 8, status: 'met' });
    // D: 5 more, all demonstration → 5 more picks, 13 > 10.
    const more = townshipQuotas([...sites, ...times(5, site('station', 'D', true))], ['A', 'B', 'C', 'D']);
    expect(more.district.items[3]).toMatchObject({ actual: 13, status: 'over' });
    expect(townshipQuotas([], ['A']).district.items.map((i) => i.status)).toEqual(['short', 'short', 'short', 'short']);
  });
});
