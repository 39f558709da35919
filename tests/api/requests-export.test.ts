import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { insertSite } from '../../api/src/db/sites-repo.ts';
import { testToken } from '../helpers/test-auth.ts';
import { describeApi, type ApiHarness } from '../helpers/test-db.ts';

const SEAT = [105.884081, 32.643374] as const; // 朝天镇

async function twoRequests(h: ApiHarness) {
  await insertSite(h.db.sql, '510812', { kind: 'station', name: '甲站', townshipCode: '510812100', lng: SEAT[0] + 0.003, lat: SEAT[1] });
  const codes: string[] = [];
  for (const [name, phone] of [['王小明', '13912345678'], ['欧阳娜娜', '13687654321']]) {
    const res = await h.app.request('/api/requests', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'legal', description: '法律咨询', name, phone, lng: SEAT[0] + 0.0035, lat: SEAT[1] }),
    });
    codes.push(((await res.json()) as { trackingCode: string }).trackingCode);
  }
  return codes;
}

describeApi('service-request exports', (h) => {
  it('CSV: every request, name and phone masked, no tracking code; the export is audited', async () => {
    const codes = await twoRequests(h());
    const res = await h().request('/api/requests/export.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, '').trim().split(/\r\n/);
    expect(lines[0]).toMatch(/^点单ID,提交时间（北京时间）,服务/);
    expect(lines).toHaveLength(3);
    for (const secret of ['王小明', '13912345678', '欧阳娜娜', '13687654321', ...codes]) expect(text).not.toContain(secret);
    expect(text).toContain('王**');
    expect(text).toContain('139****5678');
    expect(text).toContain('欧***');
    const [a] = await h().db.sql`SELECT username, details FROM audit_log WHERE action = 'request.export'`;
    expect(a.username).toBe('test-planner');
    expect(a.details).toMatchObject({ format: 'csv', rows: 2 });
  });

  it('XLSX: the 点单 sheet masked with a 说明 sheet; filters apply; erased contacts say so', async () => {
    await twoRequests(h());
    await h().db.sql`UPDATE service_requests SET contact_name = NULL, phone = NULL, erased_at = now() WHERE contact_name = '欧阳娜娜'`;
    const res = await h().request('/api/requests/export.xlsx?status=submitted');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['点单', '说明']);
    const sheet = wb.getWorksheet('点单')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const contacts = [2, 3].map((r) => [sheet.getRow(r).getCell(col('联系人（已脱敏）')).text, sheet.getRow(r).getCell(col('电话（已脱敏）')).text]).sort();
    expect(contacts).toEqual([['王**', '139****5678'], ['已删除', '已删除']].sort());
    expect((await h().request('/api/requests/export.xlsx?status=done')).status).toBe(200);
    const [a] = await h().db.sql`SELECT details FROM audit_log WHERE action = 'request.export' ORDER BY id LIMIT 1`;
    expect(a.details).toMatchObject({ format: 'xlsx', rows: 2, filters: { status: ['submitted'] } });
  });

  it('leaders (viewers) may export; dispatchers and anonymous callers may not', async () => {
    const as = async (role: 'viewer' | 'dispatcher') => (await h().app.request('/api/requests/export.csv', { headers: { authorization: `Bearer ${await testToken(h().db.sql, role)}` } })).status;
    expect(await as('viewer')).toBe(200);
    expect(await as('dispatcher')).toBe(403);
    expect((await h().app.request('/api/requests/export.csv')).status).toBe(401);
  });
});
