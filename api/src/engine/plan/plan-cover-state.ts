import type { PreparedCoverage } from './plan-check-problem';

/**
 * Incremental coverage of a set of chosen candidates: per demand point the number of chosen sites covering it
 * and the XOR of their indices (so when exactly one site covers a point, `coverXor` is that site).
 * Only open demand (weight > 0, not already covered) matters for gains; counts are kept for all points.
 *
 * @example
 * const state = new PlanCoverState(prepared);
 * state.add(3); // returns the weight site 3 newly covers
 */
export class PlanCoverState {
  readonly coverCount: Uint32Array;
  readonly coverXor: Uint32Array;
  readonly chosenMask: Uint8Array;
  /** Chosen candidates in the order they were added (removals keep the order of the rest). */
  readonly chosen: number[] = [];
  /** Newly covered weight of the chosen set. */
  value = 0;
  /** Marginal-gain evaluations so far. */
  evaluations = 0;

  constructor(private readonly prepared: PreparedCoverage) {
    this.coverCount = new Uint32Array(prepared.demandCount);
    this.coverXor = new Uint32Array(prepared.demandCount);
    this.chosenMask = new Uint8Array(prepared.candidateCount);
  }

  /** Weight that candidate `j` would newly cover (0 if already chosen). */
  gain(j: number): number {
    this.evaluations++;
    if (this.chosenMask[j]) return 0;
    const list = this.prepared.covers[j];
    const w = this.prepared.openWeight;
    const count = this.coverCount;
    let g = 0;
    for (let p = 0; p < list.length; p++) {
      const i = list[p];
      if (count[i] === 0) g += w[i];
    }
    return g;
  }

  /** Weight covered only by chosen site `j` (lost if it were removed). */
  loss(j: number): number {
    const list = this.prepared.covers[j];
    const w = this.prepared.openWeight;
    let l = 0;
    for (let p = 0; p < list.length; p++) {
      const i = list[p];
      if (this.coverCount[i] === 1) l += w[i];
    }
    return l;
  }

  /** Chooses candidate `j`; returns the weight it newly covers. */
  add(j: number): number {
    if (this.chosenMask[j]) throw new Error(`candidate ${j} is already chosen`);
    const list = this.prepared.covers[j];
    const w = this.prepared.openWeight;
    let g = 0;
    for (let p = 0; p < list.length; p++) {
      const i = list[p];
      if (this.coverCount[i]++ === 0) g += w[i];
      this.coverXor[i] ^= j;
    }
    this.chosenMask[j] = 1;
    this.chosen.push(j);
    this.value += g;
    return g;
  }

  /** Removes chosen candidate `j`; returns the weight that becomes uncovered. */
  remove(j: number): number {
    if (!this.chosenMask[j]) throw new Error(`candidate ${j} is not chosen`);
    const list = this.prepared.covers[j];
    const w = this.prepared.openWeight;
    let l = 0;
    for (let p = 0; p < list.length; p++) {
      const i = list[p];
      if (--this.coverCount[i] === 0) l += w[i];
      this.coverXor[i] ^= j;
    }
    this.chosenMask[j] = 0;
    this.chosen.splice(this.chosen.indexOf(j), 1);
    this.value -= l;
    return l;
  }
}
