import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import postgres from 'postgres';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { freshDatabase } from '../helpers/test-db.ts';

describe('embedded database access', () => {
  let db: Database;
  beforeEach(async () => { db = await freshDatabase('embedded'); });
  afterEach(async () => { await db?.close(); });

  it('is served on a Unix socket only its owner can open, in a folder only its owner can enter', () => {
    const socket = statSync(db.socketPath!);
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);
    expect(statSync(dirname(db.socketPath!)).mode & 0o777).toBe(0o700);
  });

  it('serves one client at a time: a second connection gets no session while the app holds it', async () => {
    const other = postgres({ path: db.socketPath!, max: 1, database: 'postgres', username: 'postgres', connect_timeout: 5, onnotice: () => {} });
    try {
      await expect(other`select 1`).rejects.toThrow();
    } finally {
      await other.end({ timeout: 1 });
    }
    expect(await db.sql`select 1 as ok`).toEqual([{ ok: 1 }]);
  });
});
