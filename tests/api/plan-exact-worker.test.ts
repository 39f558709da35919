import { describe, expect, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';
import { exactSolvesInFlight, runExactInWorker } from '../../api/src/services/run-exact-in-worker.ts';
import type { CoverageProblem } from '../../api/src/engine/plan/index.ts';
import { EngineInputError } from '../../api/src/engine/types.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeApi('plan exact check runs off the main thread', (h) => {
  it('health and sites answer while an exact check is solving; the plan keeps its optimality report', async () => {
    // A 1 s limit: whether HiGHS proves the optimum or stops at the limit, the plan reports which (both are checked below).
    const order: string[] = [];
    const planned = (async () => {
      const res = await h().request('/api/plan', {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ k: 10, minutes: 5, exact: true, exactTimeLimitSeconds: 1 }),
      });
      const body = await res.json();
      order.push('plan');
      return { status: res.status, body };
    })();
    // Wait until the plan (and its exact solve) is running in its worker. Were it run on this thread, no timer could
    // fire while it runs, so the plan would answer first and the assertion below would fail.
    const running = async () => (await (await h().request('/api/health')).json()).jobs.running as number;
    while ((await running()) === 0 && !order.includes('plan')) await sleep(20);
    expect(order).toEqual([]);

    const health = await h().request('/api/health');
    order.push('health');
    const sites = await h().request('/api/sites');
    order.push('sites');
    expect(health.status).toBe(200);
    expect((await health.json()).ok).toBe(true);
    expect(sites.status).toBe(200);

    const { status, body } = await planned;
    expect(order).toEqual(['health', 'sites', 'plan']);
    expect(status).toBe(200);
    expect(body.proposed).toHaveLength(10);
    const o = body.optimality;
    expect(['optimum-known', 'bound']).toContain(o.status);
    expect(['optimal', 'time-limit'], o.note).toContain(o.exactStatus);
    expect(o.status === 'optimum-known').toBe(o.exactStatus === 'optimal');
    expect(o.referenceValue).toBeGreaterThanOrEqual(o.heuristicValue);
    expect(o.exactSeconds).toBeGreaterThan(0);
    expect(exactSolvesInFlight()).toBe(0);
  });
});

/**
 * Four demand points (weights 5, 3, 4, 10) and four candidates: c0 covers {0, 1}, c1 {1, 2}, c2 {3}, c3 {0, 2};
 * c0 and c1 lie in township 0, c2 and c3 in township 1. Worked by hand:
 * - 2 sites: {c2, c3} covers 10 + 5 + 4 = 19 (every other pair covers less: c2+c0 18, c2+c1 17, pairs without c2 ≤ 12).
 * - 2 sites without c3: {c0, c2} = 18.  - 2 sites, at least 2 in township 0: {c0, c1} = 12.
 * - Fewest sites for 50% (11 of 22): no single site reaches 11 (best c2 = 10), {c2, c3} does: 2.
 * - Fewest sites for 100%: point 3 needs c2, point 1 needs c0 or c1, and neither of those also covers both 0 and 2: 3.
 */
const tiny = (): CoverageProblem => ({
  demandWeight: Float64Array.from([5, 3, 4, 10]),
  alreadyCovered: new Uint8Array(4),
  candidateCovers: [Uint32Array.from([0, 1]), Uint32Array.from([1, 2]), Uint32Array.from([3]), Uint32Array.from([0, 2])],
  candidateTownship: Int32Array.from([0, 0, 1, 1]),
  candidateIds: ['c0', 'c1', 'c2', 'c3'],
});

describe('runExactInWorker', () => {
  it('solves maximal covering in the worker with exclusions and township minimums', async () => {
    const best = await runExactInWorker(tiny(), { objective: 'max-coverage', siteCount: 2 });
    expect(best.ok && best.result.status).toBe('optimal');
    if (!best.ok) return;
    expect(best.result.objective).toBeCloseTo(19, 6);
    expect([...best.result.chosenCandidates].sort()).toEqual([2, 3]);
    expect([...best.result.chosenCandidateIds].sort()).toEqual(['c2', 'c3']);

    const excluded = await runExactInWorker(tiny(), { objective: 'max-coverage', siteCount: 2 }, { excludedCandidates: [false, false, false, true] });
    expect(excluded.ok && excluded.result.objective).toBeCloseTo(18, 6);
    const quota = await runExactInWorker(tiny(), { objective: 'max-coverage', siteCount: 2 }, { townshipMinimums: { 0: 2 } });
    expect(quota.ok && [...quota.result.chosenCandidates].sort()).toEqual([0, 1]);
    expect(quota.ok && quota.result.objective).toBeCloseTo(12, 6);
  });

  it('solves fewest sites in the worker', async () => {
    const half = await runExactInWorker(tiny(), { objective: 'min-sites', targetShare: 0.5 });
    expect(half.ok && half.result.status).toBe('optimal');
    expect(half.ok && half.result.objective).toBe(2);
    const all = await runExactInWorker(tiny(), { objective: 'min-sites', targetShare: 1 });
    expect(all.ok && all.result.objective).toBe(3);
  });

  it('passes the engine\'s input errors on as EngineInputError', async () => {
    await expect(runExactInWorker(tiny(), { objective: 'max-coverage', siteCount: -1 })).rejects.toThrow(EngineInputError);
    // The worker survives an input error and keeps answering.
    const next = await runExactInWorker(tiny(), { objective: 'max-coverage', siteCount: 1 });
    expect(next.ok && next.result.objective).toBeCloseTo(10, 6);
  });

  it('reports a failure instead of hanging when the worker cannot start or exceeds the guard time', async () => {
    const missing = await runExactInWorker(tiny(), { objective: 'max-coverage', siteCount: 1 }, {}, { workerEntry: new URL('./no-such-worker.ts', import.meta.url) });
    expect(missing).toMatchObject({ ok: false });
    expect(!missing.ok && missing.message).toMatch(/could not start: [^]*no-such-worker\.ts/);

    const late = await runExactInWorker(tiny(), { objective: 'max-coverage', siteCount: 1 }, {}, { timeoutMs: 1 });
    expect(late).toMatchObject({ ok: false });
    expect(!late.ok && late.message).toMatch(/within 0.001 s; it was stopped/);

    // A later job gets a working worker again.
    const again = await runExactInWorker(tiny(), { objective: 'max-coverage', siteCount: 2 });
    expect(again.ok && again.result.objective).toBeCloseTo(19, 6);
    expect(exactSolvesInFlight()).toBe(0);
  });
});
