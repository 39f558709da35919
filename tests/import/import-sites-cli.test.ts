import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../api/src/db/client.ts';
import { importSitesCli } from '../../scripts/lib/import-sites-cli.ts';
import type { CliIo } from '../../scripts/lib/run-import-cli.ts';
import { encodeGbk } from '../helpers/gbk.ts';
import { BACKENDS, freshDatabase } from '../helpers/test-db.ts';
import { tempDir } from './osm-fixture.ts';

const root = new URL('../../', import.meta.url).pathname;
// GBK, as saved by Chinese Excel; GCJ-02 coordinates of 106.15E 32.64N (WGS-84).
const GOOD_CSV = '站点名称,类型,乡镇,经度,纬度\r\n命令行实践点,实践点,朝天镇,106.154090578,32.637913237\r\n';
const CANGXI_CSV = '站点名称,类型,乡镇,经度,纬度\r\n苍溪命令行实践点,实践点,陵江镇,105.9339,31.7273\r\n';
const BAD_CSV = '名称,类型,经度,纬度\n甲,实践点,104.0,30.6\n';

let dir: string;
let good: string;
let bad: string;
let cangxi: string;
beforeAll(() => {
  dir = tempDir('import-sites-cli-');
  good = join(dir, 'good.csv');
  bad = join(dir, 'bad.csv');
  writeFileSync(good, encodeGbk(GOOD_CSV));
  writeFileSync(bad, BAD_CSV);
  cangxi = join(dir, 'cangxi.csv');
  writeFileSync(cangxi, CANGXI_CSV);
});

/** Runs the CLI in-process on `db`, collecting what it prints. */
async function run(args: string[], db: Database) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { log: (l) => out.push(l), error: (l) => err.push(l), env: {}, db };
  const code = await importSitesCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

for (const backend of BACKENDS) {
  describe(`import:sites CLI [${backend}]`, () => {
    let db: Database;
    beforeEach(async () => { db = await freshDatabase(backend); });
    afterEach(async () => { await db?.close(); });

    it('requires --crs', async () => {
      const r = await run([good], db);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/--crs is required/);
    });

    it('previews a GBK file without writing', async () => {
      const p = await run([good, '--crs', 'gcj02'], db);
      expect(p.code).toBe(0);
      expect(p.out).toMatch(/CSV \(GB18030\)/);
      expect(p.out).toMatch(/1 rows: 1 valid \(1 new, 0 updates\)/);
      expect(p.out).toMatch(/preview only/);
      expect(await db.sql`SELECT id FROM sites WHERE name = '命令行实践点'`).toHaveLength(0);
    });

    it('commits, and a second commit updates the same site', async () => {
      const c = await run([good, '--crs', 'gcj02', '--commit'], db);
      expect(c.code).toBe(0);
      expect(c.out).toMatch(/committed: 1 created, 0 updated/);
      const again = await run([good, '--crs', 'gcj02', '--commit'], db);
      expect(again.out).toMatch(/committed: 0 created, 1 updated/);
      const rows = await db.sql<{ lng: number; lat: number }[]>`SELECT lng, lat FROM sites WHERE name = '命令行实践点'`;
      expect(rows).toHaveLength(1);
      // Stored in WGS-84: the GCJ-02 input converted back to about 106.15E 32.64N.
      expect(rows[0].lng).toBeCloseTo(106.15, 3);
      expect(rows[0].lat).toBeCloseTo(32.64, 3);
    });

    it('--district imports into that county (苍溪县, loaded on demand), not into 朝天区; an unknown code is refused', async () => {
      const c = await run([cangxi, '--crs', 'wgs84', '--district', '510824', '--commit'], db);
      expect(c.err).toBe('');
      expect(c.code).toBe(0);
      expect(c.out).toMatch(/committed: 1 created, 0 updated/);
      const rows = await db.sql<{ district_code: string; township_code: string }[]>`SELECT district_code, township_code FROM sites WHERE name = '苍溪命令行实践点'`;
      expect(rows.map((x) => [x.district_code, x.township_code])).toEqual([['510824', '510824100']]);
      // The same file without --district is checked against 朝天区, where 陵江镇 and these coordinates are not.
      expect((await run([cangxi, '--crs', 'wgs84'], db)).code).toBe(1);
      const unknown = await run([cangxi, '--crs', 'wgs84', '--district', '5108', '--commit'], db);
      expect([unknown.code, unknown.err]).toEqual([1, expect.stringMatching(/^error: --district must be a county of the city: .* \(got "5108"\)$/)]);
    });

    it('refuses a file with problems with exit code 1 and the row-level reasons', async () => {
      const b = await run([bad, '--crs', 'wgs84', '--commit'], db);
      expect(b.code).toBe(1);
      expect(b.err).toMatch(/1 row\(s\) have problems/);
      expect(b.err).toMatch(/2 经度: .*outside 朝天区/);
    });
  });
}

// One real process, end to end: npm's script, the embedded database created in DATA_DIR on first use.
describe('npm run import:sites as a process', () => {
  it('commits into a new embedded database in DATA_DIR', async () => {
    const dataDir = join(dir, 'data');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/import-sites.ts'), good, '--crs', 'gcj02', '--commit'], {
      cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8', timeout: 240_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/committed: 1 created, 0 updated/);
    const db = await openDatabase({ dataDir });
    try {
      expect(await db.sql`SELECT id FROM sites WHERE name = '命令行实践点'`).toHaveLength(1);
    } finally {
      await db.close();
    }
  }, 300_000);
});
