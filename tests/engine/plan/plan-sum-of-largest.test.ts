import { describe, expect, it } from 'vitest';
import { planSumOfLargest } from '../../../api/src/engine/plan/plan-sum-of-largest';
import { seededRandom } from '../../fixtures/plan-instances';

describe('planSumOfLargest', () => {
  it('sums the largest values', () => {
    expect(planSumOfLargest([3, 9, 1, 7], 2)).toBe(16);
    expect(planSumOfLargest([3, 9], 5)).toBe(12);
    expect(planSumOfLargest([3, 9], 0)).toBe(0);
  });

  it('matches sort-and-sum on random arrays', () => {
    const rand = seededRandom(9);
    for (let n = 0; n < 200; n += 7) {
      const values = Array.from({ length: n }, () => Math.floor(rand() * 1000));
      const k = Math.floor(rand() * 30);
      const expected = [...values].sort((a, b) => b - a).slice(0, k).reduce((a, b) => a + b, 0);
      expect(planSumOfLargest(values, k)).toBe(expected);
    }
  });
});
