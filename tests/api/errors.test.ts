import { expect, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const patch = (body: unknown) => ({ ...json(body), method: 'PATCH' });

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = await res.json();
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  return body;
}

describeApi('bad input gets the JSON error shape', (h) => {
  const req = (path: string, init?: RequestInit) => h().request(`/api${path}`, init);

  it('unknown fields', async () => {
    const b = await expectError(await req('/sites', json({ kind: 'point', name: 'x', colour: 'red' })), 400, 'invalid_request');
    expect(b.error.issues[0].message).toMatch(/colour/);
  });
  it('wrong kind', async () => {
    const b = await expectError(await req('/sites', json({ kind: 'temple', name: 'x' })), 400, 'invalid_request');
    expect(b.error.issues[0].path).toEqual(['kind']);
  });
  it('missing name', async () => {
    await expectError(await req('/sites', json({ kind: 'point', name: '  ' })), 400, 'invalid_request');
  });
  it('unknown township', async () => {
    const b = await expectError(await req('/sites', json({ kind: 'point', name: 'x', townshipCode: '510812999' })), 422, 'unprocessable');
    expect(b.error.issues[0].path).toEqual(['townshipCode']);
  });
  it('village in another township', async () => {
    await expectError(
      await req('/sites', json({ kind: 'point', name: 'x', townshipCode: '510812101', villageCode: '510812100200' })),
      422, 'unprocessable');
  });
  it('coordinates outside the district (Chengdu), and half a coordinate', async () => {
    await expectError(await req('/sites', json({ kind: 'point', name: 'x', lng: 104.06, lat: 30.67 })), 422, 'unprocessable');
    await expectError(await req('/sites', json({ kind: 'point', name: 'x', lng: 105.9 })), 400, 'invalid_request');
    await expectError(await req('/sites', json({ kind: 'point', name: 'x', lng: 1000, lat: 32 })), 400, 'invalid_request');
  });
  it('moving a site outside the district leaves it where it was', async () => {
    const id = 'institute-510812100';
    const before = await (await req(`/sites/${id}`)).json();
    await expectError(await req(`/sites/${id}`, patch({ lng: 104.06, lat: 30.67 })), 422, 'unprocessable');
    const after = await (await req(`/sites/${id}`)).json();
    expect(after.geometry).toEqual(before.geometry);
    expect(after.properties.updatedAt).toBe(before.properties.updatedAt);
  });
  it('malformed JSON', async () => {
    await expectError(await req('/sites', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"kind":' }), 400, 'invalid_request');
  });
  it('oversized bodies', async () => {
    await expectError(await req('/sites', json({ kind: 'point', name: 'x', notes: 'x'.repeat(100_000) })), 413, 'payload_too_large');
  });
  it('bad query values and unknown routes', async () => {
    await expectError(await req('/sites?kind=temple'), 400, 'invalid_request');
    await expectError(await req('/sites?placed=maybe'), 400, 'invalid_request');
    await expectError(await req('/villages?township=abc'), 400, 'invalid_request');
    await expectError(await req('/nope'), 404, 'not_found');
    await expectError(await req('/sites/does-not-exist', patch({ name: 'y' })), 404, 'not_found');
    await expectError(await req('/sites/institute-510812100', patch({})), 400, 'invalid_request');
  });

  it('NUL characters in JSON text answer 422 naming the field, and nothing is written', async () => {
    const before = (await (await req('/sites')).json()).features.length;
    const b = await expectError(await req('/sites', json({ kind: 'point', name: 'a\u0000b' })), 422, 'unprocessable');
    expect(b.error.issues[0].path).toEqual(['name']);
    await expectError(await req('/sites/institute-510812100', patch({ notes: 'x\u0000' })), 422, 'unprocessable');
    await expectError(await req('/scenarios', json({ name: 'ok', sites: [{ name: '\u0000', lng: 106.15, lat: 32.64 }] })), 422, 'unprocessable');
    expect((await (await req('/sites')).json()).features.length).toBe(before);
  });
  it('an exclusion polygon whose ring is not closed (or too short) answers 422', async () => {
    const open = { type: 'Polygon', coordinates: [[[106.1, 32.6], [106.2, 32.6], [106.2, 32.7], [106.1, 32.7]]] };
    const b = await expectError(await req('/plan', json({ k: 1, exclusions: [open] })), 422, 'unprocessable');
    expect(b.error.issues[0].path).toEqual(['exclusions', 0, 'coordinates', 0]);
    await expectError(await req('/plan', json({ k: 1, exclusions: [{ type: 'Polygon', coordinates: [[[106.1, 32.6], [106.2, 32.6], [106.1, 32.6]]] }] })), 422, 'unprocessable');
  });
  it('a JSON route sent another content type answers 415', async () => {
    await expectError(await req('/sites', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"kind":"point","name":"x"}' }), 415, 'unsupported_media_type');
    await expectError(await req('/sites', { method: 'POST', body: new URLSearchParams({ kind: 'point', name: 'x' }) }), 415, 'unsupported_media_type');
    await expectError(await req('/scenarios/sc_x/accept', { method: 'POST' }), 415, 'unsupported_media_type');
    await expectError(await req('/import/sites', json({ crs: 'wgs84' })), 415, 'unsupported_media_type');
  });
  it('a unique-key conflict answers 409 conflict', async () => {
    expect((await req('/sites', json({ kind: 'point', name: '编码甲', code: 'DUP-1' }))).status).toBe(201);
    await expectError(await req('/sites', json({ kind: 'point', name: '编码乙', code: 'DUP-1' })), 409, 'conflict');
  });
  it('errors never echo whole values back', async () => {
    const key = 'k'.repeat(60_000);
    const res = await req('/plan', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"k":1,"${key}":1}` });
    const b = await expectError(res, 400, 'invalid_request');
    expect(JSON.stringify(b).length).toBeLessThan(5_000);
  });
  it('unknown /api routes answer 404 and wrong methods 405 with Allow, in the JSON shape', async () => {
    await expectError(await req('/nope/deeper'), 404, 'not_found');
    const r = await req('/sites', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(r.headers.get('allow')).toMatch(/GET.*POST|POST.*GET/);
    await expectError(r, 405, 'method_not_allowed');
    await expectError(await req('/health', { method: 'DELETE' }), 405, 'method_not_allowed');
    await expectError(await req('/sites/abc/accept', { method: 'POST' }), 404, 'not_found');
  });
});
