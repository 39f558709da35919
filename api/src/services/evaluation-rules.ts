/**
 * The evaluation's indicators as the 2023 plan groups them (阵地建设, 志愿者注册, 活动开展, 平台运营,
 * 信息报送, plus 实地督查), with default weights and targets; an admin's saved rules for a year override them.
 */
import type { IndicatorDef, ScoringRule } from '../engine/leaders/index.ts';
import type { EvaluationRulesInput } from '../schemas/leaders.ts';

export interface IndicatorInfo extends IndicatorDef { unit: 'township' | 'detachment'; zh: string; en: string; valueKind: 'share' | 'count' | 'score' }

const d = (unit: IndicatorInfo['unit'], id: string, group: string, weight: number, target: number | null, rule: ScoringRule,
  valueKind: IndicatorInfo['valueKind'], zh: string, en: string): IndicatorInfo => ({ unit, id, group, weight, target, rule, valueKind, zh, en });

export const DEFAULT_INDICATORS: IndicatorInfo[] = [
  d('township', 'coverage_share', 'sites', 10, 0.9, 'ratio', 'share', '15分钟步行圈覆盖人口比例', 'Population within a 15-minute walk'),
  d('township', 'quotas_met', 'sites', 10, 1, 'ratio', 'share', '阵地配置达标项比例', 'Share of site quotas met'),
  d('township', 'five_haves', 'sites', 10, 1, 'ratio', 'share', '所站“五有”达标比例', 'Institute/stations meeting the 五有'),
  d('township', 'demonstration', 'sites', 5, 1, 'ratio', 'share', '示范创建目标完成比例', 'Demonstration targets reached'),
  d('township', 'volunteer_registration', 'volunteers', 10, 0.13, 'ratio', 'share', '群众注册志愿者比例（目标13%）', 'Residents registered (target 13%)'),
  d('township', 'cadre_registration', 'volunteers', 8, 1, 'ratio', 'share', '干部注册比例（目标100%）', 'Cadres registered (target 100%)'),
  d('township', 'cadre_participation', 'volunteers', 7, 0.8, 'ratio', 'share', '干部参与活动比例（目标80%）', 'Cadres taking part (target 80%)'),
  d('township', 'activities_per_site', 'activities', 10, 12, 'ratio', 'count', '所站年均活动次数（目标12）', 'Activities per institute/station (target 12)'),
  d('township', 'activity_days', 'activities', 10, 1, 'ratio', 'share', '每月10日集中活动日开展比例', 'Monthly 10th activity days held'),
  d('township', 'teams_at_target', 'activities', 5, 1, 'ratio', 'share', '队伍年活动达12次比例', 'Teams with 12 activities a year'),
  d('township', 'platform', 'platform', 5, null, 'entered', 'score', '平台运营（录入分）', 'Platform operation (entered score)'),
  d('township', 'reporting', 'reporting', 5, null, 'entered', 'score', '信息报送（录入分）', 'Information reporting (entered score)'),
  d('township', 'field_check', 'field_check', 5, null, 'entered', 'score', '实地督查（最近一次得分）', 'Field check (latest score)'),
  d('detachment', 'det_activities', 'activities', 60, 12, 'ratio', 'count', '年活动次数（目标12）', 'Activities in the year (target 12)'),
  d('detachment', 'det_active_months', 'activities', 30, 1, 'ratio', 'share', '有活动的月份比例', 'Months with an activity'),
  d('detachment', 'det_home_site', 'sites', 10, 1, 'threshold', 'share', '有依托阵地', 'Has a home site'),
];

export const GROUP_NAMES: Record<string, { zh: string; en: string }> = {
  sites: { zh: '阵地建设', en: 'Sites' }, volunteers: { zh: '志愿者注册', en: 'Volunteer registration' },
  activities: { zh: '活动开展', en: 'Activities' }, platform: { zh: '平台运营', en: 'Platform operation' },
  reporting: { zh: '信息报送', en: 'Information reporting' }, field_check: { zh: '实地督查', en: 'Field checks' },
};

export interface ResolvedRules { indicators: IndicatorInfo[]; entered: EvaluationRulesInput['entered']; fieldChecksCount: boolean; saved: boolean }

/** Defaults overlaid with the saved rules of a year; unknown ids are refused by {@link unknownIndicatorIds}. */
export function resolveRules(saved: EvaluationRulesInput | null): ResolvedRules {
  const over = new Map((saved?.indicators ?? []).map((i) => [i.id, i]));
  return {
    indicators: DEFAULT_INDICATORS.map((i) => {
      const o = over.get(i.id);
      return o ? { ...i, weight: o.weight, target: o.target ?? i.target, rule: o.rule ?? i.rule } : i;
    }),
    entered: saved?.entered ?? {},
    fieldChecksCount: saved?.fieldChecksCount ?? true,
    saved: saved !== null,
  };
}

export const unknownIndicatorIds = (r: EvaluationRulesInput) => r.indicators.map((i) => i.id).filter((id) => !DEFAULT_INDICATORS.some((x) => x.id === id));
