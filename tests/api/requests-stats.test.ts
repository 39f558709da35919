import { expect, it } from 'vitest';
import { insertSite } from '../../api/src/db/sites-repo.ts';
import { describeApi, type ApiHarness } from '../helpers/test-db.ts';

const SEAT = [105.884081, 32.643374] as const; // 朝天镇
const OWN = '510812100';

async function submit(h: ApiHarness, phone: string, dx: number) {
  const res = await h.app.request('/api/requests', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ service: 'health', description: '量血压', name: '李四', phone, lng: SEAT[0] + dx, lat: SEAT[1] }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describeApi('service-request statistics for the leaders (平台运营)', (h) => {
  it('response hours per township and per site, by Beijing month, hand-worked; the map filters by month', async () => {
    const sql = h().db.sql;
    await sql`DELETE FROM sites`;
    const a = (await insertSite(sql, '510812', { kind: 'station', name: '甲站', townshipCode: OWN, lng: SEAT[0] + 0.003, lat: SEAT[1] })).properties.id;
    const b = (await insertSite(sql, '510812', { kind: 'station', name: '乙站', townshipCode: OWN, lng: SEAT[0] - 0.03, lat: SEAT[1] })).properties.id;
    const r1 = await submit(h(), '13700000001', 0.0035);
    const r2 = await submit(h(), '13700000002', 0.0036);
    const r3 = await submit(h(), '13700000003', -0.0302);
    // March (Beijing): r1 accepted after 2 h, done after 10 h, 5 stars; r2 accepted after 4 h, done after 30 h, 3 stars.
    await sql`UPDATE service_requests SET status = 'rated', stars = 5, submitted_at = '2026-03-01T01:00:00Z', accepted_at = '2026-03-01T03:00:00Z', done_at = '2026-03-01T11:00:00Z' WHERE id = ${r1}`;
    await sql`UPDATE service_requests SET status = 'rated', stars = 3, submitted_at = '2026-03-02T01:00:00Z', accepted_at = '2026-03-02T05:00:00Z', done_at = '2026-03-03T07:00:00Z' WHERE id = ${r2}`;
    // 2026-03-31 20:00 UTC is 1 April in Beijing: April's, not March's.
    await sql`UPDATE service_requests SET submitted_at = '2026-03-31T20:00:00Z', dispatch_due_at = '2026-04-01T20:00:00Z' WHERE id = ${r3}`;

    const march = (await (await h().request('/api/requests/stats?month=2026-03')).json()) as any;
    expect(march.townships).toEqual([{ townshipCode: OWN, townshipName: '朝天镇', month: '2026-03', requests: 2, done: 2, averageStars: 4, overdue: 0, outsideCircle: 0, hoursToAccept: 3, hoursToDone: 20 }]);
    expect(march.sites).toEqual([{ siteId: a, siteName: '甲站', siteKind: 'station', townshipCode: OWN, month: '2026-03', requests: 2, done: 2, averageStars: 4, overdue: 0, outsideCircle: 0, hoursToAccept: 3, hoursToDone: 20 }]);
    const april = (await (await h().request('/api/requests/stats?month=2026-04')).json()) as any;
    expect(april.sites.map((s: any) => [s.siteId, s.requests, s.overdue, s.hoursToAccept])).toEqual([[b, 1, 1, null]]);

    const map = async (q: string) => ((await (await h().request(`/api/requests/map?${q}`)).json()) as any).features.map((f: any) => f.properties.month);
    expect(await map('from=2026-03-01&to=2026-03-02')).toEqual(['2026-03', '2026-03']);
    // Dates and months are Beijing's: r3, 20:00 UTC on 31 March, is April's first day.
    expect(await map('from=2026-04-01&to=2026-04-01')).toEqual(['2026-04']);
    expect(await map('from=2026-03-31&to=2026-03-31')).toEqual([]);
  });
});
