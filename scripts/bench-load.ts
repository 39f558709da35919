/**
 * Load bench on loopback (never in CI timing): serves the app on 127.0.0.1 in a child process (scripts/lib/bench-server.ts;
 * embedded database in memory, or DATABASE_URL) and measures from this one, with bounded request counts and times:
 *
 *   npx tsx scripts/bench-load.ts [--rate 200] [--seconds 60] [--mixed-seconds 30] [--skip-plan]
 *
 * 1. reads: --rate requests/s for --seconds on the read routes (open loop; at most 500 in flight): errors, latency.
 * 2. mixed: reads plus writes on one shared site (four writers, one field each) and creates: 5xx count, and lost
 *    updates (a field whose final value is not its writer's last acknowledged one; created sites missing).
 * 0. serial cost: each read route once after another, 10 rounds, one request in flight: wall time, and the server
 *    process's CPU time per read (the figure least moved by other load on the machine).
 * 3. health during a plan: /api/health every 50 ms while a 60-minute car plan (k=100) runs: its slowest answer.
 *
 * Requests are authenticated as the planner UI and scripts are: half with a logged-in session cookie (plus the CSRF
 * token on writes), half with an API token (Bearer), both of an admin account the bench creates.
 */
import { parseArgs } from 'node:util';
import { fork } from 'node:child_process';
import { once } from 'node:events';

const { values: args } = parseArgs({
  options: { rate: { type: 'string', default: '200' }, seconds: { type: 'string', default: '60' }, 'mixed-seconds': { type: 'string', default: '30' }, 'skip-plan': { type: 'boolean', default: false } },
});
const RATE = Math.min(Number(args.rate), 1000);
const SECONDS = Math.min(Number(args.seconds), 300);
const MIXED_SECONDS = Math.min(Number(args['mixed-seconds']), 300);
const MAX_IN_FLIGHT = 500;

const child = fork(new URL('./lib/bench-server.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const [{ base, cookie, csrfToken, token, kind }] = (await once(child, 'message')) as [{ base: string; cookie: string; csrfToken: string; token: string; kind: string }];
console.log(`serving on ${base} (database: ${kind}, server process ${child.pid})`);
/** The server process's CPU time so far, in ms. */
const serverCpuMs = async () => {
  child.send('cpu');
  const [m] = (await once(child, 'message')) as [{ cpuMs: number }];
  return m.cpuMs;
};
const credentials: Record<string, string>[] = [{ cookie, 'x-csrf-token': csrfToken }, { authorization: `Bearer ${token}` }];
let nth = 0;

const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : NaN);
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function timed(path: string, init?: RequestInit) {
  const t0 = performance.now();
  try {
    const res = await fetch(base + path, { ...init, headers: { ...init?.headers as Record<string, string>, ...credentials[nth++ % 2] } });
    const body = await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - t0, body };
  } catch (err) {
    return { status: 0, ms: performance.now() - t0, body: new ArrayBuffer(0), err };
  }
}

const READS = ['/health', '/sites', '/townships', '/villages', '/boundary', '/sources', '/scenarios', '/sites/institute-510812100',
  '/coverage', '/nearest?lng=105.89&lat=32.64', '/sites?kind=station', '/villages?township=510812100'];
// Warm the coverage cache once, as a running server would have.
await timed('/coverage');

/** Open-loop load: `next()` is issued every 1000/rate ms for `seconds`, bounded in flight. */
async function openLoop(seconds: number, rate: number, next: (i: number) => Promise<{ status: number; ms: number }>) {
  const total = Math.round(seconds * rate);
  const results: { status: number; ms: number }[] = [];
  let inFlight = 0;
  let dropped = 0;
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (inFlight >= MAX_IN_FLIGHT) { dropped++; continue; }
    inFlight++;
    pending.push(next(i).then((r) => { results.push(r); inFlight--; }));
  }
  await Promise.all(pending);
  return { results, dropped, seconds: (performance.now() - t0) / 1000 };
}

// 0. Serial cost per read.
{
  const per = new Map<string, number[]>();
  let cpu0 = 0;
  for (let round = 0; round < 10; round++) {
    if (round === 1) cpu0 = await serverCpuMs();
    for (const path of READS) {
      const r = await timed(path);
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${new TextDecoder().decode(r.body).slice(0, 200)}`);
      if (round > 0) per.set(path, [...(per.get(path) ?? []), r.ms]);
    }
  }
  const all = [...per.values()].flat();
  const cpuPerRead = (await serverCpuMs() - cpu0) / all.length;
  console.log(`serial: ${(all.reduce((a, b) => a + b, 0) / all.length).toFixed(1)} ms per read (median ${ms(pct(all, 50))}), server CPU ${cpuPerRead.toFixed(2)} ms per read; per route median: `
    + [...per].map(([path, xs]) => `${path} ${pct(xs, 50).toFixed(1)}`).join(', '));
}

// 1. Reads.
{
  const cpu0 = await serverCpuMs();
  const client0 = process.cpuUsage();
  const { results, dropped, seconds } = await openLoop(SECONDS, RATE, (i) => timed(READS[i % READS.length]));
  const cpuPerRead = (await serverCpuMs() - cpu0) / results.length;
  const client = process.cpuUsage(client0);
  const clientPerRead = (client.user + client.system) / 1000 / results.length;
  const errors = results.filter((r) => r.status < 200 || r.status >= 300).length;
  const lat = results.map((r) => r.ms);
  console.log(`reads: ${results.length} requests in ${seconds.toFixed(1)} s (${(results.length / seconds).toFixed(0)}/s), errors ${errors}, not sent (over ${MAX_IN_FLIGHT} in flight) ${dropped}; latency p50 ${ms(pct(lat, 50))}, p95 ${ms(pct(lat, 95))}, p99 ${ms(pct(lat, 99))}, max ${ms(Math.max(...lat))}; server CPU ${cpuPerRead.toFixed(2)} ms per read (this load generator: ${clientPerRead.toFixed(2)} ms)`);
}

// 2. Mixed reads and writes.
{
  const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const site = JSON.parse(new TextDecoder().decode((await timed('/sites', json('POST', { kind: 'point', name: '压测共享点' }))).body));
  const fields = ['phone', 'contact', 'address', 'notes'] as const;
  const lastAcked: Record<string, string> = {};
  const busy: Record<string, boolean> = {};
  const createdNames: string[] = [];
  const { results, dropped, seconds } = await openLoop(MIXED_SECONDS, RATE, async (i) => {
    const slot = i % 10;
    if (slot < 4) {
      const field = fields[slot];
      if (busy[field]) return timed(READS[i % READS.length]); // one write in flight per field, so "last" is well defined
      busy[field] = true;
      const value = `${field}-${i}`;
      const r = await timed(`/sites/${site.id}`, json('PATCH', { [field]: value }));
      if (r.status === 200) lastAcked[field] = value;
      busy[field] = false;
      return r;
    }
    if (slot === 4) {
      const name = `压测新建${i}`;
      const r = await timed('/sites', json('POST', { kind: 'point', name }));
      if (r.status === 201) createdNames.push(name);
      return r;
    }
    return timed(READS[i % READS.length]);
  });
  const final = JSON.parse(new TextDecoder().decode((await timed(`/sites/${site.id}`)).body)).properties;
  const lostFields = fields.filter((f) => lastAcked[f] !== undefined && final[f] !== lastAcked[f]);
  const all = JSON.parse(new TextDecoder().decode((await timed('/sites?kind=point')).body)).features.map((f: any) => f.properties.name);
  const missing = createdNames.filter((n) => !all.includes(n)).length;
  const by = (lo: number, hi: number) => results.filter((r) => r.status >= lo && r.status < hi).length;
  const lat = results.map((r) => r.ms);
  console.log(`mixed: ${results.length} requests in ${seconds.toFixed(1)} s, 2xx ${by(200, 300)}, 4xx ${by(400, 500)}, 5xx ${by(500, 600)}, network errors ${by(0, 1)}, not sent ${dropped}; `
    + `${createdNames.length} creates (${missing} missing afterwards), lost updates ${lostFields.length} (${lostFields.join(', ') || 'none'}); latency p50 ${ms(pct(lat, 50))}, p99 ${ms(pct(lat, 99))}`);
}

// 3. Health while a big plan runs.
if (!args['skip-plan']) {
  const lat: number[] = [];
  let done = false;
  const plan = timed('/plan', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ k: 100, mode: 'car', minutes: 60 }) })
    .then((r) => { done = true; return r; });
  for (let n = 0; !done && n < 2400; n++) {
    const r = await timed('/health');
    lat.push(r.ms);
    await new Promise((res) => setTimeout(res, 50));
  }
  const p = await plan;
  console.log(`health during a plan (car, 60 min, k=100: ${p.status} in ${(p.ms / 1000).toFixed(1)} s): ${lat.length} answers, p50 ${ms(pct(lat, 50))}, max ${ms(Math.max(...lat))}`);
}

child.disconnect();
await once(child, 'exit');
process.exit(0);
