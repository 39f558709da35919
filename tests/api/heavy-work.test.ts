import { expect, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describeApi('heavy work runs off the event loop, behind the job queue', (h) => {
  it('/api/health and reads answer while a big plan runs', async () => {
    const req = (path: string, init?: RequestInit) => h().request(`/api${path}`, init);
    let planDone = false;
    const plan = Promise.resolve(req('/plan', json({ k: 20, mode: 'car', minutes: 30 }))).then((r) => { planDone = true; return r; });
    // Give the plan a moment to start, then ask for health and townships while it is running.
    await new Promise((r) => setTimeout(r, 300));
    const health = await req('/health');
    expect(health.status).toBe(200);
    expect((await health.json()).ok).toBe(true);
    expect((await req('/townships')).status).toBe(200);
    expect(planDone).toBe(false);
    expect((await plan).status).toBe(200);
  });

  it('one client gets 429 too_many_requests beyond its limit of heavy requests; the others finish', async () => {
    const req = (path: string, init?: RequestInit) => h().request(`/api${path}`, init);
    const answers = await Promise.all(Array.from({ length: 4 }, () => req('/plan', json({ k: 2 }))));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 429, 429]);
    const refused = await answers.find((r) => r.status === 429)!.json();
    expect(refused.error.code).toBe('too_many_requests');
  });

  it('a plan with an exact check is stopped when its client goes away, freeing its place in the queue', async () => {
    const req = (path: string, init?: RequestInit) => Promise.resolve(h().request(`/api${path}`, init));
    const client = new AbortController();
    const plan = req('/plan', { ...json({ k: 30, exact: true, exactTimeLimitSeconds: 120 }), signal: client.signal }).catch((e) => e);
    const running = async () => (await (await req('/health')).json()).jobs.running as number;
    for (let i = 0; i < 100 && (await running()) === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await running()).toBe(1);
    client.abort();
    await plan;
    // Well before HiGHS's 120 s limit, the job is gone (the worker, and the exact check inside it, were terminated).
    for (let i = 0; i < 200 && (await running()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await running()).toBe(0);
  });
});
