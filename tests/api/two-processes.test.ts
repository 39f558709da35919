/**
 * Two real server processes (api/src/server.ts, as `npm start` runs it, from source) on one PostgreSQL: both start
 * together on an empty database (migrations and the shipped data applied once), and a write on one is seen on the
 * other, coverage included — caches are keyed on the data version in the database, read on every request.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import townships from '../../geodata/townships.json' with { type: 'json' };
import villages from '../../geodata/villages.json' with { type: 'json' };
import { WITHOUT_POSTGRES_SKIPPED } from '../helpers/skip-reasons.ts';
import { testToken } from '../helpers/test-auth.ts';
import type { Sql } from '../../api/src/db/client.ts';

const ROOT = join(import.meta.dirname, '../..');
const URL_ = process.env.TEST_DATABASE_URL;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Server { proc: ChildProcess; base: string; log: string[] }

function startServer(databaseUrl: string, port: number, dataDir: string): Server {
  const log: string[] = [];
  const proc = spawn(process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
    cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (b) => log.push(String(b)));
  proc.stderr!.on('data', (b) => log.push(String(b)));
  return { proc, base: `http://127.0.0.1:${port}/api`, log };
}

async function waitHealthy(s: Server, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (s.proc.exitCode !== null) throw new Error(`server exited ${s.proc.exitCode}: ${s.log.join('')}`);
    try {
      const res = await fetch(`${s.base}/health`);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not healthy in ${timeoutMs} ms: ${s.log.join('')}`);
}

const json = async (res: Response) => {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return res.json();
};

describe.skipIf(!URL_)(`two server processes on one PostgreSQL${WITHOUT_POSTGRES_SKIPPED}`, () => {
  let admin: postgres.Sql;
  let dbName: string;
  let dbUrl: string;
  let a: Server;
  let b: Server;
  let dataDir: string;
  let token = '';
  const api = (url: string, init: RequestInit = {}) =>
    fetch(url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    admin = postgres(URL_!, { max: 1, onnotice: () => {} });
    dbName = `two_${randomBytes(6).toString('hex')}`;
    await admin.unsafe(`CREATE DATABASE ${dbName}`);
    const u = new URL(URL_!);
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
    dataDir = mkdtempSync(join(tmpdir(), 'two-proc-'));
    const [pa, pb] = [await freePort(), await freePort()];
    // Both start at once on the empty database: they race to migrate and load the shipped data.
    a = startServer(dbUrl, pa, join(dataDir, 'a'));
    b = startServer(dbUrl, pb, join(dataDir, 'b'));
    await Promise.all([waitHealthy(a), waitHealthy(b)]);
    // Writes need an account: a planner's API token, made in the shared database.
    const db = postgres(dbUrl, { max: 1, onnotice: () => {}, types: { bigint: postgres.BigInt } });
    try {
      token = await testToken(db as unknown as Sql, 'planner');
    } finally {
      await db.end();
    }
  }, 120_000);

  afterAll(async () => {
    for (const s of [a, b]) s?.proc.kill('SIGTERM');
    await Promise.all([a, b].filter(Boolean).map((s) => new Promise((r) => (s.proc.exitCode !== null ? r(null) : s.proc.once('exit', r)))));
    await admin.unsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('both report PostgreSQL, and starting together applied the migrations and the shipped data once', async () => {
    for (const s of [a, b]) expect(await json(await api(`${s.base}/health`))).toMatchObject({ ok: true, database: 'postgres' });
    const db = postgres(dbUrl, { max: 1, onnotice: () => {} });
    try {
      const files = readdirSync(join(ROOT, 'api/src/db/migrations')).filter((f) => /^\d+_.*\.sql$/.test(f));
      const [{ n }] = await db`SELECT count(*)::int AS n FROM schema_migrations`;
      expect(n).toBe(files.length);
      const [{ sites }] = await db`SELECT count(*)::int AS sites FROM sites`;
      expect(sites).toBe(1 + townships.length + villages.length);
    } finally {
      await db.end();
    }
  });

  it('a write on one process is seen on the other: site list and (cached) coverage', async () => {
    // Warm B's coverage cache first, so a stale cache would show.
    const before = await json(await api(`${b.base}/coverage`));
    const seat = townships.find((t) => t.seat)!;
    const created = await json(await api(`${a.base}/sites`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'point', name: '两进程测试点', townshipCode: seat.code, lng: seat.seat!.lng + 0.05, lat: seat.seat!.lat }),
    }));
    const id = created.properties.id as string;
    const list = await json(await api(`${b.base}/sites`));
    expect(list.features.map((f: { properties: { id: string } }) => f.properties.id)).toContain(id);
    const after = await json(await api(`${b.base}/coverage`));
    expect(after.dataVersion).toBeGreaterThan(before.dataVersion);
    expect(after.totals.sites).toBe(before.totals.sites + 1);

    // And back: B edits, A sees the edit; A deletes, B no longer has it.
    await json(await api(`${b.base}/sites/${id}`, {
      method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '两进程测试点（改）' }),
    }));
    expect((await json(await api(`${a.base}/sites/${id}`))).properties.name).toBe('两进程测试点（改）');
    expect((await api(`${a.base}/sites/${id}`, { method: 'DELETE' })).ok).toBe(true);
    expect((await api(`${b.base}/sites/${id}`)).status).toBe(404);
    expect((await json(await api(`${b.base}/coverage`))).totals.sites).toBe(before.totals.sites);
  }, 120_000);
});
