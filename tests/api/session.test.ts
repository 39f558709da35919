import { expect, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';
import { ensureTestUser, testUsername, TEST_PASSWORD } from '../helpers/test-auth.ts';

const ORIGIN = 'http://localhost';
const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit =>
  ({ method, headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers }, body: JSON.stringify(body) });

describeApi('sessions, tokens and security headers', (h) => {
  it('logs in with a HttpOnly SameSite cookie; writes need the CSRF token; logout ends the session', async () => {
    await ensureTestUser(h().db.sql, 'planner');
    const { app } = h();
    const login = await app.request('/api/session', json('POST', { username: testUsername('planner'), password: TEST_PASSWORD }));
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/planner_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/); // plain http on loopback; Secure behind HTTPS or COOKIE_SECURE=1
    const { csrfToken, user } = await login.json();
    expect(user).toMatchObject({ username: testUsername('planner'), role: 'planner' });
    expect(JSON.stringify(user)).not.toMatch(/scrypt/);
    const session = cookie.split(';')[0];
    const me = await (await app.request('/api/session', { headers: { cookie: session } })).json();
    expect(me).toMatchObject({ role: 'planner', csrfToken });

    const site = { kind: 'point', name: '会话测试点' };
    const noToken = await app.request('/api/sites', json('POST', site, { cookie: session }));
    expect(noToken.status).toBe(403);
    expect((await noToken.json()).error.code).toBe('forbidden');
    expect((await app.request('/api/sites', json('POST', site, { cookie: session, 'x-csrf-token': csrfToken }))).status).toBe(201);
    // A multipart form from another site (no CORS preflight needed) is refused before it reaches the import.
    const fd = new FormData();
    fd.append('file', new Blob(['名称,类型\nx,point\n']), 'x.csv');
    fd.append('crs', 'wgs84');
    fd.append('mode', 'commit');
    const forged = await app.request('/api/import/sites', { method: 'POST', body: fd, headers: { cookie: session, origin: 'https://evil.example' } });
    expect(forged.status).toBe(403);

    expect((await app.request('/api/session', { method: 'DELETE', headers: { cookie: session, origin: ORIGIN, 'x-csrf-token': csrfToken } })).status).toBe(200);
    expect((await (await app.request('/api/session', { headers: { cookie: session } })).json()).user).toBeNull();
    expect((await app.request('/api/sites', { headers: { cookie: session } })).status).toBe(401);
  });

  it('throttles failed logins per account (429 with Retry-After), and a wrong password is a 401', async () => {
    await ensureTestUser(h().db.sql, 'viewer');
    const bad = () => h().app.request('/api/session', json('POST', { username: testUsername('viewer'), password: 'wrong-password' }));
    for (let i = 0; i < 5; i++) expect((await bad()).status).toBe(401);
    const r = await bad();
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await r.json()).error.code).toBe('too_many_requests');
  });

  it('API tokens: scoped to a role no higher than their owner, accepted as Bearer, revocable', async () => {
    const viewer = h().asRole('viewer');
    expect((await viewer.api.tokens.$post({ json: { name: 'x', role: 'planner' } })).status).toBe(403);
    const planner = h().client;
    const t = await (await planner.api.tokens.$post({ json: { name: 'script', role: 'viewer' } })).json();
    const bearer = { authorization: `Bearer ${t.token}` };
    expect((await h().app.request('/api/sites', { headers: bearer })).status).toBe(200);
    expect((await h().app.request('/api/sites', json('POST', { kind: 'point', name: 'x' }, bearer))).status).toBe(403);
    const stored = await h().db.sql`SELECT token_hash FROM api_tokens WHERE id = ${t.id}`;
    expect(stored[0].token_hash).not.toContain(t.token);
    expect((await planner.api.tokens[':id'].$delete({ param: { id: t.id } })).status).toBe(200);
    const revoked = await h().app.request('/api/sites', { headers: bearer });
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error.code).toBe('unauthorized');
  });

  it('public visitors get the resident data only, unless the admin makes the planner views public (read-only)', async () => {
    const anon = h().anonymous;
    const pub = await (await anon.api.public.sites.$get()).json();
    expect(pub.features.length).toBeGreaterThan(0);
    expect(Object.keys(pub.features[0].properties).sort()).toEqual(
      ['activityDays', 'address', 'demonstration', 'id', 'kind', 'lat', 'lng', 'locationPrecision', 'name', 'openingHours', 'phone', 'placed', 'status', 'townshipCode', 'villageCode'].sort());
    expect((await anon.api.sites.$get({ query: {} })).status).toBe(401);
    await h().asRole('admin').api.settings.$patch({ json: { publicPlannerViews: true } });
    expect((await anon.api.sites.$get({ query: {} })).status).toBe(200);
    expect((await anon.api.sites.$post({ json: { kind: 'point', name: 'x' } })).status).toBe(401);
    await h().asRole('admin').api.settings.$patch({ json: { publicPlannerViews: false } });
    expect((await anon.api.sites.$get({ query: {} })).status).toBe(401);
  });

  it('answers only allowed Host names, with security headers and no-store on API JSON', async () => {
    const ok = await h().app.request('/api/health');
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ok.headers.get('referrer-policy')).toBe('same-origin');
    expect(ok.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(ok.headers.get('access-control-allow-origin')).toBeNull();
    const rebound = await h().app.request('http://attacker.example/api/health');
    expect(rebound.status).toBe(403);
    expect((await rebound.json()).error.code).toBe('forbidden');
  });
});
