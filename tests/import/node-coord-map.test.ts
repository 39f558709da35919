import { describe, expect, it } from 'vitest';
import { NodeCoordMap } from '../../api/src/import/node-coord-map.ts';

describe('NodeCoordMap', () => {
  it('agrees with a JS Map over many ids, including ids above 2^32, while growing', () => {
    const map = new NodeCoordMap(4);
    const ref = new Map<number, [number, number]>();
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 50_000; i++) {
      const id = i % 3 === 0 ? 2 ** 33 + Math.floor(rand() * 1e9) : Math.floor(rand() * 1e7);
      const lng = 105 + rand(), lat = 32 + rand();
      map.set(id, lng, lat);
      ref.set(id, [lng, lat]);
    }
    expect(map.size).toBe(ref.size);
    for (const [id, [lng, lat]] of ref) {
      const i = map.get(id);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(map.lng[i]).toBe(lng);
      expect(map.lat[i]).toBe(lat);
    }
    expect(map.get(123_456_789_012)).toBe(-1);
    expect(map.get(-5)).toBe(-1);
  });
});
