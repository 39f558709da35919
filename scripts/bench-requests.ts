/**
 * Load bench on loopback: N resident requests (default 1,000) submitted at once to a served app (embedded database
 * in a temporary folder, or DATABASE_URL); checks none is lost or duplicated (every 201's id stored once, one row per submission,
 * tracking codes unique) and prints latency. The abuse limits are raised for the run (one client address sends all).
 *
 *   npx tsx scripts/bench-requests.ts [--count 1000]
 */
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { values: args } = parseArgs({ options: { count: { type: 'string', default: '1000' } } });
const COUNT = Math.min(Number(args.count), 5000);
process.env.REQUEST_PER_CLIENT_PER_DAY = String(COUNT * 2);
process.env.REQUEST_PER_SITE_PER_DAY = String(COUNT * 2);
const { startApp } = await import('../api/src/start.ts');
// A data folder on disk: the embedded database is reopened after seeding, which an in-memory one would not survive.
const dataDir = mkdtempSync(join(tmpdir(), 'bench-requests-'));
const started = await startApp({ databaseUrl: process.env.DATABASE_URL, dataDir });
const server = serve({ fetch: started.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;

const t0 = performance.now();
const results = await Promise.all(Array.from({ length: COUNT }, async (_, i) => {
  const s = performance.now();
  const res = await fetch(`${base}/requests`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ service: 'other', description: `bench-${i}`, name: '测试', phone: `13${String(100000000 + i)}`, lng: 105.884 + (i % 50) * 0.002, lat: 32.64 + Math.floor(i / 50) * 0.002 }),
  });
  return { status: res.status, ms: performance.now() - s, body: (await res.json()) as { id?: string; trackingCode?: string } };
}));
const wall = performance.now() - t0;
const ok = results.filter((r) => r.status === 201);
const [row] = await started.db.sql`SELECT count(*)::int AS n, count(DISTINCT description)::int AS d, count(DISTINCT tracking_code)::int AS t FROM service_requests WHERE description LIKE 'bench-%'`;
const ids = new Set(ok.map((r) => r.body.id));
const stored = new Set((await started.db.sql`SELECT id FROM service_requests`).map((r) => String(r.id)));
const missing = [...ids].filter((id) => !stored.has(id!)).length;
const lat = results.map((r) => r.ms).sort((a, b) => a - b);
const statuses: Record<number, number> = {};
for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
console.log(JSON.stringify({
  database: started.db.kind, submitted: COUNT, statuses, stored: row.n, distinctDescriptions: row.d, distinctTrackingCodes: row.t, acknowledgedMissing: missing,
  lost: COUNT - row.d, duplicated: row.n - row.d, wallMs: Math.round(wall), p50Ms: Math.round(lat[Math.floor(lat.length / 2)]), p99Ms: Math.round(lat[Math.floor(lat.length * 0.99)]),
}, null, 1));
server.close();
await started.db.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(ok.length === COUNT && row.n === COUNT && row.d === COUNT && row.t === COUNT && missing === 0 ? 0 : 1);
