import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

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
    const calls: [string, string, string, RequestInit?][] = [
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
      ['/scenarios/{id}', 'delete', `/scenarios/${sc.id}`, { method: 'DELETE' }], ['/import/sites', 'post', '/import/sites', form()],
      ['/import/townships', 'post', '/import/townships', form()], ['/sites/{id}', 'delete', `/sites/${site.id}`, { method: 'DELETE' }],
      ['/export/sites.csv', 'get', '/export/sites.csv'], ['/export/gaps.geojson', 'get', '/export/gaps.geojson'],
    ];
    const problems: string[] = [];
    for (const [path, method, url, init] of calls) {
      const res = await req(url, init);
      const declared = d.paths[path]?.[method]?.responses?.[String(res.status)];
      if (!declared) { problems.push(`${method} ${url}: status ${res.status} not declared`); continue; }
      const [type, media] = Object.entries<any>(declared.content)[0];
      expect(res.headers.get('content-type') ?? '').toContain(type.split(';')[0]);
      if (type !== 'application/json') continue;
      const validateBody = ajv.compile(media.schema);
      if (!validateBody(await res.json())) problems.push(`${method} ${url} ${res.status}: ${ajv.errorsText(validateBody.errors).slice(0, 300)}`);
    }
    expect(problems).toEqual([]);
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
