import { expect, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';

describeApi('scenarios API', (h) => {
  async function gapPoints(n: number) {
    // The most populous uncovered demand points: each is in a gap of the current network.
    const c = h().client;
    const cov = await (await c.api.coverage.$get({ query: {} })).json();
    const demand = await (await c.api.demand.$get()).json();
    const sites = (await (await c.api.sites.$get({ query: { placed: 'true' } })).json()).features;
    const far = (p: number[]) => sites.every((s) => Math.hypot((s.geometry!.coordinates[0] - p[0]) * 94, (s.geometry!.coordinates[1] - p[1]) * 111) > 3 * cov.radiusMeters! / 1000);
    const picked: number[][] = [];
    for (const f of [...demand.features].sort((a, b) => b.properties.population - a.properties.population)) {
      const p = f.geometry.coordinates;
      if (far(p) && picked.every((q) => Math.hypot((q[0] - p[0]) * 94, (q[1] - p[1]) * 111) > 3 * cov.radiusMeters! / 1000)) picked.push(p);
      if (picked.length === n) break;
    }
    return picked;
  }

  it('creates a scenario, compares before/after, accepts one proposal as a planned site, then discards', async () => {
    const c = h().client;
    const [p1, p2] = await gapPoints(2);
    const created = await c.api.scenarios.$post({
      json: { name: '方案一', sites: [{ name: '拟建点A', lng: p1[0], lat: p1[1] }, { name: '拟建点B', kind: 'square', lng: p2[0], lat: p2[1] }] },
    });
    expect(created.status).toBe(201);
    const s = await created.json();
    expect(s.sites.map((x) => [x.name, x.rank])).toEqual([['拟建点A', 1], ['拟建点B', 2]]);
    expect(s.sites.every((x) => x.townshipCode !== null)).toBe(true);

    const cmp = await (await c.api.scenarios[':id'].compare.$get({ param: { id: s.id }, query: {} })).json();
    expect(cmp.after.covered).toBeGreaterThan(cmp.before.covered);
    // Proposals far apart and in gaps: gains add up to the whole gain, each equal to what it newly covers.
    const sumGain = cmp.proposed.reduce((t, p) => t + p.marginalGain, 0);
    expect(Math.abs(sumGain - cmp.gain.covered)).toBeLessThanOrEqual(2);
    for (const p of cmp.proposed) expect(p.marginalGain).toBe(p.newlyCovered);
    const twGain = cmp.townships.reduce((t, x) => t + x.gain, 0);
    expect(Math.abs(twGain - cmp.gain.covered)).toBeLessThanOrEqual(12);
    // Quotas with the proposals built: a square meets the township's "≥ 1 square"; building never creates a shortfall.
    const squareTw = cmp.townships.find((x) => x.code === s.sites[1].townshipCode)!;
    expect(squareTw.quotaShort.after).not.toContain('square');
    for (const x of cmp.townships) for (const k of x.quotaShort.after) expect(x.quotaShort.before).toContain(k);

    const acc = await (await c.api.scenarios[':id'].accept.$post({ param: { id: s.id }, json: { siteIds: [s.sites[0].id] } })).json();
    expect(acc.accepted).toHaveLength(1);
    const planned = await (await c.api.sites[':id'].$get({ param: { id: acc.accepted[0] } })).json();
    expect(planned.properties).toMatchObject({ status: 'planned', name: '拟建点A', kind: 'point', placed: true });
    // The accepted site is now part of the network: only B remains a proposal, and "before" includes A.
    const cmp2 = await (await c.api.scenarios[':id'].compare.$get({ param: { id: s.id }, query: {} })).json();
    expect(cmp2.proposed.map((p) => p.name)).toEqual(['拟建点B']);
    expect(Math.abs(cmp2.before.covered - (cmp.before.covered + cmp.proposed[0].marginalGain))).toBeLessThanOrEqual(1);

    expect((await c.api.scenarios[':id'].$delete({ param: { id: s.id } })).status).toBe(200);
    expect((await c.api.scenarios[':id'].$get({ param: { id: s.id } })).status).toBe(404);
    // Discarding the scenario keeps the accepted site.
    expect((await c.api.sites[':id'].$get({ param: { id: acc.accepted[0] } })).status).toBe(200);
  });

  it('refuses proposals outside the district and unknown proposal ids, writing nothing', async () => {
    const c = h().client;
    const before = (await (await c.api.scenarios.$get()).json()).scenarios.length;
    const bad = await c.api.scenarios.$post({ json: { name: 'x', sites: [{ name: '成都', lng: 104.06, lat: 30.67 }] } });
    expect(bad.status).toBe(422);
    expect((await (await c.api.scenarios.$get()).json()).scenarios.length).toBe(before);
    const s = await (await c.api.scenarios.$post({ json: { name: 'y' } })).json();
    const r = await c.api.scenarios[':id'].accept.$post({ param: { id: s.id }, json: { siteIds: ['p_nope'] } });
    expect(r.status).toBe(422);
    expect((await h().request('/api/scenarios', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":""}' })).status).toBe(400);
  });

  it('un-accepts a proposal while its planned site is untouched (audited), and refuses with 409 once the site was changed', async () => {
    const c = h().client;
    const [p1] = await gapPoints(1);
    const s = await (await c.api.scenarios.$post({ json: { name: '方案撤回', sites: [{ name: '拟建点C', lng: p1[0], lat: p1[1] }] } })).json();
    const proposal = s.sites[0].id;
    const acc = await (await c.api.scenarios[':id'].accept.$post({ param: { id: s.id }, json: {} })).json();
    const planned = acc.accepted[0];

    const back = await c.api.scenarios[':id'].unaccept.$post({ param: { id: s.id }, json: { siteId: proposal } });
    expect(back.status).toBe(200);
    const body = await back.json();
    expect(body.removedSiteId).toBe(planned);
    expect(body.scenario.sites[0].acceptedSiteId).toBeNull();
    expect((await c.api.sites[':id'].$get({ param: { id: planned } })).status).toBe(404);
    const audit = await (await c.api.audit.$get({ query: { action: 'scenario.unaccept' } })).json();
    expect(audit.entries.map((e) => e.entityId)).toEqual([s.id]);
    // Taking back what is not accepted is a conflict too.
    expect((await c.api.scenarios[':id'].unaccept.$post({ param: { id: s.id }, json: { siteId: proposal } })).status).toBe(409);

    // Accepted again, then edited: un-accepting would lose the edit, so it is refused and nothing changes.
    const again = (await (await c.api.scenarios[':id'].accept.$post({ param: { id: s.id }, json: {} })).json()).accepted[0];
    expect((await c.api.sites[':id'].$patch({ param: { id: again }, json: { name: '拟建点C（已核实）' } })).status).toBe(200);
    const refused = await c.api.scenarios[':id'].unaccept.$post({ param: { id: s.id }, json: { siteId: proposal } });
    expect(refused.status).toBe(409);
    const err = (await refused.json()) as unknown as { error: { code: string; message: string; issues: { code: string }[] } };
    expect(err.error.code).toBe('conflict');
    expect(err.error.message).toMatch(/was changed after it was accepted/);
    expect(err.error.issues[0].code).toBe('planned_site_changed');
    expect((await c.api.sites[':id'].$get({ param: { id: again } })).status).toBe(200);
    const still = await (await c.api.scenarios[':id'].$get({ param: { id: s.id } })).json();
    expect(still.sites[0].acceptedSiteId).toBe(again);

    // A planned site already in use (an activity held there) is refused too, with its own reason.
    const s2 = await (await c.api.scenarios.$post({ json: { name: '方案在用', sites: [{ name: '拟建点D', lng: p1[0] + 0.01, lat: p1[1] }] } })).json();
    const used = (await (await c.api.scenarios[':id'].accept.$post({ param: { id: s2.id }, json: {} })).json()).accepted[0];
    const act = await h().request('/api/activities', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ date: '2023-03-10', townshipCode: s2.sites[0].townshipCode, siteId: used, title: '宣讲' }),
    });
    expect(act.status).toBe(201);
    const inUse = await c.api.scenarios[':id'].unaccept.$post({ param: { id: s2.id }, json: { siteId: s2.sites[0].id } });
    expect(inUse.status).toBe(409);
    expect(((await inUse.json()) as unknown as { error: { issues: { code: string }[] } }).error.issues[0].code).toBe('planned_site_in_use');

    // A proposal id of another scenario is unprocessable.
    expect((await c.api.scenarios[':id'].unaccept.$post({ param: { id: s.id }, json: { siteId: 'p_nope' } })).status).toBe(422);
  });
});
