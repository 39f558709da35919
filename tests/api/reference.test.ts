import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { expect, it } from 'vitest';
import { describeApi, freshDatabase, BACKENDS } from '../helpers/test-db.ts';
import { seedShippedData } from '../../api/src/db/seed.ts';
import villages from '../../geodata/villages.json' with { type: 'json' };
import { migrate } from '../../api/src/db/migrate.ts';

describeApi('reference data API', (h, backend) => {
  it('health names the database kind, its state and the job queue', async () => {
    const res = await h().client.api.health.$get();
    // 'busy' when the database takes longer than 50 ms to answer (a loaded machine): health never waits for it.
    expect(await res.json()).toEqual({ ok: true, database: backend, databaseStatus: expect.stringMatching(/^(ok|busy)$/), jobs: { running: 0, waiting: 0 } });
  });
  it('boundary, townships (seats inside the boundary), villages, sources', async () => {
    const c = h().client;
    const boundary = await (await c.api.boundary.$get()).json();
    const geom = boundary.features[0].geometry;
    expect(geom.type).toBe('MultiPolygon');
    const { townships } = await (await c.api.townships.$get()).json();
    expect(townships).toHaveLength(12);
    for (const t of townships) if (t.seat) expect(booleanPointInPolygon([t.seat.lng, t.seat.lat], geom as never)).toBe(true);
    const all = await (await c.api.villages.$get({ query: {} })).json();
    expect(all.villages).toHaveLength(139);
    const one = await (await c.api.villages.$get({ query: { township: '510812100' } })).json();
    expect(one.villages.length).toBeGreaterThan(0);
    expect(one.villages.every((v) => v.townshipCode === '510812100')).toBe(true);
    const { sources } = await (await c.api.sources.$get()).json();
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => s.licence.length > 0 && s.datum.length > 0)).toBe(true);
  });
  it('openapi.json describes the routes from the zod schemas', async () => {
    const doc = await (await h().request('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/sites', '/sites/{id}', '/boundary']));
    const create = doc.paths['/sites'].post.requestBody.content['application/json'].schema;
    expect(create.properties.kind.enum).toContain('volunteer_site');
    expect(create.additionalProperties).toBe(false);
  });
});

for (const backend of BACKENDS) {
  it(`starting twice does not reload or duplicate the data [${backend}]`, async () => {
    const db = await freshDatabase(backend);
    try {
      expect(await migrate(db.sql)).toEqual([]);
      expect(await seedShippedData(db.sql)).toBe(false);
      const [{ n }] = await db.sql`SELECT count(*)::int AS n FROM sites`;
      expect(n).toBe(1 + 12 + 139);
    } finally {
      await db.close();
    }
  });
  it(`a failure mid-load leaves nothing half-written [${backend}]`, async () => {
    const db = await freshDatabase(backend, { seed: false });
    try {
      // Make the last insert of the load fail: a station whose id already exists.
      await db.sql`INSERT INTO data_sources (id, name, licence, datum) VALUES ('blocker', 'b', 'b', 'b')`;
      await db.sql`INSERT INTO townships (district_code, code, name) VALUES ('510812', '510812999', '测试乡')`;
      await db.sql`INSERT INTO villages (district_code, code, name, short_name, township_code, type) VALUES ('510812', '510812999001','x','x','510812999','village')`;
      await db.sql`INSERT INTO sites (district_code, id, kind, name) SELECT '510812', 'station-' || code, 'station', 'blocker' FROM villages`;
      await db.sql`UPDATE sites SET id = ${'station-' + villages[villages.length - 1].code}`;
      await expect(seedShippedData(db.sql)).rejects.toThrow();
      const [{ n }] = await db.sql`SELECT count(*)::int AS n FROM townships`;
      expect(n).toBe(1);
      const [{ m }] = await db.sql`SELECT count(*)::int AS m FROM seed_state`;
      expect(m).toBe(0);
    } finally {
      await db.close();
    }
  });
}
