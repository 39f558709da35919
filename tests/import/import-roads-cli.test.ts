import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../api/src/db/client.ts';
import { listRoadGraphs, loadActiveRoadGraph } from '../../api/src/db/road-graph-repo.ts';
import { hasOsmium, tempDir, writeOsmFixture } from './osm-fixture.ts';

const root = new URL('../../', import.meta.url).pathname;

// Roads around 106.15E 32.64N, inside 朝天区 (the real boundary from the shipped data is used).
const nodes = [
  { id: 1, lng: 106.15, lat: 32.64 }, { id: 2, lng: 106.151, lat: 32.64 }, { id: 3, lng: 106.152, lat: 32.641 },
];
const ways = [{ id: 10, refs: [1, 2, 3], tags: { highway: 'residential', oneway: 'yes' } }];

function run(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/import-roads.ts'), ...args], {
    cwd: root, env: { ...process.env, ...env, DATABASE_URL: '' }, encoding: 'utf8', timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.runIf(hasOsmium())('npm run import:roads', () => {
  let dir: string;
  let dataDir: string;
  let files: { xml: string; pbf: string };
  beforeAll(() => {
    dir = tempDir('import-roads-cli-');
    dataDir = join(dir, 'data');
    files = writeOsmFixture(dir, 'import-cli', nodes, ways);
  });

  it('imports a PBF into the embedded database and prints plain progress lines when not on a terminal', () => {
    const r = run([files.pbf], { DATA_DIR: dataDir });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/read .* MB \(100%\)/);
    // Two segments; walking and cycling use both directions, cars only the oneway one: 2 × 2 directed edges.
    expect(r.out).toMatch(/kept 3 nodes, 4 directed edges/);
    expect(r.out).toMatch(/Peak memory \d+ MB/);
  });

  it('refuses bad files with exit code 1 and leaves the previous graph active', async () => {
    const truncated = join(dir, 'cut.osm.pbf');
    const bytes = readFileSync(files.pbf);
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 25));
    const notOsm = join(dir, 'sites.csv');
    writeFileSync(notOsm, '名称,经度\n');
    const far = writeOsmFixture(dir, 'far', [{ id: 1, lng: 108, lat: 30 }, { id: 2, lng: 108.01, lat: 30 }], [{ id: 5, refs: [1, 2], tags: { highway: 'primary' } }]);
    for (const [file, message] of [[truncated, /truncated or corrupt/], [notOsm, /not an OpenStreetMap file/], [far.pbf, /no usable road inside the district/]] as const) {
      const r = run([file], { DATA_DIR: dataDir });
      expect(r.code).toBe(1);
      expect(r.err).toMatch(message);
    }
    const bad = run([files.xml, '--speeds', notOsm], { DATA_DIR: dataDir });
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/speeds file/);

    const db = await openDatabase({ dataDir });
    try {
      const graphs = await listRoadGraphs(db.sql);
      expect(graphs).toHaveLength(1);
      const active = await loadActiveRoadGraph(db.sql);
      expect(active?.nodeCount).toBe(3);
      expect(active?.speeds.origin).toBe('default');
      const [src] = await db.sql`SELECT name, licence, attribution, datum FROM data_sources WHERE id LIKE 'import-osm-roads-%'`;
      expect(src).toMatchObject({ licence: 'ODbL 1.0', attribution: '© OpenStreetMap contributors', datum: 'WGS-84' });
    } finally {
      await db.close();
    }
  });
});
