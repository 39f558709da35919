import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { listRoadGraphs, loadActiveRoadGraph } from '../../api/src/db/road-graph-repo.ts';
import { importRoadsCli } from '../../scripts/lib/import-roads-cli.ts';
import type { CliIo } from '../../scripts/lib/run-import-cli.ts';
import { BACKENDS, freshDatabase } from '../helpers/test-db.ts';
import { osmFixture, tempDir } from './osm-fixture.ts';

// Roads around 106.15E 32.64N, inside 朝天区 (the real boundary from the shipped data is used).
const files = osmFixture('import-cli');
let dir: string;
beforeAll(() => { dir = tempDir('import-roads-cli-'); });

async function run(args: string[], db: Database) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { log: (l) => out.push(l), error: (l) => err.push(l), env: {}, isTTY: false, db };
  const code = await importRoadsCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

for (const backend of BACKENDS) {
  describe(`import:roads CLI [${backend}]`, () => {
    let db: Database;
    beforeEach(async () => { db = await freshDatabase(backend); });
    afterEach(async () => { await db?.close(); });

    it('imports a PBF and prints plain progress lines when not on a terminal', async () => {
      const r = await run([files.pbf], db);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/read .* MB \(100%\)/);
      // Two segments; walking and cycling use both directions, cars only the oneway one: 2 × 2 directed edges.
      expect(r.out).toMatch(/kept 3 nodes, 4 directed edges/);
      expect(r.out).toMatch(/Peak memory \d+ MB/);
      const [src] = await db.sql`SELECT licence, attribution, datum FROM data_sources WHERE id LIKE 'import-osm-roads-%'`;
      expect(src).toMatchObject({ licence: 'ODbL 1.0', attribution: '© OpenStreetMap contributors', datum: 'WGS-84' });
    });

    it('refuses bad files with exit code 1 and leaves the previous graph active', async () => {
      expect((await run([files.pbf], db)).code).toBe(0);
      const truncated = join(dir, 'cut.osm.pbf');
      const bytes = readFileSync(files.pbf);
      writeFileSync(truncated, bytes.subarray(0, bytes.length - 25));
      const notOsm = join(dir, 'sites.csv');
      writeFileSync(notOsm, '名称,经度\n');
      const far = osmFixture('far');
      for (const [file, message] of [[truncated, /truncated or corrupt/], [notOsm, /not an OpenStreetMap file/], [far.pbf, /no usable road inside the district/]] as const) {
        const r = await run([file], db);
        expect(r.code).toBe(1);
        expect(r.err).toMatch(message);
      }
      const bad = await run([files.xml, '--speeds', notOsm], db);
      expect(bad.code).toBe(1);
      expect(bad.err).toMatch(/speeds file/);

      const graphs = await listRoadGraphs(db.sql, '510812');
      expect(graphs).toHaveLength(1);
      const active = await loadActiveRoadGraph(db.sql, '510812');
      expect(active?.nodeCount).toBe(3);
      expect(active?.speeds.origin).toBe('default');
    });
  });
}
