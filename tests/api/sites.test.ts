import { expect, expectTypeOf, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';
import villages from '../../geodata/villages.json' with { type: 'json' };
import townships from '../../geodata/townships.json' with { type: 'json' };

const CHAOTIAN = '510812100';
// A point near the 朝天镇 seat, inside the district (WGS-84).
const INSIDE = { lng: 105.89, lat: 32.64 };

describeApi('sites API', (h) => {
  it('lists the seeded network: 1 center, 12 institutes, 139 unplaced stations', async () => {
    const res = await h().client.api.sites.$get({ query: {} });
    expect(res.status).toBe(200);
    const fc = await res.json();
    expectTypeOf(fc.type).toEqualTypeOf<'FeatureCollection'>();
    const byKind = (k: string) => fc.features.filter((f) => f.properties.kind === k);
    expect(byKind('center')).toHaveLength(1);
    expect(byKind('institute')).toHaveLength(townships.length);
    expect(byKind('station')).toHaveLength(villages.length);
    expect(byKind('station').every((f) => f.geometry === null && !f.properties.placed)).toBe(true);
    const seated = townships.filter((t) => t.seat).length;
    expect(byKind('institute').filter((f) => f.geometry !== null)).toHaveLength(seated);
  });

  it('filters by kind, township, status and placed', async () => {
    const c = h().client;
    const stations = await (await c.api.sites.$get({ query: { kind: 'station', township: CHAOTIAN } })).json();
    const expected = villages.filter((v) => v.townshipCode === CHAOTIAN).length;
    expect(stations.features).toHaveLength(expected);
    const placed = await (await c.api.sites.$get({ query: { placed: 'true' } })).json();
    expect(placed.features.every((f) => f.geometry !== null)).toBe(true);
    const none = await (await c.api.sites.$get({ query: { status: 'planned' } })).json();
    expect(none.features).toHaveLength(0);
    // A planned site appears under status=planned, and only it; the existing ones stay under status=existing.
    const created = await c.api.sites.$post({ json: { kind: 'point', name: '规划中的点', townshipCode: CHAOTIAN, ...INSIDE, status: 'planned' } });
    expect(created.status).toBe(201);
    const planned = await (await c.api.sites.$get({ query: { status: 'planned' } })).json();
    expect(planned.features.map((f) => f.properties.name)).toEqual(['规划中的点']);
    const existing = await (await c.api.sites.$get({ query: { status: 'existing' } })).json();
    expect(existing.features.some((f) => f.properties.name === '规划中的点')).toBe(false);
    expect(existing.features.length).toBeGreaterThan(0);
  });

  it('creates, reads, moves, unplaces and deletes a site', async () => {
    const c = h().client;
    const created = await c.api.sites.$post({
      json: { kind: 'point', name: '测试实践点', townshipCode: CHAOTIAN, ...INSIDE, hasSign: true },
    });
    expect(created.status).toBe(201);
    const site = await created.json();
    expect(site.properties).toMatchObject({ kind: 'point', name: '测试实践点', hasSign: true, status: 'existing', placed: true });
    const id = site.properties.id;

    const moved = await c.api.sites[':id'].$patch({ param: { id }, json: { lng: 105.9, lat: 32.65, hasStaff: true } });
    expect(moved.status).toBe(200);
    const m = await moved.json();
    expect(m.geometry).toEqual({ type: 'Point', coordinates: [105.9, 32.65] });
    expect(m.properties.hasStaff).toBe(true);

    const unplaced = await c.api.sites[':id'].$patch({ param: { id }, json: { lng: null, lat: null } });
    expect((await unplaced.json()).geometry).toBeNull();

    const got = await c.api.sites[':id'].$get({ param: { id } });
    expect((await got.json()).properties.name).toBe('测试实践点');

    expect((await c.api.sites[':id'].$delete({ param: { id } })).status).toBe(200);
    const gone = await c.api.sites[':id'].$get({ param: { id } });
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('a new placed site without township or village gets the township of the nearest seat, noted as approximate', async () => {
    const c = h().client;
    // 300 m from the 大滩镇 seat and far from every other seat.
    const datan = townships.find((t) => t.code === '510812101')!.seat!;
    const res = await c.api.sites.$post({ json: { kind: 'square', name: '大滩广场', lng: datan.lng + 0.003, lat: datan.lat } });
    expect(res.status).toBe(201);
    const s = await res.json();
    expect(s.properties.townshipCode).toBe('510812101');
    expect(s.properties.notes).toMatch(/近似/);
    const unplaced = await (await c.api.sites.$post({ json: { kind: 'square', name: '未定广场' } })).json();
    expect(unplaced.properties.townshipCode).toBeNull();
  });

  it('places an unplaced station and infers the township from its village', async () => {
    const c = h().client;
    const v = villages[0];
    const res = await c.api.sites[':id'].$patch({ param: { id: `station-${v.code}` }, json: INSIDE });
    expect(res.status).toBe(200);
    const s = await res.json();
    expect(s.properties).toMatchObject({ placed: true, townshipCode: v.townshipCode, villageCode: v.code });
    const created = await (await c.api.sites.$post({ json: { kind: 'household', name: '某户', villageCode: v.code } })).json();
    expect(created.properties.townshipCode).toBe(v.townshipCode);
  });
});
