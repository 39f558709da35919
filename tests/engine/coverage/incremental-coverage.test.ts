import { describe, expect, it } from 'vitest';
import { createIncrementalCoverage } from '../../../api/src/engine/coverage/incremental-coverage';
import { coverageFromReach } from '../../../api/src/engine/coverage/coverage-from-reach';
import { createStraightLineReach } from '../../../api/src/engine/coverage/create-straight-line-reach';
import { straightLineReach } from '../../../api/src/engine/coverage/straight-line-reach';
import { EngineInputError } from '../../../api/src/engine/types';
import type { Facility } from '../../../api/src/engine/types';
import { makeDemand, randomDemand, randomFacilities, seededRandom } from '../coverage-helpers';

const opts = { radiusMeters: 2000, speedKmh: 4.5, detourFactor: 1.3 };

describe('createIncrementalCoverage', () => {
  it('equals a full recompute after every one of 300 random moves, additions and removals (seeded)', () => {
    const box: [number, number, number, number] = [106.0, 32.55, 106.25, 32.75];
    const demand = randomDemand(3000, 31, box);
    let facilities = randomFacilities(30, 32, box);
    const live = createIncrementalCoverage(demand, facilities, createStraightLineReach(demand, opts));
    const rnd = seededRandom(33);
    let next = 1000;
    for (let step = 0; step < 300; step++) {
      const roll = rnd();
      const before = live.perTownship();
      let update;
      if (roll < 0.7 && facilities.length > 0) {
        const k = Math.floor(rnd() * facilities.length);
        const lng = box[0] + rnd() * (box[2] - box[0]), lat = box[1] + rnd() * (box[3] - box[1]);
        update = live.moveFacility(facilities[k].id, lng, lat);
        facilities[k] = { ...facilities[k], lng, lat };
      } else if (roll < 0.85 || facilities.length === 0) {
        const f: Facility = { id: `n${next++}`, kind: 'point', townshipCode: null, lng: box[0] + rnd() * 0.25, lat: box[1] + rnd() * 0.2 };
        update = live.addFacility(f);
        facilities = [...facilities, f];
      } else {
        const k = Math.floor(rnd() * facilities.length);
        update = live.removeFacility(facilities[k].id);
        facilities = facilities.filter((_, j) => j !== k);
      }
      const full = coverageFromReach(demand, facilities, straightLineReach(demand, facilities, opts));
      expect(Array.from(live.coverCount)).toEqual(Array.from(full.coverCount));
      expect(update.totals.covered).toBeCloseTo(full.totals.covered, 6);
      expect(update.totals.olderCovered).toBeCloseTo(full.totals.olderCovered, 6);
      expect(update.totals.share).toBeCloseTo(full.totals.share, 9);
      const after = live.perTownship();
      after.forEach((t, j) => expect(t.covered).toBeCloseTo(full.perTownship[j].covered, 6));
      // Every township whose covered population moved is reported.
      const changed = new Set(update.changedTownships.map((t) => t.code));
      after.forEach((t, j) => { if (Math.abs(t.covered - before[j].covered) > 1e-9) expect(changed.has(t.code)).toBe(true); });
    }
    expect(live.facilities().length).toBe(facilities.length);
  });

  it('reports the townships a move touches (hand-worked) and rejects unknown or duplicate ids', () => {
    // Two points 10 km apart in townships a and b; radius 2 km; the site moves from a's point to b's.
    const demand = makeDemand([[106.0, 32.6, 10, 0], [106.0, 32.69, 20, 1]], ['a', 'b']);
    const live = createIncrementalCoverage(demand, [{ id: 's', kind: 'point', lng: 106, lat: 32.6, townshipCode: null }],
      createStraightLineReach(demand, opts));
    expect(live.totals().covered).toBe(10);
    const u = live.moveFacility('s', 106.0, 32.69);
    expect(u.totals.covered).toBe(20);
    expect(u.changedTownships.map((t) => [t.code, t.covered])).toEqual([['a', 0], ['b', 20]]);
    expect(live.removeFacility('s').totals.covered).toBe(0);
    expect(() => live.moveFacility('s', 106, 32.6)).toThrow(EngineInputError);
    live.addFacility({ id: 'x', kind: 'point', lng: 106, lat: 32.6, townshipCode: null });
    expect(() => live.addFacility({ id: 'x', kind: 'point', lng: 106, lat: 32.6, townshipCode: null })).toThrow(EngineInputError);
    expect(() => live.moveFacility('x', NaN, 32.6)).toThrow(EngineInputError);
    expect(live.totals().covered).toBe(10); // failed move left the state unchanged
  });
});
