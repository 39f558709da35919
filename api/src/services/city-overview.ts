/**
 * The city overview (广元市): every county side by side — census population, modelled 15-minute walking coverage,
 * township quotas met, the volunteer registration rate where counts were imported, and the evaluation rank where
 * data exists. Each county's row is computed on its own planner context and cached per district + data version.
 */
import type { MultiPolygon } from 'geojson';
import type { AppDeps } from '../http/deps.ts';
import { CoverageQuerySchema } from '../schemas/coverage.ts';
import { censusOf } from './census.ts';
import { shippedDistricts } from './district-packs.ts';
import { volunteersReport } from './leaders-service.ts';

/** The travel the overview compares: walking 15 minutes to an existing site (the plan's service circle). */
const OVERVIEW_QUERY = CoverageQuerySchema.parse({ mode: 'walk', minutes: 15, status: 'existing' });

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

async function countyRow(deps: AppDeps, code: string) {
  const ctx = await deps.coverage.context(code);
  const { report } = deps.coverage.coverageOn(ctx, OVERVIEW_QUERY);
  const volunteers = await volunteersReport(deps, code, null);
  const reg = volunteers.district.standing.residentRegistration;
  const placed = ctx.sites.filter((s) => s.geometry).length;
  return {
    code, name: ctx.districtName, dataVersion: ctx.version,
    boundary: ctx.boundary.geometry as MultiPolygon,
    population: censusOf(code).population,
    coverage: {
      share: report.totals.share, covered: report.totals.covered, population: report.totals.population,
      method: report.method, modelled: report.demand.modelled, sitesPlaced: placed, sites: ctx.sites.length,
    },
    quotas: {
      townshipsMet: report.townships.filter((t) => t.quotaMet).length, townships: report.townships.length,
      ruleSet: report.quotaRuleSet,
    },
    /** Registered residents ÷ population (2023 plan target 13%); null when no volunteer counts were imported. */
    volunteerRate: volunteers.district.townshipsReporting ? reg.rate === null ? null : round(reg.rate, 4) : null,
    volunteerTownshipsReporting: volunteers.district.townshipsReporting,
  };
}

type CountyRow = Awaited<ReturnType<typeof countyRow>>;

/**
 * Every shipped county's overview row (loading a county's pack on first use), through the job queue: the first
 * call computes seven coverage reports; later calls are served from the per-district caches until a county's data
 * version changes.
 */
export async function cityOverview(deps: AppDeps, signal?: AbortSignal) {
  const districts = shippedDistricts();
  const city = districts.find((d) => d.parentCode === null) ?? null;
  const counties = districts.filter((d) => d.parentCode !== null);
  const rows = await deps.jobs.run('city-overview', async () => {
    const out: (CountyRow & { nameEn: string | null })[] = [];
    for (const d of counties) {
      await deps.loadDistrict(d.code);
      const version = (await deps.coverage.context(d.code)).version;
      const row = await deps.coverage.cached(d.code, `city-overview|${version}`, () => countyRow(deps, d.code));
      out.push({ ...row, nameEn: d.nameEn });
    }
    return out;
  }, signal);
  const ranked = [...rows].sort((a, b) => b.coverage.share - a.coverage.share).map((r) => r.code);
  return {
    city: city ? { code: city.code, name: city.name, nameEn: city.nameEn, population: city.population } : null,
    query: { mode: OVERVIEW_QUERY.mode, minutes: OVERVIEW_QUERY.minutes, status: OVERVIEW_QUERY.status },
    method: 'Per county: 2020 census population; coverage = share of the modelled demand (census total spread by the '
      + 'county\'s modelled surface) within a 15-minute walk of an existing placed site (straight-line unless a road network '
      + 'is imported); quotas met = townships meeting every quota of the rule set; volunteer rate = registered residents ÷ '
      + 'population where volunteer counts were imported. Shipped counties have their centre and institutes at approximate '
      + 'seats and stations unplaced, so coverage is low until sites are placed.',
    methodZh: '各区县：人口为 2020 年人口普查数；覆盖率为模型人口（普查总数按模型分布）中步行 15 分钟内可达已建且已定位阵地的比例'
      + '（未导入路网时为直线估算）；配额达标为全部配额达标的乡镇数；志愿者注册率为已导入志愿者统计时的注册群众数 ÷ 人口。'
      + '新载入区县的中心、所位于驻地（近似），站尚未定位，覆盖率在定位前偏低。',
    /** Counties in order of modelled coverage share (1 = highest); the evaluation's own ranks are per township, not per county. */
    coverageRank: Object.fromEntries(ranked.map((code, i) => [code, i + 1])),
    evaluationRank: null,
    evaluationNote: 'No county-level evaluation data: the yearly evaluation ranks townships inside one county.',
    counties: rows,
  };
}

export type CityOverview = Awaited<ReturnType<typeof cityOverview>>;
