/**
 * The yearly evaluation of townships and detachments: gathers each indicator's raw value for the year
 * from coverage, quotas, sites, volunteers, activities, field checks and entered scores, then scores
 * and ranks with the year's rules.
 */
import type { AppDeps } from '../http/deps.ts';
import { getEvaluationRules, listActivities, listFieldChecks, listSiteRefs, listTeams } from '../db/leaders-repo.ts';
import { activitySummary, scoreEvaluation, type ScoredUnit } from '../engine/leaders/index.ts';
import { EvaluationRulesSchema } from '../schemas/leaders.ts';
import { CoverageQuerySchema } from '../schemas/coverage.ts';
import { GROUP_NAMES, resolveRules, type IndicatorInfo } from './evaluation-rules.ts';
import { activitiesReport, todayIso, volunteersReport } from './leaders-service.ts';

const PRACTICE_KINDS = new Set(['institute', 'station']);

export async function evaluationReport(deps: AppDeps, district: string, year: number, today = todayIso()) {
  const sql = deps.db.sql;
  const savedRaw = await getEvaluationRules(sql, district, year);
  const saved = savedRaw ? EvaluationRulesSchema.parse(savedRaw) : null;
  const rules = resolveRules(saved);
  const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
  const [coverage, volunteers, acts, sites, teams, checks, allActs] = await Promise.all([
    deps.coverage.coverage(district, CoverageQuerySchema.parse({ status: 'existing' })), volunteersReport(deps, district, asOf), activitiesReport(deps, district, year, today),
    listSiteRefs(sql, district), listTeams(sql, district), listFieldChecks(sql, district, { year }), listActivities(sql, district, { year }),
  ]);
  const siteActs = new Map(acts.sites.map((s) => [s.id, s.count]));
  const teamActs = new Map(acts.teams.map((t) => [t.id, t.count]));
  const covOf = new Map(coverage.report.townships.map((t) => [t.code, t]));
  const volOf = new Map(volunteers.townships.map((t) => [t.code, t]));
  const actOf = new Map(acts.townships.map((t) => [t.code, t]));
  const entered = (id: string, code: string) => rules.entered[id]?.[code] ?? null;

  const townshipUnits = volunteers.townships.map((t) => {
    const cov = covOf.get(t.code);
    const practice = sites.filter((s) => s.townshipCode === t.code && s.status === 'existing' && PRACTICE_KINDS.has(s.kind));
    // 五有 with 有活动 taken from the year's activity records, not the register's tick.
    const five = practice.filter((s) => s.hasSign && s.hasStaff && s.hasProjects && s.hasRules && (siteActs.get(s.id) ?? 0) > 0);
    const demo = acts.demonstrationTargets.filter((d) => d.townshipCode === t.code);
    const tTeams = teams.filter((x) => x.townshipCode === t.code && (x.level === 'brigade' || x.level === 'team'));
    const latestCheck = checks.filter((c) => c.townshipCode === t.code && c.score !== null).sort((a, b) => b.date.localeCompare(a.date))[0];
    const a = actOf.get(t.code)!;
    const practiceActs = practice.reduce((n, s) => n + (siteActs.get(s.id) ?? 0), 0);
    const values: Record<string, number | null> = {
      coverage_share: cov?.share ?? null,
      quotas_met: cov && cov.quota.length ? cov.quota.filter((q) => q.status === 'met').length / cov.quota.length : null,
      five_haves: practice.length ? five.length / practice.length : null,
      demonstration: demo.length ? demo.filter((d) => d.status === 'demonstration').length / demo.length : null,
      volunteer_registration: t.standing.residentRegistration.rate,
      cadre_registration: t.standing.cadreRegistration.rate,
      cadre_participation: t.standing.cadreParticipation.rate,
      activities_per_site: practice.length ? practiceActs / practice.length : null,
      activity_days: acts.monthsElapsed > 0 ? a.activityDays.slice(0, acts.monthsElapsed).filter(Boolean).length / acts.monthsElapsed : null,
      teams_at_target: tTeams.length ? tTeams.filter((x) => (teamActs.get(x.id) ?? 0) >= 12).length / tTeams.length : null,
      platform: entered('platform', t.code),
      reporting: entered('reporting', t.code),
      // An entered field-check score wins over the checks' own scores.
      field_check: entered('field_check', t.code) ?? (rules.fieldChecksCount ? (latestCheck?.score ?? null) : null),
    };
    return { code: t.code, name: t.name, values };
  });
  const townships = scoreEvaluation(townshipUnits, rules.indicators.filter((i) => i.unit === 'township'));

  const detachments = teams.filter((x) => x.level === 'detachment');
  const months = (id: string) => new Set(allActs.filter((x) => x.teamId === id).map((x) => x.date.slice(5, 7))).size;
  const dDefs = rules.indicators.filter((i) => i.unit === 'detachment');
  const detachmentScores = scoreEvaluation(detachments.map((x) => ({
    code: x.id, name: x.name, values: {
      det_activities: teamActs.get(x.id) ?? 0,
      det_active_months: acts.monthsElapsed > 0 ? Math.min(1, months(x.id) / acts.monthsElapsed) : null,
      det_home_site: x.homeSiteId ? 1 : 0,
    },
  })), dDefs);

  const weights = Object.fromEntries(rules.indicators.map((i) => [i.id, i.weight]));
  const describe = (i: IndicatorInfo) => ({ id: i.id, unit: i.unit, group: i.group, groupZh: GROUP_NAMES[i.group].zh, groupEn: GROUP_NAMES[i.group].en,
    zh: i.zh, en: i.en, weight: i.weight, target: i.target, rule: i.rule, valueKind: i.valueKind });
  const strip = (u: ScoredUnit) => ({ ...u, indicators: u.indicators.map(({ id, value, target, score, weight }) => ({ id, value, target, score, weight })) });
  return {
    year, asOf, rulesSaved: rules.saved, weights, indicators: rules.indicators.map(describe),
    entered: rules.entered, fieldChecksCount: rules.fieldChecksCount,
    method: {
      zh: `评估年度 ${year}，数据截至 ${asOf}。各指标按规则换算为 0–100 分：比例型 = min(1, 实际值 ÷ 目标) × 100；达标型 = 达到目标得 100 分，否则 0 分；录入型 = 录入的分数。`
        + '总分为可用指标得分按权重的加权平均（缺少数据的指标不计，其权重由其余指标分摊，并在表中注明）；总分保留两位小数，同分同名次（如 1、2、2、4）。'
        + '覆盖率按现有阵地、步行 15 分钟计算（当前数据，非历史快照）；“有活动”取本年度活动记录；志愿者取截至日期前最近一次统计；平台运营、信息报送为录入分；实地督查取本年度最近一次督查得分。'
        + (coverage.report.demand.modelled ? '人口为模型估算（非普查到乡镇）。' : ''),
      en: `Evaluation year ${year}, data as of ${asOf}. Each indicator becomes a 0–100 score: ratio = min(1, value ÷ target) × 100; threshold = 100 when the target is reached, else 0; entered = the score entered. `
        + 'The total is the weighted mean of the available indicators (an indicator without data is left out and its weight spread over the others, as noted); totals are kept to 2 decimals and equal totals share a rank (1, 2, 2, 4). '
        + 'Coverage is a 15-minute walk to existing sites on current data (not a snapshot of the year); 有活动 comes from the year\'s activity records; volunteers are the latest counts up to the date; platform operation and reporting are entered scores; the field check is the year\'s latest score.'
        + (coverage.report.demand.modelled ? ' Population is modelled (no census by township).' : ''),
    },
    populationModelled: coverage.report.demand.modelled,
    townships: townships.map(strip),
    detachments: detachmentScores.map(strip),
  };
}
export type EvaluationReport = Awaited<ReturnType<typeof evaluationReport>>;
