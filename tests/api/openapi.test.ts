import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';
import { ensureTestUser, testToken, testUsername, TEST_PASSWORD } from '../helpers/test-auth.ts';

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

type Call = [path: string, method: string, url: string, init?: RequestInit];

/**
 * Sends each call and checks its answer against the document: the status is declared for the operation, the
 * content type matches, and a JSON body validates. Returns the problems and every `method path status` seen.
 */
async function validateCalls(d: any, calls: Call[], req: (url: string, init?: RequestInit) => Promise<Response>) {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [path, method, url, init] of calls) {
    const res = await req(url, init);
    seen.add(`${method} ${path} ${res.status}`);
    const declared = d.paths[path]?.[method]?.responses?.[String(res.status)];
    if (!declared) { problems.push(`${method} ${url}: status ${res.status} not declared`); continue; }
    const [type, media] = Object.entries<any>(declared.content)[0];
    expect(res.headers.get('content-type') ?? '').toContain(type.split(';')[0]);
    if (type !== 'application/json') continue;
    const validateBody = ajv.compile(media.schema);
    if (!validateBody(await res.json())) problems.push(`${method} ${url} ${res.status}: ${ajv.errorsText(validateBody.errors).slice(0, 300)}`);
  }
  return { problems, seen };
}

describeApi('the OpenAPI document describes what the server does', (h) => {
  const doc = async () => (await h().request('/api/openapi.json')).json();

  it('real responses of every operation validate against the document, with their status declared', async () => {
    const d = await doc();
    const req = (path: string, init?: RequestInit) => Promise.resolve(h().request(`/api${path}`, init));
    const site = await (await req('/sites', json('POST', { kind: 'point', name: '文档测试点', lng: 105.884081, lat: 32.643374 }))).json();
    const sc = await (await req('/scenarios', json('POST', { name: '文档方案', sites: [{ name: 'p', lng: 106.15, lat: 32.64 }] }))).json();
    const form = () => {
      const fd = new FormData();
      fd.append('file', new Blob(['名称,类型,经度,纬度\r\n甲,实践点,105.884081,32.643374\r\n']), 'a.csv');
      fd.append('crs', 'wgs84');
      return { method: 'POST', body: fd };
    };
    const calls: Call[] = [
      ['/health', 'get', '/health'], ['/boundary', 'get', '/boundary'], ['/townships', 'get', '/townships'],
      ['/villages', 'get', '/villages?township=510812100'], ['/sources', 'get', '/sources'], ['/sites', 'get', '/sites?kind=point'],
      ['/sites/{id}', 'get', `/sites/${site.id}`], ['/sites/{id}', 'patch', `/sites/${site.id}`, json('PATCH', { phone: '123' })],
      ['/sites', 'post', '/sites', json('POST', { kind: 'point', name: '   ' })], ['/sites/{id}', 'get', '/sites/nope'],
      ['/sites', 'post', '/sites', json('POST', { kind: 'point', name: 'x', townshipCode: '510812999' })],
      ['/coverage', 'get', '/coverage'], ['/isochrones', 'get', `/isochrones?site=${site.id}`], ['/nearest', 'get', '/nearest?lng=105.89&lat=32.64'],
      ['/demand', 'get', '/demand'], ['/township-areas', 'get', '/township-areas'], ['/plan', 'post', '/plan', json('POST', { k: 1 })],
      ['/scenarios', 'get', '/scenarios'], ['/scenarios/{id}', 'get', `/scenarios/${sc.id}`],
      ['/scenarios/{id}', 'patch', `/scenarios/${sc.id}`, json('PATCH', { description: '说明' })],
      ['/scenarios/{id}/compare', 'get', `/scenarios/${sc.id}/compare`], ['/scenarios/{id}/accept', 'post', `/scenarios/${sc.id}/accept`, json('POST', {})],
      // Taken back (200), then again: nothing accepted to take back (409).
      ['/scenarios/{id}/unaccept', 'post', `/scenarios/${sc.id}/unaccept`, json('POST', { siteId: sc.sites[0].id })],
      ['/scenarios/{id}/unaccept', 'post', `/scenarios/${sc.id}/unaccept`, json('POST', { siteId: sc.sites[0].id })],
      ['/scenarios/{id}', 'delete', `/scenarios/${sc.id}`, { method: 'DELETE' }], ['/import/sites', 'post', '/import/sites', form()],
      ['/import/townships', 'post', '/import/townships', form()], ['/sites/{id}', 'delete', `/sites/${site.id}`, { method: 'DELETE' }],
      ['/export/sites.csv', 'get', '/export/sites.csv'], ['/export/gaps.geojson', 'get', '/export/gaps.geojson'],
    ];
    const { problems } = await validateCalls(d, calls, req);
    expect(problems).toEqual([]);
  });

  it('real responses of the accounts routes (session, users, tokens, settings, audit, public sites, restore) validate, 401/403 included', async () => {
    const d = await doc();
    const admin = await testToken(h().db.sql, 'admin');
    const viewer = await testToken(h().db.sql, 'viewer');
    // `as(null)`: no credentials at all (h().request would add the planner's token).
    const ANONYMOUS = 'x-test-anonymous';
    const as = (token: string | null, init: RequestInit = {}): RequestInit =>
      ({ ...init, headers: { ...(init.headers as Record<string, string>), ...(token ? { authorization: `Bearer ${token}` } : { [ANONYMOUS]: '1' }) } });
    const req = (path: string, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      if (!headers.has(ANONYMOUS)) return Promise.resolve(h().request(`/api${path}`, init));
      headers.delete(ANONYMOUS);
      return Promise.resolve(h().app.request(`/api${path}`, { ...init, headers }));
    };
    await ensureTestUser(h().db.sql, 'viewer');
    const site = await (await req('/sites', json('POST', { kind: 'point', name: '恢复文档点', lng: 105.884081, lat: 32.643374 }))).json();
    await req(`/sites/${site.id}`, { method: 'DELETE' });
    const user = await (await req('/users', as(admin, json('POST', { username: 'openapi-user', password: 'long-enough-1', role: 'viewer' })))).json();
    const token = await (await req('/tokens', json('POST', { name: '文档令牌' }))).json();
    const calls: Call[] = [
      ['/session', 'get', '/session'], ['/session', 'get', '/session', as(null)],
      ['/session', 'post', '/session', as(null, json('POST', { username: testUsername('viewer'), password: TEST_PASSWORD }))],
      ['/session', 'post', '/session', as(null, json('POST', { username: testUsername('viewer'), password: 'wrong password' }))],
      ['/session', 'delete', '/session', as(null, { method: 'DELETE' })],
      ['/session/password', 'post', '/session/password', json('POST', { currentPassword: 'wrong password', newPassword: 'long-enough-2' })],
      ['/session/password', 'post', '/session/password', as(null, json('POST', { currentPassword: 'x', newPassword: 'long-enough-2' }))],
      ['/users', 'get', '/users', as(admin)], ['/users', 'get', '/users'], ['/users', 'get', '/users', as(null)],
      ['/users', 'post', '/users', as(admin, json('POST', { username: 'openapi-user-2', password: 'long-enough-1', role: 'township_editor', townships: ['510812100'] }))],
      ['/users', 'post', '/users', as(admin, json('POST', { username: 'openapi-user', password: 'long-enough-1', role: 'viewer' }))],
      ['/users/{id}', 'patch', `/users/${user.id}`, as(admin, json('PATCH', { role: 'planner' }))],
      ['/users/{id}', 'patch', '/users/u_nope', as(admin, json('PATCH', { role: 'planner' }))],
      ['/users/{id}', 'delete', `/users/${user.id}`, as(admin, { method: 'DELETE' })],
      ['/tokens', 'get', '/tokens'], ['/tokens', 'post', '/tokens', as(viewer, json('POST', { name: 'x', role: 'admin' }))],
      ['/tokens/{id}', 'delete', `/tokens/${token.id}`, { method: 'DELETE' }], ['/tokens/{id}', 'delete', `/tokens/${token.id}`, { method: 'DELETE' }],
      ['/settings', 'get', '/settings'], ['/settings', 'patch', '/settings', as(admin, json('PATCH', { publicPlannerViews: false }))],
      ['/settings', 'patch', '/settings', json('PATCH', { publicPlannerViews: true })],
      ['/audit', 'get', '/audit?limit=5'], ['/audit', 'get', '/audit?from=yesterday'], ['/audit/export.csv', 'get', '/audit/export.csv?limit=5'],
      ['/audit/export.xlsx', 'get', '/audit/export.xlsx?limit=5'], ['/public/sites', 'get', '/public/sites', as(null)],
      ['/sites/{id}/restore', 'post', `/sites/${site.id}/restore`, as(viewer, { method: 'POST' })],
      ['/sites/{id}/restore', 'post', `/sites/${site.id}/restore`, { method: 'POST' }], ['/sites/{id}/restore', 'post', `/sites/${site.id}/restore`, { method: 'POST' }],
    ];
    const { problems, seen } = await validateCalls(d, calls, req);
    expect(problems).toEqual([]);
    // The calls reached the answers they were meant to: successes, refusals by login and by role, conflicts.
    expect([...seen]).toEqual(expect.arrayContaining([
      'post /session 200', 'post /session 401', 'get /users 200', 'get /users 401', 'get /users 403', 'post /users 201', 'post /users 409',
      'patch /users/{id} 404', 'post /session/password 403', 'post /tokens 403', 'delete /tokens/{id} 200', 'delete /tokens/{id} 409',
      'patch /settings 403', 'post /sites/{id}/restore 201', 'post /sites/{id}/restore 409', 'post /sites/{id}/restore 403', 'get /audit 400',
    ]));
  });

  it('login attempts over the limit answer 429 as the document declares', async () => {
    const d = await doc();
    let res: Response | undefined;
    // A test account (its stored hash is cheap to check; an unknown name is checked against a full-cost dummy hash).
    await ensureTestUser(h().db.sql, 'viewer');
    for (let i = 0; i < 30; i++) {
      res = await h().app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: testUsername('viewer'), password: 'wrong password' }) });
      if (res.status === 429) break;
    }
    expect(res!.status).toBe(429);
    expect(res!.headers.get('retry-after')).toMatch(/^\d+$/);
    const validateBody = ajv.compile(d.paths['/session'].post.responses['429'].content['application/json'].schema);
    expect(validateBody(await res!.json())).toBe(true);
  });

  it('request schemas carry the refinements the server applies', async () => {
    const d = await doc();
    const create = ajv.compile(d.paths['/sites'].post.requestBody.content['application/json'].schema);
    const update = ajv.compile(d.paths['/sites/{id}'].patch.requestBody.content['application/json'].schema);
    const plan = ajv.compile(d.paths['/plan'].post.requestBody.content['application/json'].schema);
    expect(create({ kind: 'point', name: '站' })).toBe(true);
    expect(create({ kind: 'point', name: '   ' })).toBe(false);
    expect(create({ kind: 'point', name: '站', lng: 105.9 })).toBe(false);
    expect(update({})).toBe(false);
    expect(update({ name: '新名' })).toBe(true);
    expect(plan({ k: 3 })).toBe(true);
    expect(plan({ k: 3, targetShare: 0.9 })).toBe(false);
    expect(plan({})).toBe(false);
    // Every operation declares its success, 500, and (with a body) 415.
    for (const [path, item] of Object.entries<any>(d.paths)) {
      for (const [method, o] of Object.entries<any>(item)) {
        const codes = Object.keys(o.responses);
        expect(codes.some((c) => c.startsWith('2')), `${method} ${path}`).toBe(true);
        expect(codes).toContain('500');
        if (o.requestBody) expect(codes, `${method} ${path}`).toContain('415');
      }
    }
  });
});
