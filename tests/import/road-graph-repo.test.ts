import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { listRoadGraphs, loadActiveRoadGraph, saveRoadGraph, type RoadGraphSpeeds } from '../../api/src/db/road-graph-repo.ts';
import { getDataVersion } from '../../api/src/db/version-repo.ts';
import { DEFAULT_CAR_SPEEDS_KMH } from '../../api/src/engine/network/index.ts';
import { roadGraphFromEdges } from '../../api/src/engine/network/index.ts';
import { BACKENDS, freshDatabase } from '../helpers/test-db.ts';

const speeds: RoadGraphSpeeds = { carSpeedsKmh: { ...DEFAULT_CAR_SPEEDS_KMH }, origin: 'default' };
const g1 = roadGraphFromEdges([{ lng: 106.15, lat: 32.64 }, { lng: 106.151, lat: 32.64 }], [{ from: 0, to: 1, roadClass: 'residential' }]);
const g2 = roadGraphFromEdges(
  [{ lng: 106.15, lat: 32.64 }, { lng: 106.151, lat: 32.64 }, { lng: 106.152, lat: 32.64 }],
  [{ from: 0, to: 1, roadClass: 'primary', oneway: true }, { from: 1, to: 2, roadClass: 'footway' }],
);
const source = (id: string) => ({ id, name: 'OpenStreetMap roads: test', licence: 'ODbL 1.0', attribution: '© OpenStreetMap contributors', datum: 'WGS-84' });

for (const backend of BACKENDS) {
  describe(`road-graph-repo [${backend}]`, () => {
    let db: Database;
    beforeEach(async () => { db = await freshDatabase(backend, { seed: false }); });
    afterEach(async () => { await db?.close(); });

    it('has no active graph at first', async () => {
      expect(await loadActiveRoadGraph(db.sql, '510812')).toBeNull();
    });

    it('stores a graph, activates it and bumps the data version', async () => {
      const v0 = await getDataVersion(db.sql, '510812');
      const info = await saveRoadGraph(db.sql, '510812', { graph: g1, sourceName: 'a.osm.pbf', speeds, source: source('osm-a') });
      expect(await getDataVersion(db.sql, '510812')).toBe(v0 + 1);
      const active = await loadActiveRoadGraph(db.sql, '510812');
      expect(active?.id).toBe(info.id);
      expect(Array.from(active!.graph.targets)).toEqual(Array.from(g1.targets));
      expect(Array.from(active!.graph.lengthMeters)).toEqual(Array.from(g1.lengthMeters));
      expect(active!.speeds).toEqual(speeds);
      const [src] = await db.sql`SELECT licence, attribution, datum, modelled FROM data_sources WHERE id = 'osm-a'`;
      expect(src).toEqual({ licence: 'ODbL 1.0', attribution: '© OpenStreetMap contributors', datum: 'WGS-84', modelled: false });
    });

    it('a second import replaces the active graph; exactly one stays active', async () => {
      await saveRoadGraph(db.sql, '510812', { graph: g1, sourceName: 'a.osm.pbf', speeds, source: source('osm-a') });
      const info = await saveRoadGraph(db.sql, '510812', { graph: g2, sourceName: 'b.osm', speeds, source: source('osm-b') });
      const active = await loadActiveRoadGraph(db.sql, '510812');
      expect(active?.id).toBe(info.id);
      expect(active!.graph.nodeCount).toBe(3);
      const all = await listRoadGraphs(db.sql, '510812');
      expect(all.filter((g) => g.active).map((g) => g.id)).toEqual([info.id]);
      expect(all).toHaveLength(2);
    });

    it('a failing save leaves the previous graph active and the version unchanged', async () => {
      await saveRoadGraph(db.sql, '510812', { graph: g1, sourceName: 'a.osm.pbf', speeds, source: source('osm-a') });
      await saveRoadGraph(db.sql, '510812', { graph: g2, sourceName: 'b.osm', speeds, source: source('osm-b') });
      const before = await loadActiveRoadGraph(db.sql, '510812');
      const v0 = await getDataVersion(db.sql, '510812');
      // Same data source id again: the insert fails inside the transaction.
      await expect(saveRoadGraph(db.sql, '510812', { graph: g1, sourceName: 'c.osm', speeds, source: source('osm-b') })).rejects.toThrow();
      const after = await loadActiveRoadGraph(db.sql, '510812');
      expect(before).not.toBeNull();
      expect(after?.id).toBe(before?.id);
      expect(await getDataVersion(db.sql, '510812')).toBe(v0);
      expect(await listRoadGraphs(db.sql, '510812')).toHaveLength(2);
    });
  });
}
