import { expect, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';

const json = (method: string, body: unknown) => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describeApi('concurrent writes', (h) => {
  const req = (path: string, init?: RequestInit) => h().request(`/api${path}`, init);

  it('10 parallel accepts of a scenario with 3 proposals create exactly 3 planned sites', async () => {
    const proposals = [[106.1541, 32.6379], [106.12, 32.66], [106.18, 32.62]].map(([lng, lat], i) => ({ name: `并发拟建点${i}`, lng, lat }));
    const created = await req('/scenarios', json('POST', { name: '并发采纳', sites: proposals }));
    expect(created.status).toBe(201);
    const scenario = await created.json();
    const answers = await Promise.all(Array.from({ length: 10 }, () => req(`/scenarios/${scenario.id}/accept`, json('POST', {}))));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    const accepted = (await Promise.all(answers.map((r) => r.json()))).flatMap((b) => b.accepted);
    expect(accepted).toHaveLength(3);
    const sites = (await (await req('/sites?status=planned')).json()).features.filter((f: any) => f.properties.name.startsWith('并发拟建点'));
    expect(sites).toHaveLength(3);
    const after = await (await req(`/scenarios/${scenario.id}`)).json();
    expect(after.sites.map((s: any) => s.acceptedSiteId).sort()).toEqual([...accepted].sort());
  });

  it('a PATCH racing a DELETE answers 200 with the site or 404, never 200 with null', async () => {
    for (let round = 0; round < 15; round++) {
      const site = await (await req('/sites', json('POST', { kind: 'point', name: `竞争点${round}` }))).json();
      const patchFirst = round % 2 === 0;
      const [p, d] = patchFirst
        ? await Promise.all([req(`/sites/${site.id}`, json('PATCH', { name: `改名${round}` })), req(`/sites/${site.id}`, { method: 'DELETE' })])
        : (await Promise.all([req(`/sites/${site.id}`, { method: 'DELETE' }), req(`/sites/${site.id}`, json('PATCH', { name: `改名${round}` }))])).reverse();
      expect(d.status).toBe(200);
      const body = await p.json();
      if (p.status === 200) expect(body.properties.name).toBe(`改名${round}`);
      else expect([p.status, body.error.code]).toEqual([404, 'not_found']);
    }
  });

  it('a PATCH whose row is gone by the time it writes answers 404 (the write is skipped in the database)', async () => {
    const { sql } = h().db;
    const site = await (await req('/sites', json('POST', { kind: 'point', name: '消失点' }))).json();
    // The same outcome as a DELETE committing between the PATCH's read and its write: the UPDATE touches no row.
    await sql.unsafe(`CREATE FUNCTION skip_vanishing() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF OLD.id = '${site.id}' THEN RETURN NULL; END IF; RETURN NEW; END $$`);
    await sql.unsafe('CREATE TRIGGER skip_vanishing BEFORE UPDATE ON sites FOR EACH ROW EXECUTE FUNCTION skip_vanishing()');
    try {
      const res = await req(`/sites/${site.id}`, json('PATCH', { name: '改名' }));
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    } finally {
      await sql.unsafe('DROP TRIGGER skip_vanishing ON sites');
      await sql.unsafe('DROP FUNCTION skip_vanishing()');
    }
  });
});
