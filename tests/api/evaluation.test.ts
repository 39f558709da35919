import { expect, it } from 'vitest';
import { DEFAULT_INDICATORS } from '../../api/src/services/evaluation-rules.ts';
import { describeApi } from '../helpers/test-db.ts';
import { importCsv } from '../helpers/import-upload.ts';
import { errorBody } from '../helpers/json-body.ts';

/** Every indicator at weight 0 except those given. */
const only = (weights: Record<string, number>) => DEFAULT_INDICATORS.map((i) => ({ id: i.id, weight: weights[i.id] ?? 0 }));
const YM = '510812102', SH = '510812105', ZJ = '510812103';

describeApi('GET /api/evaluation and PUT /api/evaluation/rules', (h) => {
  it('scores and ranks townships by hand-worked rules, ties sharing a rank, and reproduces a saved year', async () => {
    await importCsv(h, 'volunteers', ['乡镇,村（社区）,日期,常住人口,注册志愿者（群众）', '羊木镇,,2023-06-30,10000,1300', '沙河镇,,2023-06-30,10000,650',
      '曾家镇,,2023-06-30,2000,130', '羊木镇,,2024-06-30,10000,0'].join('\n'));
    // Registration (ratio to 13%) weight 50, platform (entered) weight 50:
    // 羊木镇 13% → 100, platform 60 → 80; 沙河镇 6.5% → 50, platform 100 → 75; 曾家镇 6.5% → 50, platform 100 → 75 (tie).
    const put = await h().asRole('admin').api.evaluation.rules.$put({ query: { year: '2023' }, json: {
      indicators: only({ volunteer_registration: 50, platform: 50 }), entered: { platform: { [YM]: 60, [SH]: 100, [ZJ]: 100 } }, fieldChecksCount: true,
    } });
    expect(put.status).toBe(200);
    const res = await h().client.api.evaluation.$get({ query: { year: '2023' } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ year: 2023, asOf: '2023-12-31', rulesSaved: true });
    expect(body.weights).toMatchObject({ volunteer_registration: 50, platform: 50, coverage_share: 0 });
    expect(body.townships.slice(0, 3).map((t) => [t.name, t.score, t.rank])).toEqual([['羊木镇', 80, 1], ['曾家镇', 75, 2], ['沙河镇', 75, 2]]);
    expect(body.townships.slice(3).every((t) => t.rank === null && t.score === null)).toBe(true);
    expect(body.townships[0].indicators.find((i) => i.id === 'volunteer_registration')).toEqual({ id: 'volunteer_registration', value: 0.13, target: 0.13, score: 100, weight: 50 });
    expect(body.method.zh).toMatch(/同分同名次/);

    // Another year's rules leave 2023 alone; 2024 without saved rules uses the defaults.
    const y2024 = await (await h().client.api.evaluation.$get({ query: { year: '2024' } })).json();
    expect(y2024.rulesSaved).toBe(false);
    expect(y2024.weights.coverage_share).toBe(10);
    await h().asRole('admin').api.evaluation.rules.$put({ query: { year: '2024' }, json: { indicators: only({ platform: 100 }), entered: {}, fieldChecksCount: true } });
    const again = await (await h().client.api.evaluation.$get({ query: { year: '2023' } })).json();
    expect(again.townships.map((t) => [t.code, t.score, t.rank])).toEqual(body.townships.map((t) => [t.code, t.score, t.rank]));
  });

  it('feeds the latest field check of the year into 实地督查 and ranks the detachments on their own indicators', async () => {
    const fc = h().client.api['field-checks'];
    expect((await fc.$post({ json: { townshipCode: YM, date: '2023-04-01', inspector: '张三', score: 60, notes: '台账不全' } })).status).toBe(201);
    expect((await fc.$post({ json: { townshipCode: YM, date: '2023-09-01', inspector: '李四', score: 90, notes: '' } })).status).toBe(201);
    expect((await fc.$post({ json: { townshipCode: '999999999', date: '2023-09-01', inspector: '李四', score: 90, notes: '' } })).status).toBe(422);
    const acts = ['日期,队伍,乡镇,活动名称', ...Array.from({ length: 12 }, (_, m) => `2023-${String(m + 1).padStart(2, '0')}-10,理论政策宣讲支队,羊木镇,宣讲${m + 1}`)];
    await importCsv(h, 'activities', acts.join('\n'));
    await h().asRole('admin').api.evaluation.rules.$put({ query: { year: '2023' }, json: { indicators: only({ field_check: 100, det_activities: 60, det_active_months: 30, det_home_site: 10 }), entered: {}, fieldChecksCount: true } });
    const body = await (await h().client.api.evaluation.$get({ query: { year: '2023' } })).json();
    expect(body.townships[0]).toMatchObject({ code: YM, score: 90, rank: 1 });
    // 12 activities → 100, 12 of 12 months → 100, no home site → 0: (60·100 + 30·100 + 10·0) / 100 = 90. The 14 others score 0 and tie at 2.
    expect(body.detachments[0]).toMatchObject({ code: 'detachment-01', score: 90, rank: 1 });
    expect(body.detachments.slice(1).map((d) => [d.score, d.rank])).toEqual(Array(14).fill([0, 2]));
    expect(body.detachments).toHaveLength(15);
  });

  it('refuses unknown indicators, bad townships in entered scores and a bad year with 400', async () => {
    const bad = await h().asRole('admin').api.evaluation.rules.$put({ query: { year: '2023' }, json: { indicators: [{ id: 'nope', weight: 1 }], entered: {}, fieldChecksCount: true } });
    expect(bad.status).toBe(400);
    const badCode = await h().asRole('admin').api.evaluation.rules.$put({ query: { year: '2023' }, json: { indicators: only({ platform: 1 }), entered: { platform: { '123456789': 50 } }, fieldChecksCount: true } });
    expect(badCode.status).toBe(400);
    const year = await h().request('/api/evaluation?year=abc');
    expect(year.status).toBe(400);
    expect((await errorBody(year)).error.code).toBe('invalid_request');
  });
});
