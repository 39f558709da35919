/**
 * Assembles the leaders' figures from the database and the coverage service: volunteers against the
 * plan's targets per township and village, activities per site/team/township, demonstration targets.
 */
import { censusOf } from './census.ts';
import type { AppDeps } from '../http/deps.ts';
import { latestVolunteerCounts, listActivities, listSiteRefs, listTeams, type VolunteerCountRow } from '../db/leaders-repo.ts';
import { listTownships, listVillages } from '../db/reference-repo.ts';
import { activitySummary, demonstrationTargets, volunteerStanding, VOLUNTEER_TARGETS, type VolunteerCounts } from '../engine/leaders/index.ts';
import { CoverageQuerySchema } from '../schemas/coverage.ts';



/** Where a population used as a denominator came from. */
export type PopulationBasis = 'volunteer-file' | 'imported-villages' | 'modelled' | 'census-2020' | null;

const COUNT_KEYS = ['registeredResidents', 'totalCadres', 'registeredCadres', 'participatingCadres', 'participatingResidents'] as const;
const emptyCounts = (): VolunteerCounts => ({ registeredResidents: null, totalCadres: null, registeredCadres: null, participatingCadres: null, participatingResidents: null });

function sumCounts(rows: VolunteerCounts[]): VolunteerCounts {
  const out = emptyCounts();
  for (const r of rows) for (const k of COUNT_KEYS) if (r[k] !== null) out[k] = (out[k] ?? 0) + r[k]!;
  return out;
}
const countsOf = (r: VolunteerCountRow | undefined): VolunteerCounts =>
  r ? { registeredResidents: r.registeredResidents, totalCadres: r.totalCadres, registeredCadres: r.registeredCadres,
    participatingCadres: r.participatingCadres, participatingResidents: r.participatingResidents } : emptyCounts();

/** `today` as YYYY-MM-DD (the only clock read of the leaders' view). */
export const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * Volunteers per township and village as of `date` (latest counts on or before it), with rates,
 * targets and what is short in people. A village rate needs a village population (from the volunteer
 * file or an imported village population); otherwise it is null with `populationBasis: null`.
 */
export async function volunteersReport(deps: AppDeps, district: string, date: string | null) {
  const sql = deps.db.sql;
  const census = censusOf(district);
  const [rows, townships, villages, coverage] = await Promise.all([
    latestVolunteerCounts(sql, district, date), listTownships(sql, district), listVillages(sql, district),
    deps.coverage.coverage(district, CoverageQuerySchema.parse({})),
  ]);
  const modelledDemand = coverage.report.demand.modelled;
  const demandPop = new Map(coverage.report.townships.map((t) => [t.code, t.population]));
  const byScope = new Map(rows.map((r) => [r.villageCode ?? r.townshipCode, r]));
  const out = townships.map((t) => {
    const tv = villages.filter((v) => v.townshipCode === t.code);
    const villageRows = tv.map((v) => {
      const r = byScope.get(v.code);
      const population = r?.population ?? v.population ?? null;
      const basis: PopulationBasis = r?.population != null ? 'volunteer-file' : v.population != null ? 'imported-villages' : null;
      return { code: v.code, name: v.name, shortName: v.shortName, date: r?.date ?? null, counts: countsOf(r), population, populationBasis: basis,
        standing: volunteerStanding(countsOf(r), population) };
    });
    const own = byScope.get(t.code);
    const withData = villageRows.filter((v) => v.date !== null);
    const counts = own ? countsOf(own) : withData.length ? sumCounts(withData.map((v) => v.counts)) : emptyCounts();
    const countsFrom = own ? 'township-row' : withData.length ? 'sum-of-villages' : null;
    let population: number | null = null;
    let basis: PopulationBasis = null;
    if (own?.population != null) { population = own.population; basis = 'volunteer-file'; }
    else if (tv.length && tv.every((v) => v.population !== null)) { population = tv.reduce((n, v) => n + v.population!, 0); basis = 'imported-villages'; }
    else if (demandPop.get(t.code)) { population = demandPop.get(t.code)!; basis = modelledDemand ? 'modelled' : 'imported-villages'; }
    return {
      code: t.code, name: t.name, nameEn: t.nameEn, date: own?.date ?? (withData.length ? withData.map((v) => v.date!).sort().at(-1)! : null),
      countsFrom, counts, population, populationBasis: basis, populationModelled: basis === 'modelled',
      standing: volunteerStanding(counts, population), villages: villageRows,
    };
  });
  const reporting = out.filter((t) => t.countsFrom);
  const districtCounts = sumCounts(reporting.map((t) => t.counts));
  // The census total is the base only when every township reported; otherwise the reporting townships' own populations.
  const allReport = reporting.length === out.length;
  const reportingPop = reporting.every((t) => t.population !== null) ? reporting.reduce((n, t) => n + (t.population ?? 0), 0) : null;
  const districtPop = allReport ? census.population : reporting.length ? reportingPop : null;
  return {
    date, targets: VOLUNTEER_TARGETS,
    method: 'Latest counts on or before the date per township and village. A township without its own row sums its villages. '
      + 'Resident rates use the population in the volunteer file, else imported village populations, else the modelled demand (labelled modelled); '
      + `a village without a population has no rate. The district uses the 2020 census (${census.population}) when every township reported, else the reporting townships only.`,
    methodZh: '按日期取各乡镇、村最近一次统计；乡镇无汇总行时合计其村。群众注册率的人口依次取：志愿者表中的常住人口、导入的村人口、模型人口（标注“模型”）；'
      + `村无人口时不计算注册率。各乡镇均有数据时全区人口取 2020 年人口普查数（${census.population}），否则只计有数据的乡镇。`,
    district: {
      counts: districtCounts, townshipsReporting: reporting.length, townshipsTotal: out.length, population: districtPop,
      populationBasis: (allReport ? 'census-2020' : 'reporting-townships') as PopulationBasis | 'reporting-townships',
      populationModelled: !allReport && reporting.some((t) => t.populationModelled),
      standing: volunteerStanding(districtCounts, districtPop),
    },
    townships: out,
  };
}
export type VolunteersReport = Awaited<ReturnType<typeof volunteersReport>>;

/** Activities of a year per site, team and township (12-a-year, the monthly 10th), the derived 有活动, and demonstration targets. */
export async function activitiesReport(deps: AppDeps, district: string, year: number, today = todayIso()) {
  const sql = deps.db.sql;
  const [acts, sites, teams, townships, villages] = await Promise.all([
    listActivities(sql, district, { year }), listSiteRefs(sql, district), listTeams(sql, district), listTownships(sql, district), listVillages(sql, district),
  ]);
  const s = activitySummary(acts, year, townships.map((t) => t.code), today);
  const siteName = new Map(sites.map((x) => [x.id, x]));
  return {
    year, monthsElapsed: s.monthsElapsed, total: s.total, target: 12,
    townships: townships.map((t) => ({ code: t.code, name: t.name, nameEn: t.nameEn, ...s.townships[t.code] })),
    sites: Object.entries(s.sites).map(([id, v]) => ({ id, name: siteName.get(id)?.name ?? id, townshipCode: siteName.get(id)?.townshipCode ?? null,
      kind: siteName.get(id)?.kind ?? null, hasActivities: v.count > 0, ...v })).sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
    teams: teams.filter((t) => t.level !== 'corps').map((t) => ({ id: t.id, name: t.name, level: t.level, townshipCode: t.townshipCode, homeSiteId: t.homeSiteId,
      members: t.members, ...(s.teams[t.id] ?? { count: 0, target: 12, met: false, short: 12, latest: null, participants: 0 }) })),
    demonstrationTargets: demonstrationTargets(sites, townships, villages).map((d) => ({ ...d, activities: d.siteId ? (s.sites[d.siteId]?.count ?? 0) : 0 })),
  };
}
export type ActivitiesReport = Awaited<ReturnType<typeof activitiesReport>>;
