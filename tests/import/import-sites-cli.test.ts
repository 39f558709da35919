import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './osm-fixture.ts';

const root = new URL('../../', import.meta.url).pathname;

function run(args: string[], dataDir: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/import-sites.ts'), ...args], {
    cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8', timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run import:sites', () => {
  let dir: string;
  let good: string;
  let bad: string;
  beforeAll(() => {
    dir = tempDir('import-sites-cli-');
    good = join(dir, 'good.csv');
    bad = join(dir, 'bad.csv');
    // GBK, as saved by Chinese Excel; GCJ-02 coordinates of 106.15E 32.64N (WGS-84).
    writeFileSync(good, iconv.encode('站点名称,类型,乡镇,经度,纬度\r\n命令行实践点,实践点,朝天镇,106.154090578,32.637913237\r\n', 'gbk'));
    writeFileSync(bad, '名称,类型,经度,纬度\n甲,实践点,104.0,30.6\n');
  });

  it('requires --crs', () => {
    const r = run([good], join(dir, 'data'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--crs is required/);
  });

  it('previews, then commits; a file with problems is refused with exit code 1', () => {
    const data = join(dir, 'data');
    const p = run([good, '--crs', 'gcj02'], data);
    expect(p.code).toBe(0);
    expect(p.out).toMatch(/CSV \(GB18030\)/);
    expect(p.out).toMatch(/1 rows: 1 valid \(1 new, 0 updates\)/);
    expect(p.out).toMatch(/preview only/);
    const c = run([good, '--crs', 'gcj02', '--commit'], data);
    expect(c.code).toBe(0);
    expect(c.out).toMatch(/committed: 1 created, 0 updated/);
    const again = run([good, '--crs', 'gcj02', '--commit'], data);
    expect(again.out).toMatch(/committed: 0 created, 1 updated/);
    const b = run([bad, '--crs', 'wgs84', '--commit'], data);
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/1 row\(s\) have problems/);
    expect(b.err).toMatch(/2 经度: .*outside 朝天区/);
  });
});
