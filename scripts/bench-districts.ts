/**
 * npm run bench:districts — sizing figures for docs/scaling.md, measured on this machine:
 *
 * 1. engine: each shipped county pack loaded into one process, one after another (朝天区 first): its modelled demand
 *    (400 m cells) and a 15-minute walking coverage with gaps from the seeded sites that have a point (the county
 *    centre and the township institutes at their seats); the heap kept per county engine after GC, the build time, and
 *    uncached coverage computations per second.
 * 2. HTTP (with TEST_DATABASE_URL or --database-url): one and two server processes (api/src/server.ts from source) on
 *    one new PostgreSQL database; requests/s over 10 s with 8 concurrent clients, spread over the processes.
 * Run with `node --expose-gc --import tsx scripts/bench-districts.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import postgres from 'postgres';
import type { Feature, MultiPolygon } from 'geojson';
import { modelledDemand } from '../api/src/engine/demand/index.ts';
import { assignTownship } from '../api/src/engine/townships/index.ts';
import { coverageFromReach, coverageGaps, nearestFacility, straightLineRadiusMeters, straightLineReach } from '../api/src/engine/coverage/index.ts';
import { DEFAULT_DETOUR_FACTOR, DEFAULT_SPEEDS, type Facility } from '../api/src/engine/types.ts';
import { COUNTY_CODES } from './lib/geodata-county.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc --import tsx scripts/bench-districts.ts');
const heapMb = () => { gc!(); gc!(); const m = process.memoryUsage(); return (m.heapUsed + m.arrayBuffers) / 2 ** 20; };
const packDir = (code: string) => (code === '510812' ? join(ROOT, 'geodata') : join(ROOT, 'geodata/districts', code));
const read = (code: string, f: string) => JSON.parse(readFileSync(join(packDir(code), f), 'utf8'));

interface Township { code: string; seat: { lng: number; lat: number } | null }

function countyEngine(code: string) {
  const district = read(code, 'district.geojson').features[0] as Feature<MultiPolygon, { seat: { lng: number; lat: number } }>;
  const townships = read(code, 'townships.json') as Township[];
  const villages = read(code, 'villages.json') as unknown[];
  const census = read(code, 'census-2020.json') as { population: number; urbanShare: number; olderShare: number };
  const t0 = performance.now();
  const seats = townships.filter((t) => t.seat).map((t) => ({ code: t.code, ...t.seat!, isDistrictSeat: false }));
  const codes = townships.map((t) => t.code);
  let demand = modelledDemand({
    boundary: district, seats: [...seats, { code: codes[0], ...district.properties.seat, isDistrictSeat: true }], townshipCodes: codes,
    population: census.population, urbanShare: census.urbanShare, olderShare: census.olderShare, cellMeters: 400,
  });
  demand = assignTownship(demand, seats);
  const demandMs = performance.now() - t0;
  const facilities: Facility[] = [
    { id: `center-${code}`, kind: 'center', ...district.properties.seat, townshipCode: null },
    ...seats.map((s) => ({ id: `institute-${s.code}`, kind: 'institute', lng: s.lng, lat: s.lat, townshipCode: s.code })),
  ];
  const speedKmh = DEFAULT_SPEEDS.walkKmh;
  const radiusMeters = straightLineRadiusMeters(speedKmh, 15, DEFAULT_DETOUR_FACTOR);
  const coverage = () => {
    const reach = straightLineReach(demand, facilities, { radiusMeters, speedKmh, detourFactor: DEFAULT_DETOUR_FACTOR });
    const near = nearestFacility(demand, facilities, { speedKmh, detourFactor: DEFAULT_DETOUR_FACTOR });
    const result = coverageFromReach(demand, facilities, reach);
    const gaps = coverageGaps({ demand, facilities, coverCount: result.coverCount, nearestFacility: near.facilityIndex, nearestMinutes: near.minutes });
    return { result, gaps };
  };
  const t1 = performance.now();
  const first = coverage();
  const coverageMs = performance.now() - t1;
  let n = 0;
  const t2 = performance.now();
  while (performance.now() - t2 < 2000) { coverage(); n++; }
  const perSecond = n / ((performance.now() - t2) / 1000);
  return {
    code, name: census && read(code, 'district.geojson').features[0].properties.name as string,
    townships: townships.length, villages: villages.length, sites: 1 + townships.length + villages.length,
    demandPoints: demand.population.length, population: census.population,
    share: first.result.totals.share, demandMs, coverageMs, perSecond,
    engine: { demand, first },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(databaseUrl: string): Promise<{ proc: ChildProcess; base: string }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
    cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 400; i++) {
    try { if ((await fetch(`${base}/api/health`)).ok) return { proc, base }; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

async function requestsPerSecond(bases: string[], path: string, seconds = 10, clients = 8): Promise<number> {
  for (const b of bases) await (await fetch(b + path)).arrayBuffer(); // warm the caches
  let done = 0;
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, async (_, i) => {
    const base = bases[i % bases.length];
    while (performance.now() < until) {
      const res = await fetch(base + path);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      done++;
    }
  }));
  return done / ((performance.now() - t0) / 1000);
}

async function http(url: string) {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const name = `bench_${randomBytes(5).toString('hex')}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const servers: { proc: ChildProcess; base: string }[] = [];
  try {
    servers.push(await startServer(u.toString()));
    servers.push(await startServer(u.toString()));
    const paths = ['/api/sites', '/api/coverage?minutes=15&mode=walk'];
    for (const p of paths) {
      const one = await requestsPerSecond([servers[0].base], p);
      const two = await requestsPerSecond(servers.map((s) => s.base), p);
      console.log(`GET ${p}: 1 process ${one.toFixed(0)} req/s, 2 processes ${two.toFixed(0)} req/s`);
    }
    const body = await (await fetch(`${servers[0].base}/api/coverage?minutes=15&mode=walk`)).text();
    console.log(`coverage response ${(body.length / 1024).toFixed(0)} kB`);
    for (const s of servers) {
      const status = readFileSync(`/proc/${s.proc.pid}/status`, 'utf8');
      const mb = (f: string) => Number(status.match(new RegExp(`${f}:\\s+(\\d+) kB`))?.[1]) / 1024;
      console.log(`server process ${s.proc.pid} (PostgreSQL, 朝天区 loaded): RSS ${mb('VmRSS').toFixed(0)} MB, peak ${mb('VmHWM').toFixed(0)} MB`);
    }
  } finally {
    for (const s of servers) s.proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const base = heapMb();
const engines: ReturnType<typeof countyEngine>[] = [];
let last = base;
console.log('code   name     townships villages sites  demand-pts population  share  demand-ms coverage-ms cov/s  heap-MB(+county)');
for (const code of ['510812', ...COUNTY_CODES.filter((c) => c !== '510812')]) {
  const e = countyEngine(code);
  engines.push(e);
  const now = heapMb();
  console.log(`${e.code} ${e.name.padEnd(4, '　')} ${String(e.townships).padStart(9)} ${String(e.villages).padStart(8)} ${String(e.sites).padStart(5)} ` +
    `${String(e.demandPoints).padStart(11)} ${String(e.population).padStart(10)} ${e.share.toFixed(3).padStart(6)} ${e.demandMs.toFixed(0).padStart(9)} ` +
    `${e.coverageMs.toFixed(0).padStart(11)} ${e.perSecond.toFixed(1).padStart(6)} ${(now - base).toFixed(1).padStart(8)} (+${(now - last).toFixed(1)})`);
  last = now;
}
const sum = (k: 'townships' | 'villages' | 'sites' | 'demandPoints' | 'population') => engines.reduce((a, e) => a + e[k], 0);
console.log(`7 counties: ${sum('townships')} townships, ${sum('villages')} villages, ${sum('sites')} sites, ${sum('demandPoints')} demand points, ` +
  `population ${sum('population')}; heap kept for all 7 engines ${(last - base).toFixed(1)} MB; this process's RSS ` +
  `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);

const url = process.argv.find((a) => a.startsWith('--database-url='))?.slice(15) ?? process.env.TEST_DATABASE_URL;
if (url) await http(url);
else console.log('HTTP part skipped: set TEST_DATABASE_URL (a PostgreSQL the bench may create a database on)');
