import { expect, it } from 'vitest';
import { insertSite } from '../../api/src/db/sites-repo.ts';
import { requestConfig } from '../../api/src/services/request-config.ts';
import { sweepRequests } from '../../api/src/services/request-service.ts';
import { startRequestSweeper } from '../../api/src/services/request-sweeper.ts';
import { describeApi, type ApiHarness } from '../helpers/test-db.ts';

const SEAT = [105.884081, 32.643374] as const; // 朝天镇
const DAY_MS = 24 * 3600 * 1000;

async function submitOne(h: ApiHarness, phone: string) {
  await insertSite(h.db.sql, '510812', { kind: 'station', name: '甲站', townshipCode: '510812100', lng: SEAT[0] + 0.003, lat: SEAT[1] });
  const res = await h.app.request('/api/requests', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ service: 'legal', description: '法律咨询', name: '王小明', phone, lng: SEAT[0] + 0.0035, lat: SEAT[1] }),
  });
  expect(res.status).toBe(201);
  const [row] = await h.db.sql`SELECT id, submitted_at FROM service_requests WHERE phone = ${phone}`;
  return { id: String(row.id), submittedAt: row.submitted_at as Date };
}

const stateOf = async (h: ApiHarness, id: string) =>
  (await h.db.sql`SELECT status, contact_name, phone, erased_at IS NOT NULL AS erased FROM service_requests WHERE id = ${id}`)[0];
const audits = async (h: ApiHarness, action: string) => Number((await h.db.sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`)[0].n);

describeApi('service-request sweep (expiry and erasure on a clock)', (h) => {
  it('expires after the expiry period and erases after retention, each once, audited; a second run at the same clock does nothing', async () => {
    const deps = { db: h().db, requests: requestConfig({ expireHours: 7 * 24, retentionDays: 180 }) };
    const r = await submitOne(h(), '13900000001');
    const at = (days: number) => new Date(r.submittedAt.getTime() + days * DAY_MS);

    expect(await sweepRequests(deps, at(6))).toEqual({ expired: 0, erased: 0 });
    expect((await stateOf(h(), r.id)).status).toBe('submitted');

    expect(await sweepRequests(deps, at(8))).toEqual({ expired: 1, erased: 0 });
    expect(await sweepRequests(deps, at(8))).toEqual({ expired: 0, erased: 0 });
    expect(await stateOf(h(), r.id)).toMatchObject({ status: 'expired', contact_name: '王小明', erased: false });

    expect(await sweepRequests(deps, at(181))).toEqual({ expired: 0, erased: 1 });
    expect(await sweepRequests(deps, at(200))).toEqual({ expired: 0, erased: 0 });
    expect(await stateOf(h(), r.id)).toMatchObject({ status: 'expired', contact_name: null, phone: null, erased: true });
    expect([await audits(h(), 'request.expire'), await audits(h(), 'request.erase')]).toEqual([1, 1]);
  });

  it('the server sweeper runs once at start (with its clock) without anyone opening the inbox', async () => {
    const r = await submitOne(h(), '13900000002');
    const logged: string[] = [];
    const sweeper = startRequestSweeper({ db: h().db, requests: requestConfig({ retentionDays: 180 }) },
      { now: () => new Date(r.submittedAt.getTime() + 181 * DAY_MS), log: (m) => logged.push(m) });
    try {
      expect(await sweeper.started).toEqual({ expired: 1, erased: 1 });
      expect(await stateOf(h(), r.id)).toMatchObject({ status: 'expired', erased: true });
      expect(logged).toEqual(['service requests: 1 expired, 1 contacts erased']);
      expect(await sweeper.runOnce()).toEqual({ expired: 0, erased: 0 });
    } finally {
      sweeper.stop();
    }
  });
});
