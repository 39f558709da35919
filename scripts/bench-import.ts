/**
 * Import benchmarks with peak memory (each measurement runs in its own process, so maxRSS is its own):
 *
 *   npx tsx scripts/bench-import.ts [--rows 50000] [--pbf-mb 200] [--keep DIR] [--skip-sites] [--skip-roads]
 *
 * 1. sites: a generated register of --rows rows (CSV, GCJ-02, ~1% bad rows) previewed by importSites.
 * 2. roads: a generated province-sized OSM extract (random-walk roads over Sichuan's bounding box, --district-share
 *    of them (default 0.03) in 朝天区) streamed as XML into `osmium cat` to make a PBF of about --pbf-mb MB, then read by
 *    osmRoadGraph (parse + clip + build) and, when a database is configured, stored with saveRoadGraph.
 * Database: DATABASE_URL or TEST_DATABASE_URL (a PostgreSQL server: its memory is not ours), else embedded
 * PGlite in memory (its WASM heap then counts in our RSS; the figure says so).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import gcoord from 'gcoord';
import type { MultiPolygon } from 'geojson';
import { pointInPolygonGrid } from '../api/src/import/point-in-polygon-grid.ts';
import { DEFAULT_DISTRICT_CODE } from '../api/src/services/district-packs.ts';

const root = new URL('../', import.meta.url).pathname;
const district = JSON.parse(readFileSync(join(root, 'geodata/district.geojson'), 'utf8')).features[0].geometry as MultiPolygon;
const townships: { code: string; name: string }[] = JSON.parse(readFileSync(join(root, 'geodata/townships.json'), 'utf8'));
const villages: { shortName: string; townshipCode: string }[] = JSON.parse(readFileSync(join(root, 'geodata/villages.json'), 'utf8'));
const MB = 1024 * 1024;
const peakMb = () => process.resourceUsage().maxRSS / 1024;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * A migrated scratch database: a new database on the server (DATABASE_URL or TEST_DATABASE_URL) that `drop`
 * removes, else embedded PGlite in memory (nothing to drop).
 */
async function openScratchDatabase() {
  const { openDatabase } = await import('../api/src/db/client.ts');
  const { migrate } = await import('../api/src/db/migrate.ts');
  const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
  let dbUrl = url;
  let drop: (() => Promise<void>) | undefined;
  if (url) {
    const postgres = (await import('postgres')).default;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    const name = `bench_${Date.now()}`;
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    dbUrl = u.toString();
    drop = async () => { await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); await admin.end(); };
  }
  const db = await openDatabase(dbUrl ? { url: dbUrl } : { dataDir: 'memory://' });
  await migrate(db.sql);
  return { db, drop };
}

// ---------- child: sites ----------
async function childSites(file: string) {
  const { seedShippedData } = await import('../api/src/db/seed.ts');
  const { importSites } = await import('../api/src/import/import-sites.ts');
  const { db, drop } = await openScratchDatabase();
  await seedShippedData(db.sql);
  const before = peakMb();
  const bytes = readFileSync(file);
  const t0 = performance.now();
  const r = await importSites(db.sql, { district: DEFAULT_DISTRICT_CODE, bytes, fileName: 'bench.csv', crs: 'gcj02', mode: 'preview', skipInvalid: false });
  const ms = performance.now() - t0;
  const json = JSON.stringify(r).length;
  console.log(JSON.stringify({
    rows: r.summary.rows, valid: r.summary.valid, invalid: r.summary.invalid, issues: r.issues.length, fileMb: bytes.length / MB,
    seconds: ms / 1000, peakRssMb: peakMb(), rssBeforeImportMb: before, responseMb: json / MB, database: db.kind,
  }));
  await db.close();
  await drop?.();
}

// ---------- child: roads ----------
async function childRoads(file: string, store: boolean) {
  const { osmRoadGraph } = await import('../api/src/import/osm-road-graph.ts');
  const t0 = performance.now();
  const { graph, stats } = await osmRoadGraph(file, { boundary: district });
  const parseSeconds = (performance.now() - t0) / 1000;
  const parsePeak = peakMb();
  let storeSeconds: number | null = null;
  let kind: string | null = null;
  if (store) {
    const { saveRoadGraph } = await import('../api/src/db/road-graph-repo.ts');
    const { DEFAULT_CAR_SPEEDS_KMH } = await import('../api/src/engine/network/index.ts');
    const { db, drop } = await openScratchDatabase();
    kind = db.kind;
    const t1 = performance.now();
    await saveRoadGraph(db.sql, DEFAULT_DISTRICT_CODE, {
      graph, sourceName: 'bench', speeds: { carSpeedsKmh: { ...DEFAULT_CAR_SPEEDS_KMH }, origin: 'default' },
      source: { id: `bench-${Date.now()}`, name: 'bench', licence: 'ODbL 1.0', datum: 'WGS-84' },
    });
    storeSeconds = (performance.now() - t1) / 1000;
    await db.close();
    await drop?.();
  }
  console.log(JSON.stringify({
    fileMb: statSync(file).size / MB, parseSeconds, mbPerSecond: statSync(file).size / MB / parseSeconds, parsePeakRssMb: parsePeak,
    storeSeconds, peakRssMb: peakMb(), database: kind, ...stats,
  }));
}

// ---------- generators ----------
function generateRegister(rows: number): string {
  const inside = pointInPolygonGrid(district);
  const rand = rng(1);
  const kinds = ['新时代文明实践站', '实践点', '实践户', '广场', '基地', '志愿服务站点'];
  const tName = new Map(townships.map((t) => [t.code, t.name]));
  const lines = ['编号,站点名称,阵地类型,乡镇,村（社区）,经度,纬度,联系电话,是否示范,有标识,有人员,有活动,有项目,有制度,备注'];
  for (let i = 0; i < rows; i++) {
    let lng: number, lat: number;
    do {
      lng = 105.62 + rand() * 0.68;
      lat = 32.48 + rand() * 0.39;
    } while (!inside(lng, lat));
    const [x, y] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const v = villages[i % villages.length];
    const bad = i % 100 === 7; // ~1% rows with an unknown kind
    lines.push([
      `B-${i}`, `${v.shortName}实践点${i}`, bad ? '文化礼堂' : kinds[i % kinds.length], tName.get(v.townshipCode), v.shortName,
      x.toFixed(6), y.toFixed(6), '0839-0000000', i % 3 ? '否' : '是', '√', '', '1', '0', 'yes', '',
    ].join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** OSM XML text of `nodes` nodes in random-walk ways (10–30 nodes each) over Sichuan, `districtShare` of them in 朝天区. */
function* osmXml(nodes: number, districtShare: number, seed = 7): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="bench-import">\n';
  const highways = ['residential', 'track', 'tertiary', 'unclassified', 'path', 'secondary', 'service', 'footway', 'primary'];
  const plan = () => {
    const rand = rng(seed);
    return () => {
      const len = 10 + Math.floor(rand() * 21);
      const inDistrict = rand() < districtShare;
      const lng = inDistrict ? 105.65 + rand() * 0.6 : 97.5 + rand() * 10.5;
      const lat = inDistrict ? 32.5 + rand() * 0.33 : 26.1 + rand() * 7.9;
      const kind = rand();
      return { len, lng, lat, kind };
    };
  };
  // Pass 1: nodes (ids ascending), way by way.
  let next = plan();
  const step = rng(seed + 1);
  let id = 1;
  let buf: string[] = [];
  while (id <= nodes) {
    const w = next();
    let { lng, lat } = w;
    for (let k = 0; k < w.len && id <= nodes; k++, id++) {
      buf.push(`<node id="${id}" version="1" lat="${lat.toFixed(7)}" lon="${lng.toFixed(7)}"/>\n`);
      lng += (step() - 0.5) * 0.001;
      lat += (step() - 0.5) * 0.001;
    }
    if (buf.length > 5000) { yield buf.join(''); buf = []; }
  }
  // Pass 2: the same ways again (same seed), now as ways.
  next = plan();
  id = 1;
  let wayId = 1;
  while (id <= nodes) {
    const w = next();
    const refs: string[] = [];
    for (let k = 0; k < w.len && id <= nodes; k++, id++) refs.push(`<nd ref="${id}"/>`);
    const tag = w.kind < 0.3 ? '<tag k="building" v="yes"/>' : `<tag k="highway" v="${highways[Math.floor(w.kind * 100) % highways.length]}"/>`;
    buf.push(`<way id="${wayId++}" version="1">${refs.join('')}${tag}</way>\n`);
    if (buf.length > 2000) { yield buf.join(''); buf = []; }
  }
  buf.push('</osm>\n');
  yield buf.join('');
}

async function makePbf(nodes: number, out: string, districtShare: number): Promise<void> {
  const osmium = spawn('osmium', ['cat', '-F', 'osm', '-', '-o', out, '-O', '-f', 'pbf'], { stdio: ['pipe', 'inherit', 'inherit'] });
  const done = new Promise<void>((resolve, reject) => osmium.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`osmium exited ${code}`)))));
  await new Promise<void>((resolve, reject) => Readable.from(osmXml(nodes, districtShare)).pipe(osmium.stdin).on('finish', resolve).on('error', reject));
  await done;
}

function runChild(args: string[]): Record<string, unknown> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/bench-import.ts'), ...args], {
    cwd: root, env: process.env, encoding: 'utf8', maxBuffer: 64 * MB,
  });
  if (r.status !== 0) throw new Error(`child ${args.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

async function main() {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' }, file: { type: 'string' }, store: { type: 'boolean' },
      rows: { type: 'string' }, 'pbf-mb': { type: 'string' }, keep: { type: 'string' },
      'skip-sites': { type: 'boolean' }, 'skip-roads': { type: 'boolean' }, 'district-share': { type: 'string' },
    },
  });
  if (values.child === 'sites') return childSites(values.file!);
  if (values.child === 'roads') return childRoads(values.file!, values.store ?? false);

  const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'bench-import-'));
  const db = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite (its heap counts in RSS)';
  try {
    if (!values['skip-sites']) {
      const rows = Number(values.rows ?? 50_000);
      const file = join(dir, 'register.csv');
      writeFileSync(file, generateRegister(rows));
      const r = runChild(['--child', 'sites', '--file', file]);
      console.log(`sites preview: ${r.rows} rows (${(r.fileMb as number).toFixed(1)} MB CSV) in ${(r.seconds as number).toFixed(2)} s; `
        + `${r.invalid} invalid rows, ${r.issues} issues; response ${(r.responseMb as number).toFixed(1)} MB JSON; `
        + `peak RSS ${(r.peakRssMb as number).toFixed(0)} MB (${(r.rssBeforeImportMb as number).toFixed(0)} MB before the import; database: ${db})`);
    }
    if (!values['skip-roads']) {
      const targetMb = Number(values['pbf-mb'] ?? 200);
      const share = Number(values['district-share'] ?? 0.03);
      // Calibrate bytes per node on a small file, then generate the big one.
      const small = join(dir, 'calibrate.osm.pbf');
      await makePbf(500_000, small, share);
      const bytesPerNode = statSync(small).size / 500_000;
      const nodes = Math.round((targetMb * MB) / bytesPerNode);
      const big = join(dir, 'province.osm.pbf');
      const t0 = performance.now();
      await makePbf(nodes, big, share);
      console.log(`generated ${big}: ${(statSync(big).size / MB).toFixed(0)} MB, ${nodes} nodes (${bytesPerNode.toFixed(1)} bytes/node) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      const parse = runChild(['--child', 'roads', '--file', big]);
      console.log(`roads parse+clip+build: ${(parse.parseSeconds as number).toFixed(1)} s (${(parse.mbPerSecond as number).toFixed(1)} MB/s); `
        + `${parse.nodesRead} nodes, ${parse.waysRead} ways read; ${parse.nodesKeptInBox} nodes kept in the district box; `
        + `graph ${parse.nodeCount} nodes, ${parse.directedEdgeCount} directed edges, ${(parse.roadKm as number).toFixed(0)} km; peak RSS ${(parse.peakRssMb as number).toFixed(0)} MB`);
      const stored = runChild(['--child', 'roads', '--file', big, '--store']);
      console.log(`roads parse+store: store ${(stored.storeSeconds as number).toFixed(1)} s; peak RSS ${(stored.peakRssMb as number).toFixed(0)} MB (database: ${db})`);
    }
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
