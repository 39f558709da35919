import { expect, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';
import townships from '../../geodata/townships.json' with { type: 'json' };
import villages from '../../geodata/villages.json' with { type: 'json' };

const CHAOTIAN = '510812100';
const SEEDED_SITES = 1 + townships.length + villages.length;

// The embedded database is one PGlite session: concurrent requests must queue on it, never interleave
// (several connections on it answered 500 "portal \"\" does not exist" to a third of the reads).
describeApi('concurrent reads and writes', (h) => {
  it('answers every one of 96 concurrent mixed requests correctly', async () => {
    const c = h().client;
    const writes = Array.from({ length: 32 }, (_, i) => async () => {
      const res = await c.api.sites.$post({
        json: { kind: 'point', name: `并发点${i}`, townshipCode: CHAOTIAN, lng: 105.85 + i * 0.001, lat: 32.64 },
      });
      expect(res.status, `write ${i}`).toBe(201);
      const site = await res.json();
      expect(site.properties.name).toBe(`并发点${i}`);
      // A write inside a transaction right after: read-modify-write of the same row.
      const patched = await c.api.sites[':id'].$patch({ param: { id: site.properties.id }, json: { hasSign: true } });
      expect(patched.status, `patch ${i}`).toBe(200);
      expect((await patched.json()).properties).toMatchObject({ name: `并发点${i}`, hasSign: true });
    });
    const reads = Array.from({ length: 64 }, (_, i) => async () => {
      if (i % 2 === 0) {
        const res = await c.api.sites.$get({ query: { kind: 'institute' } });
        expect(res.status, `read ${i}`).toBe(200);
        expect((await res.json()).features).toHaveLength(townships.length);
      } else {
        const res = await c.api.sites.$get({ query: {} });
        expect(res.status, `read ${i}`).toBe(200);
        const n = (await res.json()).features.length;
        expect(n).toBeGreaterThanOrEqual(SEEDED_SITES);
        expect(n).toBeLessThanOrEqual(SEEDED_SITES + 32);
      }
    });
    // Interleave: one write, two reads, …
    const all = writes.flatMap((w, i) => [w, reads[2 * i], reads[2 * i + 1]]);
    const settled = await Promise.allSettled(all.map((f) => f()));
    expect(settled.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason))).toEqual([]);

    const after = await (await c.api.sites.$get({ query: { kind: 'point' } })).json();
    const names = after.features.map((f) => f.properties.name).filter((n) => n.startsWith('并发点')).sort();
    expect(names).toEqual(Array.from({ length: 32 }, (_, i) => `并发点${i}`).sort());
    expect(after.features.filter((f) => f.properties.name.startsWith('并发点')).every((f) => f.properties.hasSign)).toBe(true);
  });
});
