/**
 * The read caches (http/answer-cache.ts, auth/principal-cache.ts) never answer with old data or an old principal:
 * a write is seen by the next read, and an account change by the next request.
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';
import { createAnswerCache } from '../../api/src/http/answer-cache.ts';
import { testToken } from '../helpers/test-auth.ts';

describeApi('read caches', (h) => {
  it('a cached site answer is replaced by the next read after a write; gzip when asked, same JSON', async () => {
    const created = await (await h().request('/api/sites', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'point', name: '缓存测试点', notes: 'x'.repeat(2000) }) })).json();
    const path = `/api/sites/${created.properties.id}`;
    const first = await (await h().request(path)).json();
    const again = await h().request(path, { headers: { 'accept-encoding': 'gzip' } });
    expect(again.headers.get('content-encoding')).toBe('gzip');
    expect(again.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(JSON.parse(gunzipSync(new Uint8Array(await again.arrayBuffer())).toString('utf8'))).toEqual(first);
    const listed = async () => (await (await h().request('/api/sites?kind=point')).json()).features.map((f: { properties: { name: string } }) => f.properties.name);
    expect(await listed()).toContain('缓存测试点');

    const patched = await h().request(path, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '改名后' }) });
    expect(patched.status).toBe(200);
    expect((await (await h().request(path)).json()).properties.name).toBe('改名后');
    expect(await listed()).toEqual(expect.arrayContaining(['改名后']));
    expect(await listed()).not.toContain('缓存测试点');

    expect((await h().request(path, { method: 'DELETE' })).status).toBe(200);
    expect((await h().request(path)).status).toBe(404);
  });

  it('a bad query is not cached and does not hide the good answer', async () => {
    expect((await h().request('/api/sites?kind=nonsense')).status).toBe(400);
    expect((await h().request('/api/sites?kind=nonsense')).status).toBe(400);
    expect((await h().request('/api/sites?kind=station')).status).toBe(200);
  });

  it('a role lowered by an admin applies to the next request of a token already used', async () => {
    const token = await testToken(h().db.sql, 'planner');
    const bearer = { authorization: `Bearer ${token}` };
    const write = () => h().app.request('/api/sites', { method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'point', name: 'x' }) });
    expect((await write()).status).toBe(201);
    const admin = h().asRole('admin');
    const users = await (await admin.api.users.$get()).json();
    const planner = users.users.find((u) => u.username === 'test-planner')!;
    expect((await admin.api.users[':id'].$patch({ param: { id: planner.id }, json: { role: 'viewer' } })).status).toBe(200);
    const refused = await write();
    expect(refused.status).toBe(403);
    expect((await h().app.request('/api/sites', { headers: bearer })).status).toBe(200);
  });
});

describe('createAnswerCache', () => {
  const bytes = (n: number) => new Uint8Array(new ArrayBuffer(n)).fill(65);
  it('serves an answer only at the version it was made at, and stays within its byte bound (oldest out first)', () => {
    const cache = createAnswerCache(8000);
    cache.set('1', '/a', bytes(500));
    expect(cache.get('1', '/a')?.body.byteLength).toBe(500);
    expect(cache.get('2', '/a')).toBeUndefined();
    expect(cache.get('1', '/a')).toBeUndefined(); // dropped once seen at another version
    for (const k of ['/b', '/c', '/d', '/e', '/f', '/g', '/h', '/i']) cache.set('2', k, bytes(1100)); // ~1,140 bytes each with the gzip copy
    expect(cache.stats().bytes).toBeLessThanOrEqual(8000);
    expect(cache.get('2', '/b')).toBeUndefined();
    expect(cache.get('2', '/c')).toBeDefined();
    expect(cache.get('2', '/i')?.gzip).not.toBeNull();
    cache.set('2', '/huge', bytes(2500)); // over a quarter of the bound: sent, not kept
    expect(cache.get('2', '/huge')).toBeUndefined();
  });
});
