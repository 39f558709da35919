/**
 * The yearly evaluation (综合评估排位): each unit's raw indicator values become 0–100 scores by a rule,
 * are weighted into a total, and the units are ranked with ties sharing a rank.
 */

export type ScoringRule = 'ratio' | 'threshold' | 'entered';

export interface IndicatorDef {
  id: string;
  group: string;
  weight: number;
  /** ratio/threshold: the target the value is measured against (a share such as 0.13, or a count such as 12). */
  target: number | null;
  rule: ScoringRule;
}

export interface ScoredIndicator { id: string; group: string; value: number | null; target: number | null; rule: ScoringRule; score: number | null; weight: number }

export interface ScoredUnit {
  code: string; name: string;
  /** Weighted mean of the available indicators' scores, 0–100, to 2 decimals; null when none is available. */
  score: number | null;
  rank: number | null;
  indicators: ScoredIndicator[];
  /** Indicators left out for want of a value (their weight is spread over the others). */
  missing: string[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * One value's score: ratio = min(1, value / target) × 100; threshold = 100 when value ≥ target, else 0;
 * entered = the value itself (already a 0–100 score), clipped to 0–100. Null value → null.
 * @example indicatorScore(0.12, { rule: 'ratio', target: 0.13 }) // 92.31
 */
export function indicatorScore(value: number | null, def: Pick<IndicatorDef, 'rule' | 'target'>): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (def.rule === 'entered') return round2(Math.min(100, Math.max(0, value)));
  const target = def.target ?? 0;
  if (def.rule === 'threshold') return value >= target - 1e-12 ? 100 : 0;
  if (target <= 0) return 100;
  return round2(Math.min(1, Math.max(0, value) / target) * 100);
}

/**
 * Scores and ranks units (townships or detachments). Ranking is by total score, highest first; equal
 * totals (to 2 decimals) share the rank and the next rank is skipped (1, 2, 2, 4); units without any
 * value come last with rank null. Order within a tie is by code.
 * @example scoreEvaluation([{ code: 'A', name: '甲', values: { x: 0.13 } }], [{ id: 'x', group: 'g', weight: 1, target: 0.13, rule: 'ratio' }])[0].score // 100
 */
export function scoreEvaluation(units: { code: string; name: string; values: Record<string, number | null> }[], defs: IndicatorDef[]): ScoredUnit[] {
  const scored = units.map((u) => {
    const indicators = defs.map((d) => {
      const value = u.values[d.id] ?? null;
      return { id: d.id, group: d.group, value, target: d.target, rule: d.rule, score: indicatorScore(value, d), weight: d.weight };
    });
    const avail = indicators.filter((i) => i.score !== null && i.weight > 0);
    const w = avail.reduce((n, i) => n + i.weight, 0);
    const score = w > 0 ? round2(avail.reduce((n, i) => n + i.weight * i.score!, 0) / w) : null;
    return { code: u.code, name: u.name, score, rank: null as number | null, indicators, missing: indicators.filter((i) => i.score === null && i.weight > 0).map((i) => i.id) };
  });
  scored.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.code.localeCompare(b.code));
  scored.forEach((u, i) => {
    if (u.score === null) return;
    u.rank = i > 0 && scored[i - 1].score === u.score ? scored[i - 1].rank : i + 1;
  });
  return scored;
}
