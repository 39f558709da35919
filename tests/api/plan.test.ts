import { expect, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';

describeApi('plan API', (h) => {
  const plan = async (body: Record<string, unknown>) => {
    const res = await h().request('/api/plan', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };

  it('k new sites: gains add up to after − before, ranked, all inside townships', async () => {
    const { status, body } = await plan({ k: 5 });
    expect(status).toBe(200);
    expect(body.objective).toBe('max-coverage');
    expect(body.method).toBe('straight-line');
    expect(body.proposed.map((p: { rank: number }) => p.rank)).toEqual([1, 2, 3, 4, 5]);
    const gains = body.proposed.map((p: { marginalGain: number }) => p.marginalGain);
    expect([...gains].sort((a: number, b: number) => b - a)).toEqual(gains);
    const sum = gains.reduce((a: number, b: number) => a + b, 0);
    expect(Math.abs(body.after.covered - body.before.covered - sum)).toBeLessThanOrEqual(5);
    expect(body.proposed.every((p: { townshipCode: string | null }) => p.townshipCode !== null)).toBe(true);
    expect(body.optimality.referenceValue).toBeGreaterThanOrEqual(body.optimality.heuristicValue);
  });

  it('with exact=true it reports the HiGHS optimum and the heuristic is within 1% of it', async () => {
    // One township's candidates and 5-minute circles keep the MILP small (HiGHS proves it in well under a second);
    // the API reports HiGHS's optimum and the heuristic's share of it.
    const { body } = await plan({ k: 4, minutes: 5, township: '510812101', exact: true });
    expect(body.optimality.status).toBe('optimum-known');
    expect(body.optimality.gap).toBeLessThanOrEqual(0.01);
    expect(body.optimality.referenceValue).toBeGreaterThanOrEqual(body.optimality.heuristicValue);
    expect(Math.abs(body.optimality.heuristicValue - (body.after.covered - body.before.covered))).toBeLessThanOrEqual(5);
  });

  it('reports bound, bound method, gap and method for both objectives', async () => {
    const k = (await plan({ k: 3 })).body.optimality;
    expect(k.boundKind).toBe('upper');
    expect(['lagrangian', 'greedy-online', 'reachable-weight']).toContain(k.boundMethod);
    expect(k.bound).toBeGreaterThanOrEqual(k.heuristicValue);
    expect(k.gap).toBeCloseTo((k.bound - k.heuristicValue) / k.bound, 3);
    expect(k.method).toMatch(/Lagrangian/);
    // The note as a stable code with its numbers, for the UI to word in its language.
    expect(k.noteCode).toBe('bound');
    expect(k.noteParams).toMatchObject({ reference: k.bound, gap: k.gap, boundMethod: k.boundMethod });
    expect(k.noteParams.reached).toBeCloseTo(1 - k.gap, 4);
    // 10%: a few sites (20% takes ~20 and ~5 CPU-seconds for the same report).
    const share = (await plan({ targetShare: 0.1 })).body.optimality;
    expect(share.boundKind).toBe('lower');
    expect(share.bound).toBeLessThanOrEqual(share.heuristicValue);
    expect(share.gap).toBeGreaterThanOrEqual(0);
    expect(share.method).toMatch(/redundant/);
    expect(['min-proven', 'min-bound']).toContain(share.noteCode);
    expect(share.noteParams).toMatchObject({ target: 0.1, lowerBound: share.bound, boundMethod: share.boundMethod });
  });

  it('township scope keeps every new site in the township; candidate lists are honoured', async () => {
    const { body } = await plan({ k: 3, township: '510812101' });
    expect(body.proposed.every((p: { townshipCode: string }) => p.townshipCode === '510812101')).toBe(true);
    const candidates = [{ name: '村委会A', lng: 105.88, lat: 32.65 }, { name: '小学B', lng: 105.9, lat: 32.66 }];
    const r = await plan({ k: 1, candidates });
    expect(r.body.proposed).toHaveLength(1);
    expect(['村委会A', '小学B']).toContain(r.body.proposed[0].name);
    expect(r.body.candidateSource).toBe('planner list');
    expect(r.body.candidateSourceCode).toBe('list');
  });

  it('exclusion areas keep sites out', async () => {
    const first = (await plan({ k: 1 })).body.proposed[0];
    const d = 0.01;
    const box = { type: 'Polygon', coordinates: [[[first.lng - d, first.lat - d], [first.lng + d, first.lat - d], [first.lng + d, first.lat + d], [first.lng - d, first.lat + d], [first.lng - d, first.lat - d]]] };
    const again = (await plan({ k: 1, exclusions: [box] })).body.proposed[0];
    expect(Math.abs(again.lng - first.lng) > d || Math.abs(again.lat - first.lat) > d).toBe(true);
  });

  it('fewest sites for a target share, and a clear answer when unreachable', async () => {
    const ok = (await plan({ targetShare: 0.1 })).body;
    expect(ok.reachable).toBe(true);
    expect(ok.after.share).toBeGreaterThanOrEqual(0.1 - 1e-4);
    expect(ok.before.share).toBeLessThan(0.1); // so sites had to be added to reach it
    expect(ok.proposed.length).toBeGreaterThan(0);
    // Only two candidates cannot reach 90%.
    const no = (await plan({ targetShare: 0.9, candidates: [{ lng: 105.88, lat: 32.65 }, { lng: 105.9, lat: 32.66 }] })).body;
    expect(no.reachable).toBe(false);
    expect(no.maxShare).toBeLessThan(0.9);
    expect(no.message).toMatch(/\d/);
    expect(no.optimality).toMatchObject({ noteCode: 'unreachable', noteParams: { target: 0.9 } });
    expect(no.optimality.noteParams.maxShare).toBeCloseTo(no.maxShare, 4);
    expect(no.proposed).toEqual([]);
  });

  it('bad requests: both or neither of k/targetShare, candidates outside the district, unknown township', async () => {
    expect((await plan({ k: 2, targetShare: 0.5 })).status).toBe(400);
    expect((await plan({})).status).toBe(400);
    const out = await plan({ k: 1, candidates: [{ lng: 104.06, lat: 30.67 }] });
    expect(out.status).toBe(422);
    expect(out.body.error.issues[0].path).toEqual(['candidates', 0]);
    expect((await plan({ k: 1, township: '510812999' })).status).toBe(422);
  });
});
