import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describeApi('the OpenAPI document describes the service-request answers', (h) => {
  it('real responses of every request operation validate against the document', async () => {
    const d = (await (await h().request('/api/openapi.json')).json()) as any;
    const req = (path: string, init?: RequestInit) => h().request(`/api${path}`, init);
    const sub = (await (await req('/requests', json('POST', { service: 'science', description: '科普讲座', name: '赵六', phone: '13600000001', lng: 105.884081, lat: 32.643374 }))).json()) as any;
    const calls: [string, string, string, RequestInit?][] = [
      ['/requests', 'post', '/requests', json('POST', { service: 'science', description: '科普', name: '赵六', phone: '13600000002', villageCode: '510812100001' })],
      ['/requests', 'post', '/requests', json('POST', { service: 'nope' })],
      ['/requests', 'get', '/requests'], ['/requests/map', 'get', '/requests/map'], ['/requests/stats', 'get', '/requests/stats?month=2026-11'],
      ['/requests/track/{trackingCode}', 'get', `/requests/track/${sub.trackingCode}`], ['/requests/track/{trackingCode}', 'get', '/requests/track/AAAAAAAAAA'],
      ['/requests/{id}/accept', 'post', `/requests/${sub.id}/accept`, json('POST', {})],
      ['/requests/{id}/dispatch', 'post', `/requests/${sub.id}/dispatch`, json('POST', { teamId: 'detachment-04' })],
      ['/requests/{id}/decline', 'post', `/requests/${sub.id}/decline`, json('POST', { reason: '没空' })],
      ['/requests/{id}/dispatch', 'post', `/requests/${sub.id}/dispatch`, json('POST', {})],
      ['/requests/{id}/accept', 'post', `/requests/${sub.id}/accept`, json('POST', {})],
      ['/requests/{id}/done', 'post', `/requests/${sub.id}/done`, json('POST', { note: '完成' })],
      ['/requests/track/{trackingCode}/rating', 'post', `/requests/track/${sub.trackingCode}/rating`, json('POST', { stars: 4, comment: '好' })],
      ['/requests/{id}/cancel', 'post', `/requests/${sub.id}/cancel`, json('POST', {})],
      ['/requests/{id}/pass-up', 'post', '/requests/nope/pass-up', json('POST', { reason: 'x' })],
    ];
    const problems: string[] = [];
    for (const [path, method, url, init] of calls) {
      const res = await req(url, init);
      const declared = d.paths[path]?.[method]?.responses?.[String(res.status)];
      if (!declared) { problems.push(`${method} ${url}: status ${res.status} not declared`); continue; }
      const validate = ajv.compile(Object.values<any>(declared.content)[0].schema);
      if (!validate(await res.json())) problems.push(`${method} ${url} ${res.status}: ${ajv.errorsText(validate.errors).slice(0, 300)}`);
    }
    expect(problems).toEqual([]);
  });
});
