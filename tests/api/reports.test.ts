import { expect, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';
import { importCsv } from '../helpers/import-upload.ts';
import { errorBody } from '../helpers/json-body.ts';
import { pdfPages } from '../helpers/pdf-text.ts';


describeApi('GET /api/reports/*.pdf', (h) => {
  it('prints one A4 page for a township with its volunteers against 13%, activities, scorecard and rank (text extracted)', async () => {
    await importCsv(h, 'volunteers', '乡镇,日期,常住人口,注册志愿者（群众）,干部总数,已注册干部,参与活动干部\n羊木镇,2023-06-30,10000,1200,150,140,110\n');
    await importCsv(h, 'activities', '日期,阵地,活动名称\n2023-03-10,羊木镇新时代文明实践所,宣讲\n');
    const res = await h().request('/api/reports/townships/510812102.pdf?year=2023');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(1);
    const text = pages[0].replace(/\s+/g, '');
    for (const s of ['羊木镇', '2023年度', '志愿者（对照目标）', '群众注册志愿者', '12.0%', '13%', '100', '综合评估', '总分', '数据来源', '模型估算', '每月10日集中活动日']) {
      expect(text).toContain(s.normalize('NFKC'));
    }
    expect(text).toMatch(/第\d+名\/共12个乡镇/);
    // 13% of 10000 = 1300 registered needed, 1200 registered: 100 short; 关口村 demonstration target listed.
    expect(text).toMatch(/12\.0%\(1,200\/10,000\)13%100/);
    expect(text).toContain('关口村新时代文明实践站');
  });

  it('prints the district page in English and the whole-district pack as 13 pages', async () => {
    const en = await h().request('/api/reports/district.pdf?year=2023&lang=en');
    expect(en.status).toBe(200);
    const [page] = await pdfPages(new Uint8Array(await en.arrayBuffer()));
    expect(page).toContain('Township ranking');
    expect(page).toContain('Detachment ranking');
    const all = await h().request('/api/reports/all.pdf?year=2023');
    expect(all.headers.get('content-type')).toBe('application/pdf');
    const pages = await pdfPages(new Uint8Array(await all.arrayBuffer()));
    expect(pages).toHaveLength(13);
    expect(pages[0].replace(/\s+/g, '')).toContain('朝天区全区汇总');
    expect(pages.slice(1).map((p) => p.replace(/\s+/g, '').slice(0, 6).replace(/新.*/, ''))).toEqual(
      ['朝天镇', '大滩镇', '羊木镇', '曾家镇', '中子镇', '沙河镇', '两河口镇', '云雾山镇', '水磨沟镇', '李家镇', '麻柳乡', '临溪乡']);
  });

  it('answers an unknown township with 404 and a bad file name with 400, in the error shape', async () => {
    const nf = await h().request('/api/reports/townships/510812999.pdf');
    expect(nf.status).toBe(404);
    expect((await errorBody(nf)).error.code).toBe('not_found');
    const bad = await h().request('/api/reports/townships/abc.pdf');
    expect(bad.status).toBe(400);
    const html = await h().request('/api/reports/townships/510812102.html?year=2023');
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(await html.text()).toContain('@page { size: A4');
  });
});
