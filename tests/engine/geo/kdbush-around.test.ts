import { describe, expect, it } from 'vitest';
import KDBush from 'kdbush';
import { distance } from '@turf/distance';
import { kdbushAround } from '../../../api/src/engine/geo/kdbush-around';
import { seededRandom } from '../coverage-helpers';

describe('kdbushAround', () => {
  const rnd = seededRandom(7);
  const pts = Array.from({ length: 2000 }, () => [105.6 + rnd() * 0.7, 32.45 + rnd() * 0.45] as [number, number]);
  const index = new KDBush(pts.length, 16);
  for (const [x, y] of pts) index.add(x, y);
  index.finish();

  it('returns the same nearest points as a brute-force Turf scan, nearest first', () => {
    for (let q = 0; q < 50; q++) {
      const query: [number, number] = [105.5 + rnd() * 0.9, 32.4 + rnd() * 0.55];
      const brute = pts.map((p, id) => ({ id, m: distance(query, p, { units: 'kilometers' }) * 1000 })).sort((a, b) => a.m - b.m);
      const { ids, meters } = kdbushAround(index, query[0], query[1], 5);
      expect(ids).toEqual(brute.slice(0, 5).map((b) => b.id));
      meters.forEach((m, k) => expect(m).toBeCloseTo(brute[k].m, 4));
    }
  });

  it('stops at maxMeters and handles an empty request', () => {
    const [x, y] = pts[0];
    const { ids, meters } = kdbushAround(index, x, y, Infinity, 1500);
    const brute = pts.filter((p) => distance([x, y], p, { units: 'kilometers' }) * 1000 <= 1500).length;
    expect(ids.length).toBe(brute);
    expect(ids[0]).toBe(0);
    expect(meters[0]).toBe(0);
    expect(meters.every((m) => m <= 1500)).toBe(true);
    expect(kdbushAround(index, x, y, 0).ids).toEqual([]);
  });
});
