import { expect, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';
import { importCsv } from '../helpers/import-upload.ts';
import { errorBody } from '../helpers/json-body.ts';


describeApi('GET /api/volunteers', (h) => {
  it('gives each township and village its counts, rates and people short; a village without population has no rate', async () => {
    await importCsv(h, 'volunteers', ['乡镇,村（社区）,日期,常住人口,注册志愿者（群众）,干部总数,已注册干部,参与活动干部,参与活动群众',
      '羊木镇,,2023-06-30,10000,1200,150,140,110,1400', '羊木镇,关口村,2023-06-30,,118,9,9,8,105',
      '羊木镇,,2022-12-31,10000,800,150,100,100,800', '沙河镇,新山村,2024-01-01,1,1,1,1,1,1'].join('\n').replace('沙河镇,新山村', '羊木镇,新山村'));
    const res = await h().client.api.volunteers.$get({ query: { date: '2023-12-31' } });
    expect(res.status).toBe(200);
    const body = await res.json();
    const ym = body.townships.find((t) => t.name === '羊木镇')!;
    expect(ym).toMatchObject({ date: '2023-06-30', countsFrom: 'township-row', population: 10000, populationBasis: 'volunteer-file' });
    // 13% of 10000 = 1300: 100 short. Cadres: 150 − 140 = 10 short; 80% of 150 = 120 taking part needed, 110 → 10 short.
    expect(ym.standing.residentRegistration).toMatchObject({ rate: 0.12, shortPeople: 100, met: false });
    expect(ym.standing.cadreRegistration.shortPeople).toBe(10);
    expect(ym.standing.cadreParticipation.shortPeople).toBe(10);
    expect(ym.standing.residentParticipation).toMatchObject({ met: true, shortPeople: 0 });
    const gk = ym.villages.find((v) => v.shortName === '关口村')!;
    expect(gk).toMatchObject({ date: '2023-06-30', population: null, populationBasis: null });
    expect(gk.standing.residentRegistration.rate).toBeNull();
    expect(gk.standing.cadreRegistration).toMatchObject({ rate: 1, met: true });
    // The 2024 count of 新山村 is after the date asked for.
    expect(ym.villages.find((v) => v.shortName === '新山村')!.date).toBeNull();
    // Only 羊木镇 reported: the district figure covers it alone, not the census total of all twelve.
    expect(body.district).toMatchObject({ townshipsReporting: 1, townshipsTotal: 12, population: 10000, populationBasis: 'reporting-townships' });
    const other = body.townships.find((t) => t.name === '朝天镇')!;
    expect(other).toMatchObject({ countsFrom: null, date: null });
    expect(other.standing.residentRegistration.rate).toBeNull();
  });

  it('rejects a malformed date with 400', async () => {
    const res = await h().request('/api/volunteers?date=2023-13');
    expect(res.status).toBe(400);
    expect((await errorBody(res)).error.code).toBe('invalid_request');
  });
});

describeApi('activities: records, yearly figures, demonstration targets', (h) => {
  it('adds and edits an activity, derives 有活动 with the latest date, counts the 10ths and teams against 12', async () => {
    const c = h().client.api.activities;
    const created = await c.$post({ json: { date: '2023-03-10', siteId: 'station-510812102215', teamId: 'detachment-01', project: 'chaotian_talk', participants: 30, title: '宣讲' } });
    expect(created.status).toBe(201);
    const a = await created.json();
    expect(a.townshipCode).toBe('510812102');
    const bad = await c.$post({ json: { date: '2023-03-11', siteId: 'no-such-site', title: 'x' } });
    expect(bad.status).toBe(422);
    const noTitle = await c.$post({ json: { date: '2023-03-11', townshipCode: '510812102', title: '' } });
    expect(noTitle.status).toBe(400);
    await c.$post({ json: { date: '2023-05-09', siteId: 'station-510812102215', title: '走访' } });
    const patched = await c[':id'].$patch({ param: { id: (await (await c.$get({ query: { site: 'station-510812102215' } })).json()).activities[0].id }, json: { date: '2023-05-10' } });
    expect(patched.status).toBe(200);
    const missing = await c[':id'].$patch({ param: { id: 'nope' }, json: { title: 'y' } });
    expect(missing.status).toBe(404);

    const s = await (await h().client.api.activities.summary.$get({ query: { year: '2023' } })).json();
    const site = s.sites.find((x) => x.id === 'station-510812102215')!;
    expect(site).toMatchObject({ hasActivities: true, count: 2, latest: '2023-05-10', short: 10 });
    const ym = s.townships.find((t) => t.code === '510812102')!;
    expect(ym.activityDays.map((x, i) => (x ? i + 1 : 0)).filter(Boolean)).toEqual([3, 5]);
    expect(s.teams.find((t) => t.id === 'detachment-01')).toMatchObject({ count: 1, short: 11, met: false });
    expect(s.teams.filter((t) => t.level === 'detachment')).toHaveLength(15);
  });

  it('ships the six demonstration targets of the 2023 plan with their sites and status', async () => {
    await h().db.sql`UPDATE sites SET demonstration = true WHERE id = 'station-510812105205'`;
    const s = await (await h().client.api.activities.summary.$get({ query: { year: '2023' } })).json();
    expect(s.demonstrationTargets.map((d) => [d.kind, d.township, d.village, d.status])).toEqual([
      ['institute', '羊木镇', null, 'not_yet'], ['institute', '沙河镇', null, 'not_yet'], ['station', '羊木镇', '关口村', 'not_yet'],
      ['station', '羊木镇', '新山村', 'not_yet'], ['station', '沙河镇', '唐家村', 'demonstration'], ['station', '曾家镇', '毛坝村', 'not_yet'],
    ]);
    expect(s.demonstrationTargets[2].siteId).toBe('station-510812102215');
  });
});
