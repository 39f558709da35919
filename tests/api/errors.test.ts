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
});
