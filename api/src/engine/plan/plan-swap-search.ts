import type { PreparedCoverage } from './plan-check-problem';
import type { PlanCoverState } from './plan-cover-state';

/** Outcome of {@link planSwapSearch}. */
export interface SwapSearchOutcome {
  swapCount: number;
  sweeps: number;
  stoppedBy: 'no-improving-swap' | 'sweep-budget';
}

/**
 * Best-improvement 1-swap local search for maximal covering: each sweep finds the pair (chosen s, unchosen j)
 * whose exchange adds the most newly covered weight and applies it, until no exchange improves or the sweep
 * budget is spent. Township minimums stay met: a site in a township at its minimum is only exchanged for a
 * candidate in the same township.
 *
 * Gain of the exchange, from cover counts: gain(j) − loss(s) + overlap(s, j), where gain(j) is the open weight
 * j covers that no chosen site covers, loss(s) the weight only s covers, and overlap(s, j) the weight only s
 * covers that j also covers (the single coverer of a point is read from the XOR of its coverers' indices).
 * One sweep costs one pass over the cover lists of the candidates whose single gain exceeds the smallest loss
 * plus the best exchange so far (no other candidate can improve).
 *
 * @example
 * const { swapCount } = planSwapSearch(prepared, state, 1000);
 * @see Teitz & Bart 1968 (vertex substitution); Whitaker 1983 (fast interchange bookkeeping).
 */
export function planSwapSearch(prepared: PreparedCoverage, state: PlanCoverState, maxSweeps: number): SwapSearchOutcome {
  const { covers, openWeight: w, singleGain, township, minimums, allowed } = prepared;
  const count = state.coverCount;
  const xor = state.coverXor;
  const tolerance = 1e-9 * Math.max(1, prepared.totalWeight);
  const positionOf = new Int32Array(prepared.candidateCount).fill(-1);
  let swapCount = 0;
  let sweeps = 0;
  while (sweeps < maxSweeps) {
    sweeps++;
    const chosen = state.chosen;
    const p = chosen.length;
    if (p === 0) return { swapCount, sweeps, stoppedBy: 'no-improving-swap' };
    const loss = new Float64Array(p);
    const townshipCount = new Map<number, number>();
    for (let q = 0; q < p; q++) {
      positionOf[chosen[q]] = q;
      loss[q] = state.loss(chosen[q]);
      const t = township[chosen[q]];
      townshipCount.set(t, (townshipCount.get(t) ?? 0) + 1);
    }
    const isTight = (t: number) => minimums.has(t) && townshipCount.get(t)! <= minimums.get(t)!;
    // Cheapest removal among freely removable sites, and per tight township.
    let freeLoss = Infinity;
    let freeQ = -1;
    const tightBest = new Map<number, { loss: number; q: number }>();
    for (let q = 0; q < p; q++) {
      const t = township[chosen[q]];
      if (!isTight(t)) {
        if (loss[q] < freeLoss) { freeLoss = loss[q]; freeQ = q; }
      } else {
        const current = tightBest.get(t);
        if (!current || loss[q] < current.loss) tightBest.set(t, { loss: loss[q], q });
      }
    }
    let minLoss = Infinity;
    for (let q = 0; q < p; q++) minLoss = Math.min(minLoss, loss[q]);
    const overlap = new Float64Array(p);
    const touched: number[] = [];
    let bestDelta = tolerance;
    let bestQ = -1;
    let bestJ = -1;
    for (let j = 0; j < prepared.candidateCount; j++) {
      // gain(j) + overlap(s, j) ≤ singleGain(j) (disjoint parts of j's cover) and loss(s) ≥ minLoss: no better exchange.
      if (!allowed[j] || state.chosenMask[j] || singleGain[j] - minLoss <= bestDelta) continue;
      const list = covers[j];
      let gain = 0;
      for (let k = 0; k < list.length; k++) {
        const i = list[k];
        const wi = w[i];
        if (wi === 0) continue;
        const c = count[i];
        if (c === 0) gain += wi;
        else if (c === 1) {
          const q = positionOf[xor[i]];
          if (overlap[q] === 0) touched.push(q);
          overlap[q] += wi;
        }
      }
      const tj = township[j];
      // Untouched removals: gain − loss; the cheapest removable site bounds them all (touched ones are exact below).
      if (freeQ >= 0 && gain - freeLoss > bestDelta) { bestDelta = gain - freeLoss; bestQ = freeQ; bestJ = j; }
      const tight = tightBest.get(tj);
      if (tight && gain - tight.loss > bestDelta) { bestDelta = gain - tight.loss; bestQ = tight.q; bestJ = j; }
      for (const q of touched) {
        const t = township[chosen[q]];
        if (t === tj || !isTight(t)) {
          const delta = gain - loss[q] + overlap[q];
          if (delta > bestDelta) { bestDelta = delta; bestQ = q; bestJ = j; }
        }
        overlap[q] = 0;
      }
      touched.length = 0;
    }
    for (let q = 0; q < p; q++) positionOf[chosen[q]] = -1;
    if (bestJ < 0) return { swapCount, sweeps, stoppedBy: 'no-improving-swap' };
    state.remove(chosen[bestQ]);
    state.add(bestJ);
    swapCount++;
  }
  return { swapCount, sweeps, stoppedBy: 'sweep-budget' };
}
