import { expect, it } from 'vitest';
import { describeApi, type ApiHarness } from '../helpers/test-db.ts';
import { jsonBody, type ImportBody } from '../helpers/json-body.ts';

const P: [number, number] = [105.884081, 32.643374];

async function importFile(h: () => ApiHarness, file: string | Uint8Array, fileName: string, fields: Record<string, string>) {
  const fd = new FormData();
  fd.append('file', new Blob([file as BlobPart]), fileName);
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  const res = await h().request('/api/import/sites', { method: 'POST', body: fd });
  return { status: res.status, body: await jsonBody<ImportBody<'sites'>>(res) };
}

describeApi('site register: kinds, round trip and oversized cells', (h) => {
  it('an unknown kind is a row problem naming the accepted kinds, never a substring match ("火星基地" is no 文明实践基地)', async () => {
    const csv = `名称,类型,经度,纬度\r\n火星站点,火星基地,${P[0]},${P[1]}\r\n青云村站,青云村实践站,${P[0]},${P[1] + 0.01}\r\n`;
    const r = await importFile(h, csv, 'kinds.csv', { crs: 'wgs84' });
    expect(r.status).toBe(200);
    expect(r.body.issues).toEqual([expect.objectContaining({ row: 2, field: 'kind', code: 'unknown_kind', severity: 'error', value: '火星基地' })]);
    expect(r.body.issues[0].message).toMatch(/accepted: 新时代文明实践中心、新时代文明实践所、新时代文明实践站、文明实践广场、文明实践基地/);
    expect(r.body.issues[0].message).toMatch(/Did you mean 文明实践基地\?/);
    expect(r.body.rows.map((x) => [x.row, x.fields.kind])).toEqual([[3, 'station']]);
  });

  it('export → re-import of the CSV register is lossless, while exported cells cannot run as formulas', async () => {
    const text = { phone: '+86 839 1234567', contact: '@管理员', notes: "=HYPERLINK(\"http://x\")\n'=已转义", address: '-3层', openingHours: '=周一至周五 9:00-17:00' };
    const created = await h().request('/api/sites', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'point', name: '公式测试点', code: 'FORMULA-1', lng: P[0], lat: P[1], ...text }),
    });
    expect(created.status).toBe(201);
    const { properties: saved } = await created.json();
    const csv = await (await h().request('/api/export/sites.csv?kind=point')).text();
    const line = csv.split('\r\n').find((l) => l.includes('FORMULA-1'))!;
    expect(line).toContain(",'+86 839 1234567,");
    expect(line).toContain(",'@管理员,");
    expect(line).toContain(",'-3层,");
    const r = await importFile(h, csv, 'export.csv', { crs: 'wgs84' });
    expect(r.status).toBe(200);
    const row = r.body.rows.find((x) => x.fields.code === 'FORMULA-1');
    expect(row).toMatchObject({ action: 'update', fields: { phone: saved.phone, contact: saved.contact, notes: saved.notes, address: saved.address, openingHours: saved.openingHours } });
    expect(saved).toMatchObject({ phone: text.phone, contact: text.contact, address: text.address, openingHours: text.openingHours });
  });

  it('a CSV with a multi-megabyte cell answers 422 with a short error, and a NUL in a cell 422 naming it', async () => {
    const big = await importFile(h, `名称,类型,备注\r\n甲,实践点,${'长'.repeat(3_000_000)}\r\n`, 'big.csv', { crs: 'wgs84' });
    expect(big.status).toBe(422);
    expect(big.body.error!.code).toBe('unprocessable');
    expect(JSON.stringify(big.body).length).toBeLessThan(2_000);
    const nul = await importFile(h, `名称,类型,备注\r\n${'甲,实践点,'}${'x'.repeat(1100)}\r\n乙,实践点,a\u0000b\r\n`, 'nul.csv', { crs: 'wgs84', mode: 'commit' });
    expect([nul.status, nul.body.error!.code]).toEqual([422, 'unprocessable']);
    expect(nul.body.error!.message).toMatch(/row 3, column "备注".*NUL/);
  });
});
