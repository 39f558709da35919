import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';

// Independent expectations: the city-wide source rows (not the packs the API reads).
const CITY = join(import.meta.dirname, '../../geodata/sources/guangyuan-city');
const rows = (file: string) => parse(readFileSync(join(CITY, file), 'utf8'), { columns: true }) as Record<string, string>[];
const population = rows('census-2020/population.csv');
const streets = rows('divisions-2022/streets.csv');
const villages = rows('divisions-2022/villages.csv');

describeApi('districts API', (h) => {
  it('lists the city as a parent record and its seven counties from the shipped packs, 朝天区 the default', async () => {
    const res = await h().client.api.districts.$get();
    expect(res.status).toBe(200);
    const list = await res.json();
    expect(list.map((d) => d.code)).toEqual(['510800', '510802', '510811', '510812', '510821', '510822', '510823', '510824']);
    expect(list.filter((d) => d.default).map((d) => d.code)).toEqual(['510812']);
    for (const d of list.slice(1)) {
      const row = population.find((r) => r.CODE === d.code)!;
      expect(d).toMatchObject({
        name: row.NAME, population: Number(row.POPU), parentCode: '510800',
        townships: streets.filter((r) => r.areaCode === d.code).length,
        villages: villages.filter((r) => r.areaCode === d.code).length,
      });
      expect(d.quotaRuleSet).toMatchObject({ id: 'chaotian-2023', own: d.code === '510812' });
    }
    const city = list[0];
    expect(city).toMatchObject({ name: '广元市', parentCode: null, default: false, quotaRuleSet: null,
      townships: streets.length, villages: villages.length });
    expect(city.population).toBe(population.reduce((a, r) => a + Number(r.POPU), 0));
  });

  it('the coverage report names the quota rule set it checked', async () => {
    const res = await h().client.api.coverage.$get({ query: {} });
    const body = await res.json();
    expect(body.quotaRuleSet.id).toBe('chaotian-2023');
  });
});
