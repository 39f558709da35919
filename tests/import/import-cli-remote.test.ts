/**
 * The import CLIs' remote mode against a real server on a random loopback port, with real API tokens: the file goes
 * through the server's import API as the token's account; a viewer's token is refused with a clear message.
 */
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { createApp } from '../../api/src/app.ts';
import { importSitesCli } from '../../scripts/lib/import-sites-cli.ts';
import { importPopulationCli } from '../../scripts/lib/import-population-cli.ts';
import { importRoadsCli } from '../../scripts/lib/import-roads-cli.ts';
import type { CliIo } from '../../scripts/lib/run-import-cli.ts';
import { BACKENDS, freshDatabase } from '../helpers/test-db.ts';
import { testToken } from '../helpers/test-auth.ts';
import { createToken, insertUser } from '../../api/src/db/users-repo.ts';
import { tempDir } from './osm-fixture.ts';

const GOOD_CSV = '站点名称,类型,乡镇,经度,纬度,开放时间\r\n远程实践点,实践点,朝天镇,105.884081,32.643374,周一至周五 9:00-17:00\r\n';
const BAD_CSV = '名称,类型,经度,纬度\n甲,实践点,104.0,30.6\n';
const CANGXI_CSV = '站点名称,类型,乡镇,经度,纬度\r\n苍溪远程实践点,实践点,陵江镇,105.9339,31.7273\r\n';
const GRID_CSV = 'lng,lat,population\n105.884,32.643,120\n105.886,32.645,80\n';

let dir: string;
beforeAll(() => {
  dir = tempDir('import-cli-remote-');
  writeFileSync(join(dir, 'good.csv'), GOOD_CSV);
  writeFileSync(join(dir, 'bad.csv'), BAD_CSV);
  writeFileSync(join(dir, 'grid.csv'), GRID_CSV);
  writeFileSync(join(dir, 'cangxi.csv'), CANGXI_CSV);
});

type Cli = (argv: string[], io: CliIo) => Promise<number>;

/** Runs a CLI in-process with no database of its own (remote mode must not need one), collecting what it prints. */
async function run(cli: Cli, args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await cli(args, { log: (l) => out.push(l), error: (l) => err.push(l), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

for (const backend of BACKENDS) {
  describe(`import CLIs against a server [${backend}]`, () => {
    let db: Database;
    let server: ServerType;
    let url: string;
    beforeEach(async () => {
      db = await freshDatabase(backend);
      server = serve({ fetch: createApp({ db }).fetch, port: 0, hostname: '127.0.0.1' });
      await new Promise((r) => server.once('listening', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterEach(async () => {
      await new Promise((r) => server?.close(r));
      await db?.close();
    });
    const good = () => join(dir, 'good.csv');

    it('previews through the server with a table of the planned rows, writing nothing', async () => {
      const token = await testToken(db.sql, 'planner');
      const r = await run(importSitesCli, [good(), '--crs', 'wgs84', '--server', url, '--token', token]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain(`server ${url}`);
      expect(r.out).toMatch(/1 rows: 1 valid \(1 new, 0 updates\)/);
      expect(r.out).toMatch(/行 row +操作 action +名称 name/);
      expect(r.out).toMatch(/2 +新建 create +远程实践点 +文明实践点 +510812100/);
      expect(r.out).toMatch(/preview only/);
      expect(await db.sql`SELECT id FROM sites WHERE name = '远程实践点'`).toHaveLength(0);
    });

    it('commits with the token from PLANNER_TOKEN, audited as the token’s account', async () => {
      const token = await testToken(db.sql, 'planner');
      const r = await run(importSitesCli, [good(), '--crs', 'wgs84', '--server', url, '--commit'], { PLANNER_TOKEN: token });
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/committed: 1 created, 0 updated/);
      const rows = await db.sql<{ opening_hours: string }[]>`SELECT opening_hours FROM sites WHERE name = '远程实践点'`;
      expect(rows.map((x) => x.opening_hours)).toEqual(['周一至周五 9:00-17:00']);
      const audit = await db.sql<{ username: string; details: { fileName: string } }[]>`SELECT username, details FROM audit_log WHERE action = 'import.sites'`;
      expect(audit.map((a) => [a.username, a.details.fileName])).toEqual([['test-planner', 'good.csv']]);
    });

    it('a viewer’s token is refused with a clear message and exit code 1; so is a wrong token', async () => {
      const viewer = await testToken(db.sql, 'viewer');
      const r = await run(importSitesCli, [good(), '--crs', 'wgs84', '--server', url, '--token', viewer, '--commit']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^error: http:\/\/127\.0\.0\.1:\d+ refused the import \(403 forbidden\): The viewer role may not do this .*; imports need a planner or admin token$/);
      expect(await db.sql`SELECT id FROM sites WHERE name = '远程实践点'`).toHaveLength(0);
      const wrong = await run(importSitesCli, [good(), '--crs', 'wgs84', '--server', url, '--token', 'ctp_not-a-token']);
      expect(wrong.code).toBe(1);
      expect(wrong.err).toMatch(/refused the token \(401 unauthorized\): Invalid or revoked API token; check --token \/ PLANNER_TOKEN/);
    });

    it('a refused commit prints the server’s row problems', async () => {
      const token = await testToken(db.sql, 'planner');
      const r = await run(importSitesCli, [join(dir, 'bad.csv'), '--crs', 'wgs84', '--server', url, '--token', token, '--commit']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/refused the import \(422 unprocessable\): .*1 row\(s\) have problems/);
      expect(r.err).toMatch(/2 经度: .*outside 朝天区/);
    });

    it('--district sends the file to that county (苍溪县), not to 朝天区', async () => {
      const cangxiPlanner = await insertUser(db.sql, { username: 'cangxi-planner', passwordHash: 'x', role: 'planner', district: '510824' });
      const { token } = await createToken(db.sql, { userId: cangxiPlanner.id, name: 'cli', role: 'planner' });
      const r = await run(importSitesCli, [join(dir, 'cangxi.csv'), '--crs', 'wgs84', '--district', '510824', '--server', url, '--token', token, '--commit']);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/committed: 1 created, 0 updated/);
      const rows = await db.sql<{ district_code: string; township_code: string }[]>`SELECT district_code, township_code FROM sites WHERE name = '苍溪远程实践点'`;
      expect(rows.map((x) => [x.district_code, x.township_code])).toEqual([['510824', '510824100']]);
    });

    it('imports population through the server too', async () => {
      const token = await testToken(db.sql, 'planner');
      const r = await run(importPopulationCli, [join(dir, 'grid.csv'), '--crs', 'wgs84', '--licence', '测试数据', '--server', url, '--token', token]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`grid\\.csv \\(server ${url.replace(/\./g, '\\.')}\\): .*"valid":2`));
      expect(r.out).toMatch(/preview only/);
    });
  });
}

describe('import CLIs: remote options', () => {
  it('say what is missing, and import:roads has no remote mode', async () => {
    const file = join(dir, 'good.csv');
    expect((await run(importSitesCli, [file, '--crs', 'wgs84', '--server', 'http://127.0.0.1:9'])).err).toMatch(/--server needs an API token: --token TOKEN or the PLANNER_TOKEN/);
    expect((await run(importSitesCli, [file, '--crs', 'wgs84', '--token', 'x'])).err).toMatch(/--token needs --server/);
    expect((await run(importSitesCli, [file, '--crs', 'wgs84', '--server', 'ftp://host', '--token', 'x'])).err).toMatch(/--server must be http\(s\)/);
    const closed = await run(importSitesCli, [file, '--crs', 'wgs84', '--server', 'http://127.0.0.1:9', '--token', 'x']);
    expect([closed.code, closed.err]).toEqual([1, expect.stringMatching(/^error: cannot reach http:\/\/127\.0\.0\.1:9: /)]);
    const unknown = await run(importSitesCli, [file, '--crs', 'wgs84', '--district', '999999', '--server', 'http://127.0.0.1:9', '--token', 'x']);
    expect([unknown.code, unknown.err]).toEqual([1, expect.stringMatching(/^error: --district must be a county of the city: 510802 利州区, .*510824 苍溪县.* \(got "999999"\)$/)]);
    const roads = await run(importRoadsCli, ['roads.osm.pbf', '--server', 'https://host', '--token', 'x']);
    expect([roads.code, roads.err]).toEqual([1, expect.stringMatching(/import:roads has no remote mode/)]);
  });
});
