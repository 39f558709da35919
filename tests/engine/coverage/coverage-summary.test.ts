import { describe, expect, it } from 'vitest';
import { coverageSummary } from '../../../api/src/engine/coverage/coverage-summary';
import { makeDemand, seededRandom } from '../coverage-helpers';

/** The plain loop the summary must equal bit for bit: index order, skipping uncovered points. */
function naive(weights: Float64Array, township: Int32Array, slots: number, covered: ArrayLike<number>) {
  const perTownship = new Array<number>(slots + 1).fill(0);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    if (covered[i] === 0) continue;
    total += weights[i];
    perTownship[township[i] >= 0 && township[i] < slots ? township[i] : slots] += weights[i];
  }
  return { total, perTownship };
}

describe('coverageSummary', () => {
  // Townships in long runs (gridded demand, the one-pass path) and scattered point by point (the grouped path).
  for (const layout of ['runs', 'scattered'] as const) {
    it(`sums fractional weights in index order, total and per township (${layout})`, () => {
      const rnd = seededRandom(layout === 'runs' ? 5 : 6);
      const rows: Array<[number, number, number, number]> = [];
      for (let i = 0; i < 5000; i++) {
        const t = layout === 'runs' ? Math.floor(i / 97) % 5 - 1 : Math.floor(rnd() * 5) - 1;
        rows.push([106 + rnd() * 0.1, 32.6 + rnd() * 0.1, rnd() * 37.3, t]);
      }
      const demand = makeDemand(rows, ['a', 'b', 'c']);
      const counts = Uint16Array.from(rows, () => Math.floor(rnd() * 3));
      const mask = Uint8Array.from(counts, (c) => (c > 0 ? 1 : 0));
      const expected = naive(demand.population, demand.townshipIndex, 3, counts);
      const expectedOlder = naive(demand.olderPopulation, demand.townshipIndex, 3, counts);
      for (const covered of [mask, Uint8Array.from(counts)]) {
        const { totals, perTownship } = coverageSummary(demand, covered);
        expect(totals.covered).toBe(expected.total);
        expect(totals.olderCovered).toBe(expectedOlder.total);
        expect(perTownship.map((t) => t.code)).toEqual(['a', 'b', 'c', null]);
        expect(perTownship.map((t) => t.covered)).toEqual(expected.perTownship);
        expect(perTownship.map((t) => t.olderCovered)).toEqual(expectedOlder.perTownship);
        expect(totals.share).toBe(expected.total / totals.population);
      }
    });
  }
});
