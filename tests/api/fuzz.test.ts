/**
 * Seeded fuzz over every operation of the OpenAPI document: ≥ 1,000 malformed requests (each broken on purpose:
 * an unknown field, a wrong type, NUL, a huge value, bad JSON, a wrong content type or method, a junk id).
 * No answer may be a 5xx, every error must be in the JSON error shape, and the data must not change.
 */
import { expect, it } from 'vitest';
import { seededRandom } from '../../api/src/engine/seeded-random.ts';
import { ERROR_CODES } from '../../api/src/http/errors.ts';
import { describeApi } from '../helpers/test-db.ts';
import { testToken } from '../helpers/test-auth.ts';

const SEED = 20261130;
const PER_OPERATION = 40;

type Schema = { type?: string; properties?: Record<string, Schema>; required?: string[]; enum?: unknown[]; items?: Schema; anyOf?: Schema[] };
interface Operation { path: string; method: string; parameters: { name: string; in: string; schema: Schema }[]; body?: { type: string; schema: Schema } }

function operations(doc: any): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      const content = op.requestBody?.content ?? {};
      const type = Object.keys(content)[0];
      ops.push({ path, method: method.toUpperCase(), parameters: op.parameters ?? [], body: type ? { type, schema: content[type].schema } : undefined });
    }
  }
  return ops;
}

const JUNK: unknown[] = ['', ' ', 'a\u0000b', 'x'.repeat(70_000), '💥'.repeat(50), '../../etc/passwd', '<script>', -1, 0, 1e308, -1e308, 3.5,
  true, false, null, [], [1, 'a'], {}, { nested: { deeper: [null] } }, 'NaN', 'Infinity', '1e999', '2026-13-45', "'; DROP TABLE sites; --"];

function makeFuzzer(rand: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const junkText = () => String(pick(JUNK.filter((x) => typeof x !== 'object' || x === null)));
  /** A plausible value for a schema, then broken somewhere by the caller. */
  const sample = (s: Schema | undefined, depth = 0): unknown => {
    if (!s || depth > 3) return null;
    if (s.enum) return pick(s.enum);
    if (s.anyOf) return sample(pick(s.anyOf), depth + 1);
    if (s.type === 'object') return Object.fromEntries((s.required ?? []).map((k) => [k, sample(s.properties?.[k], depth + 1)]));
    if (s.type === 'array') return [sample(s.items, depth + 1)];
    if (s.type === 'number' || s.type === 'integer') return 1;
    if (s.type === 'boolean') return true;
    return 'x';
  };
  /** A JSON body with one guaranteed defect. */
  const badJsonBody = (s: Schema): { text: string; type: string } => {
    const base = sample(s) as Record<string, unknown>;
    const props = Object.keys(s.properties ?? {});
    switch (Math.floor(rand() * 8)) {
      case 0: return { text: JSON.stringify({ ...base, [`fuzz_${Math.floor(rand() * 1e6)}`]: pick(JUNK) }), type: 'application/json' };
      case 1: return { text: JSON.stringify({ ...base, ...(props.length ? { [pick(props)]: 'bad\u0000text' } : {}), zz: 1 }), type: 'application/json' };
      case 2: return { text: JSON.stringify(pick([[], 'text', 42, null, [base]])), type: 'application/json' };
      case 3: return { text: pick(['{"a":', '{', '[1,', 'nul', '{"k":1}}', '\u0000', '']), type: 'application/json' };
      case 4: return { text: JSON.stringify(base), type: pick(['text/plain', 'application/xml', 'application/x-www-form-urlencoded', '']) };
      case 6: { // only defect: a NUL in one text field (or a whole NUL body)
        const strings = props.filter((p) => s.properties?.[p]?.type === 'string');
        return { text: JSON.stringify(strings.length ? { ...base, [pick(strings)]: 'x\u0000' } : '\u0000'), type: 'application/json' };
      }
      case 5: return { text: JSON.stringify({ ...base, [props.length ? pick(props) : 'x']: { deep: [[[['x'.repeat(1000)]]]] }, zz: 1 }), type: 'application/json' };
      default: {
        const broken = { ...base };
        for (const p of props) if (rand() < 0.5) broken[p] = pick(JUNK);
        broken[`unknown_${Math.floor(rand() * 1e6)}`] = true; // strict schemas: always a defect
        return { text: JSON.stringify(broken), type: 'application/json' };
      }
    }
  };
  const badForm = (): { body: BodyInit; type?: string } => {
    const fd = new FormData();
    switch (Math.floor(rand() * 5)) {
      case 0: fd.append('crs', pick(['', 'mars', 'WGS84 ', 'a\u0000'])); fd.append('file', new Blob(['名称\r\n甲\r\n']), 'a.csv'); break;
      case 1: fd.append('crs', 'wgs84'); fd.append('file', junkText()); break; // a string, not a file
      case 2: fd.append('crs', 'wgs84'); fd.append('mode', 'commit'); fd.append('licence', 'x'); fd.append('file', new Blob([new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])]), 'bad.xlsx'); break;
      case 3: fd.append('crs', 'wgs84'); fd.append('mode', 'commit'); fd.append('licence', 'x'); fd.append('mapping', pick(['{', '[]', '{"name":5}'])); fd.append('file', new Blob(['a,b\r\n1,2\r\n']), 'x.csv'); break;
      default: return { body: JSON.stringify({ crs: 'wgs84' }), type: 'application/json' };
    }
    return { body: fd };
  };
  const badQuery = (params: Operation['parameters']) => {
    const q = new URLSearchParams();
    for (const p of params.filter((x) => x.in === 'query')) if (rand() < 0.4) q.append(p.name, junkText());
    q.append(pick(['zzz', 'fuzz', '__proto__', 'constructor', 'a\u0000']), junkText()); // strict query schemas: always a defect
    return q.toString();
  };
  const junkId = () => pick(['does-not-exist', 'a'.repeat(65), 'x%00y', '%F0%9F%92%A5', '..%2F..', `s_${Math.floor(rand() * 1e9)}`, 'sc_0000', '-', '%20']);
  return { pick, badJsonBody, badForm, badQuery, junkId, rand };
}

async function snapshot(sql: any) {
  const [row] = await sql`SELECT
    (SELECT md5(coalesce(string_agg(s::text, '|' ORDER BY id), '')) FROM sites s) AS sites,
    (SELECT md5(coalesce(string_agg(s::text, '|' ORDER BY id), '')) FROM scenarios s) AS scenarios,
    (SELECT md5(coalesce(string_agg(s::text, '|' ORDER BY id), '')) FROM scenario_sites s) AS scenario_sites,
    (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY code), '')) FROM townships t) AS townships,
    (SELECT md5(coalesce(string_agg(v::text, '|' ORDER BY code), '')) FROM villages v) AS villages,
    (SELECT count(*) FROM data_sources) AS sources`;
  return row;
}

describeApi('fuzz: malformed requests over the OpenAPI operations', (h) => {
  it(`${SEED}: no 5xx, every error in the JSON shape, data unchanged`, async () => {
    // As an admin, so every request reaches validation (anonymous ones would all stop at 401).
    const token = await testToken(h().db.sql, 'admin');
    const app = {
      request: (url: string, init: RequestInit = {}) =>
        h().app.request(url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` } }),
    };
    let refusedByAuth = 0;
    const doc = await (await app.request('/api/openapi.json')).json();
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(30);
    const scenario = await (await app.request('/api/scenarios', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '模糊测试', sites: [{ name: 'p', lng: 106.15, lat: 32.64 }] }) })).json();
    const before = await snapshot(h().db.sql);
    const f = makeFuzzer(seededRandom(SEED));
    const failures: string[] = [];
    let sent = 0;
    for (const op of ops) {
      for (let n = 0; n < PER_OPERATION; n++) {
        const real = { id: f.pick(['institute-510812100', scenario.id]) };
        // Path ids: junk, or a real id when the request is broken elsewhere.
        const brokenElsewhere = op.body !== undefined || op.parameters.some((p) => p.in === 'query');
        const path = op.path.replace('{id}', () => encodeURIComponent(brokenElsewhere && f.rand() < 0.5 ? real.id : f.junkId()).replace(/%25/g, '%'));
        let url = `/api${path}`;
        const init: RequestInit = { method: op.method, headers: {} };
        if (op.parameters.some((p) => p.in === 'query')) url += `?${f.badQuery(op.parameters)}`;
        if (op.body?.type === 'application/json') {
          const b = f.badJsonBody(op.body.schema);
          init.body = b.text;
          if (b.type) (init.headers as Record<string, string>)['content-type'] = b.type;
        } else if (op.body) {
          const b = f.badForm();
          init.body = b.body;
          if (b.type) (init.headers as Record<string, string>)['content-type'] = b.type;
        }
        if (!op.body && !op.parameters.some((p) => p.in === 'query' || p.in === 'path')) {
          init.method = f.pick(['PUT', 'PATCH', 'DELETE', 'POST']);
          if (op.path === '/sites' || op.path === '/scenarios') init.method = f.pick(['PUT', 'DELETE']);
          // DELETE /session (log out) takes no input at all: nothing about it can be malformed.
          if (op.path === '/session') init.method = f.pick(['PUT', 'PATCH']);
        }
        const res = await app.request(url, init);
        sent++;
        const text = await res.text();
        if (res.status === 401 || res.status === 403) refusedByAuth++;
        const label = `${init.method} ${url.slice(0, 120)} → ${res.status}`;
        if (res.status >= 500) failures.push(`${label}: ${text.slice(0, 200)}`);
        else if (res.status >= 400) {
          let body: any;
          try { body = JSON.parse(text); } catch { failures.push(`${label}: not JSON`); continue; }
          const e = body?.error;
          const ok = e && ERROR_CODES.includes(e.code) && typeof e.message === 'string' && Object.keys(body).length === 1
            && (e.issues === undefined || (Array.isArray(e.issues) && e.issues.every((i: any) => Array.isArray(i.path) && typeof i.message === 'string')));
          if (!ok) failures.push(`${label}: not the error shape: ${text.slice(0, 200)}`);
          if (text.length > 200_000) failures.push(`${label}: error body of ${text.length} characters`);
        } else if (init.method !== 'GET' && !(op.path.startsWith('/import/') && res.status === 200 && !String(init.body).includes('commit'))) {
          failures.push(`${label}: a malformed write was accepted`);
        }
      }
    }
    expect(sent).toBeGreaterThanOrEqual(1000);
    expect(failures).toEqual([]);
    // The admin passes every rule: a 401/403 here would mean the fuzz never reached validation.
    expect(refusedByAuth).toBe(0);
    expect(await snapshot(h().db.sql)).toEqual(before);
  });
});
