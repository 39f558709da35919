/**
 * npm run bench:memory — resident memory (RSS) of the embedded database's processes, each in its own process:
 *
 * 1. first start: the built server (dist/server, built first) on an empty DATA_DIR: create the database, migrate,
 *    load the shipped data; peak RSS until /api/health answers.
 * 2. steady: the same server after a round of the requests that need no account (the resident page's).
 * 3. an admin account is added with `npm run user:add` (app stopped, as the README says), then the server again
 *    on the now-filled DATA_DIR: peak until ready, and steady after a logged-in round of typical requests (sites,
 *    townships, coverage, demand, export).
 * 4. CLI import: `npm run import:sites -- … --commit` on a new DATA_DIR (the CLI creates the database) and on the
 *    filled one; peak RSS as the CLI itself reports it (process.resourceUsage().maxRSS).
 *
 * Peaks are the kernel's high-water mark (VmHWM in /proc/PID/status), read until the process has answered.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../', import.meta.url).pathname;
const GOALS_MB = { firstStart: 400, steady: 250, cli: 300 };

function procMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`));
  return m ? Number(m[1]) / 1024 : NaN;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const PUBLIC_REQUESTS = ['/api/health', '/api/boundary', '/api/townships', '/api/villages', '/api/public/sites', '/api/nearest?lng=105.89&lat=32.64'];
const REQUESTS = [
  ...PUBLIC_REQUESTS, '/api/sites', '/api/coverage?minutes=15&mode=walk',
  '/api/coverage?minutes=10&mode=bike', '/api/demand', '/api/township-areas', '/api/export/townships.csv',
];
const ADMIN = { username: 'bench-memory-admin', password: 'bench-memory-password-1' };

/** Adds the admin account with the CLI (the server is stopped: one process owns the embedded database). */
function addAdmin(dataDir: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/user-add.ts'), '--role', 'admin', ADMIN.username], {
    cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, input: `${ADMIN.password}\n`, encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`user:add failed (${r.status}): ${r.stdout}\n${r.stderr}`);
}

async function serverRun(dataDir: string, login = false) {
  const port = await freePort();
  // --source runs the server from source through tsx (how `npm start` ran before the server build), to compare.
  const entry = process.argv.includes('--source') ? ['--import', 'tsx', join(root, 'api/src/server.ts')] : [join(root, 'dist/server/server.js')];
  const child = spawn(process.execPath, entry, {
    cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch { /* not listening yet */ }
    await sleep(100);
  }
  const startSeconds = (performance.now() - t0) / 1000;
  const startPeakMb = procMb(child.pid!, 'VmHWM');
  const headers: Record<string, string> = {};
  if (login) {
    const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    if (!res.ok) throw new Error(`log in: ${res.status} ${await res.text()}`);
    headers.cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  }
  for (let round = 0; round < 2; round++) {
    for (const path of login ? REQUESTS : PUBLIC_REQUESTS) {
      const res = await fetch(base + path, { headers });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }
  }
  await sleep(2000);
  const steadyMb = procMb(child.pid!, 'VmRSS');
  const peakMb = procMb(child.pid!, 'VmHWM');
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { startSeconds, startPeakMb, steadyMb, peakMb };
}

function cliImport(dataDir: string, file: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/import-sites.ts'), file, '--crs', 'wgs84', '--commit'], {
    cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8',
  });
  const m = r.stdout.match(/peak memory (\d+) MB/);
  if (r.status !== 0 || !m) throw new Error(`import:sites failed (${r.status}): ${r.stdout}\n${r.stderr}`);
  return Number(m[1]);
}

const fmt = (mb: number, goal?: number) => `${mb.toFixed(0)} MB${goal ? (mb < goal ? ` (goal < ${goal}: met)` : ` (goal < ${goal}: NOT met)`) : ''}`;

if (!process.argv.includes('--source')) execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.server.config.ts', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
const work = mkdtempSync(join(tmpdir(), 'bench-memory-'));
try {
  const dataDir = join(work, 'data');
  const first = await serverRun(dataDir);
  console.log(`first start (create, migrate, load shipped data): ${first.startSeconds.toFixed(1)} s, peak ${fmt(first.startPeakMb, GOALS_MB.firstStart)}`);
  console.log(`steady after the public requests:               ${fmt(first.steadyMb, GOALS_MB.steady)} (peak ${fmt(first.peakMb)})`);
  addAdmin(dataDir);
  const again = await serverRun(dataDir, true);
  console.log(`restart on the filled data folder:              ${again.startSeconds.toFixed(1)} s, peak ${fmt(again.startPeakMb)}`);
  console.log(`steady after logged-in requests:                ${fmt(again.steadyMb, GOALS_MB.steady)} (peak ${fmt(again.peakMb)})`);
  const csv = join(work, 'sites.csv');
  writeFileSync(csv, '名称,类型,乡镇,经度,纬度\n内存测试点,实践点,朝天镇,105.89,32.64\n');
  console.log(`CLI import:sites --commit, new data folder:     peak ${fmt(cliImport(join(work, 'cli-data'), csv), GOALS_MB.cli)}`);
  console.log(`CLI import:sites --commit, filled data folder:  peak ${fmt(cliImport(dataDir, csv), GOALS_MB.cli)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
