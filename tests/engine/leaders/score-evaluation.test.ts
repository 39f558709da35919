import { describe, expect, it } from 'vitest';
import { indicatorScore, scoreEvaluation, type IndicatorDef } from '../../../api/src/engine/leaders/index.ts';

const defs: IndicatorDef[] = [
  { id: 'reg', group: 'volunteers', weight: 50, target: 0.13, rule: 'ratio' },
  { id: 'days', group: 'activities', weight: 30, target: 12, rule: 'threshold' },
  { id: 'platform', group: 'platform', weight: 20, target: null, rule: 'entered' },
];

describe('indicatorScore', () => {
  it('scores ratio, threshold and entered values as worked by hand', () => {
    expect(indicatorScore(0.065, { rule: 'ratio', target: 0.13 })).toBe(50);
    expect(indicatorScore(0.2, { rule: 'ratio', target: 0.13 })).toBe(100);
    expect(indicatorScore(0.12, { rule: 'ratio', target: 0.13 })).toBe(92.31);
    expect(indicatorScore(11, { rule: 'threshold', target: 12 })).toBe(0);
    expect(indicatorScore(12, { rule: 'threshold', target: 12 })).toBe(100);
    expect(indicatorScore(120, { rule: 'entered', target: null })).toBe(100);
    expect(indicatorScore(null, { rule: 'ratio', target: 0.13 })).toBeNull();
  });
});

describe('scoreEvaluation', () => {
  it('weights the scores and ranks with ties sharing a rank (1, 2, 2, 4), units without data last', () => {
    const r = scoreEvaluation([
      // A: reg 0.13 → 100, days 12 → 100, platform 70 → (5000 + 3000 + 1400) / 100 = 94
      { code: 'A', name: '甲', values: { reg: 0.13, days: 12, platform: 70 } },
      // B: reg 0.065 → 50, days 12 → 100, platform 100 → (2500 + 3000 + 2000) / 100 = 75
      { code: 'B', name: '乙', values: { reg: 0.065, days: 12, platform: 100 } },
      // C: reg 0.13 → 100, days 3 → 0, platform 100 → (5000 + 0 + 2000) / 100 = 70
      { code: 'C', name: '丙', values: { reg: 0.13, days: 3, platform: 100 } },
      // D: reg 0.13 → 100, days 0 → 0, platform missing → (5000 + 0) / 80 = 62.5
      { code: 'D', name: '丁', values: { reg: 0.13, days: 0, platform: null } },
      // E: reg 0.0975 → 75, days 12 → 100, platform 50 → (3750 + 3000 + 1000) / 100 = 77.5
      { code: 'E', name: '戊', values: { reg: 0.0975, days: 12, platform: 50 } },
      // F: reg 0.065 → 50, days 12 → 100, platform 100 → 75, the same as B
      { code: 'F', name: '己', values: { reg: 0.065, days: 12, platform: 100 } },
      { code: 'G', name: '庚', values: {} },
    ], defs);
    expect(r.map((u) => [u.code, u.score, u.rank])).toEqual([
      ['A', 94, 1], ['E', 77.5, 2], ['B', 75, 3], ['F', 75, 3], ['C', 70, 5], ['D', 62.5, 6], ['G', null, null],
    ]);
    expect(r.find((u) => u.code === 'D')!.missing).toEqual(['platform']);
    expect(r[0].indicators[0]).toEqual({ id: 'reg', group: 'volunteers', value: 0.13, target: 0.13, rule: 'ratio', score: 100, weight: 50 });
  });

  it('gives every unit rank 1 when all totals are equal', () => {
    const r = scoreEvaluation([{ code: 'B', name: 'b', values: { platform: 80 } }, { code: 'A', name: 'a', values: { platform: 80 } }], defs);
    expect(r.map((u) => [u.code, u.rank])).toEqual([['A', 1], ['B', 1]]);
  });
});
