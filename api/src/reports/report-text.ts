import { fillParams } from '../schemas/messages.ts';

/** Labels of the printed report in both languages. */
export type ReportLang = 'zh' | 'en';

export const REPORT_TEXT = {
  zh: {
    title: '新时代文明实践 15 分钟服务圈 · 年度评估报告', district: '全区汇总', year: '{year} 年度', generated: '生成日期',
    headline: '主要数字', population: '人口', covered: '15 分钟步行可达', share: '覆盖比例', olderShare: '65 岁以上覆盖', modelled: '模型估算',
    quotas: '阵地配置（对照《实施方案》）', quotaKind: '类型', required: '要求', actual: '现有', shortBy: '缺口', met: '达标', over: '超出', short: '不足',
    volunteers: '志愿者（对照目标）', indicator: '指标', value: '实际', target: '目标', peopleShort: '缺（人）', noData: '无数据', notComputed: '无法计算（缺人口）',
    resReg: '群众注册志愿者', cadreReg: '干部注册', cadrePart: '干部参与活动', resPart: '群众参与活动',
    activities: '文明实践活动', activitiesYear: '本年度活动', perSite: '所站年均活动（目标 12）', days: '每月 10 日集中活动日', teams: '队伍年活动达 12 次',
    demo: '示范创建目标（2023 年底）', demoDone: '已示范', demoNot: '未示范', demoNoSite: '无对应阵地',
    scorecard: '综合评估', group: '类别', score: '得分', weight: '权重', total: '总分', rank: '排名', rankOf: '第 {rank} 名 / 共 {n} 个乡镇', unranked: '未排名（无数据）',
    ranking: '乡镇排名', township: '乡镇', detachments: '志愿服务支队排名', detachment: '支队',
    legend: '图例', legendCircles: '15 分钟步行服务圈（现有阵地）', legendGaps: '覆盖缺口（按人口）', legendDemo: '示范阵地',
    sources: '数据来源与说明', method: '方法', missing: '缺数据指标：{list}（权重由其余指标分摊）',
    circlesNote: '服务圈：{desc}',
    modelledNote: '人口为模型估算（2020 年普查区县总数按规则分布到网格，非乡镇普查数），方法见 /api/demand',
    areasNote: '乡镇范围为按驻地划分的近似范围（未导入乡镇边界）',
    people: '{n} 人',
    reporting: '{n}/{total} 个乡镇有数据',
  },
  en: {
    title: '15-minute service circles · yearly evaluation report', district: 'District summary', year: 'Year {year}', generated: 'Generated',
    headline: 'Headline numbers', population: 'Population', covered: 'Within a 15-minute walk', share: 'Share covered', olderShare: 'Covered, aged 65+', modelled: 'modelled',
    quotas: 'Site quotas (against the plan)', quotaKind: 'Kind', required: 'Required', actual: 'Actual', shortBy: 'Short', met: 'met', over: 'over', short: 'short',
    volunteers: 'Volunteers (against the targets)', indicator: 'Indicator', value: 'Value', target: 'Target', peopleShort: 'Short (people)', noData: 'no data', notComputed: 'not computed (no population)',
    resReg: 'Residents registered', cadreReg: 'Cadres registered', cadrePart: 'Cadres taking part', resPart: 'Residents taking part',
    activities: 'Practice activities', activitiesYear: 'Activities this year', perSite: 'Per institute/station (target 12)', days: 'Monthly 10th activity days', teams: 'Teams at 12 a year',
    demo: 'Demonstration targets (end of 2023)', demoDone: 'demonstration', demoNot: 'not yet', demoNoSite: 'no site',
    scorecard: 'Evaluation scorecard', group: 'Group', score: 'Score', weight: 'Weight', total: 'Total', rank: 'Rank', rankOf: 'Rank {rank} of {n} townships', unranked: 'Not ranked (no data)',
    ranking: 'Township ranking', township: 'Township', detachments: 'Detachment ranking', detachment: 'Detachment',
    legend: 'Legend', legendCircles: '15-minute walk circles (existing sites)', legendGaps: 'Coverage gaps (by population)', legendDemo: 'Demonstration site',
    sources: 'Data sources and notes', method: 'Method', missing: 'Indicators without data: {list} (their weight is spread over the others)',
    circlesNote: 'Circles: {desc}',
    modelledNote: 'population is modelled (2020 census county total spread over a grid by rule, no township census); method at /api/demand',
    areasNote: 'township areas are approximate, drawn around the seats (no township boundaries imported)',
    people: '{n} people',
    reporting: '{n} of {total} townships reported',
  },
} as const;

export type ReportKey = keyof typeof REPORT_TEXT.zh;

export function rt(lang: ReportLang, key: ReportKey, params?: Record<string, string | number>): string {
  return fillParams(REPORT_TEXT[lang][key], params);
}

export const esc = (s: string | number | null | undefined) =>
  String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const pct = (x: number | null | undefined, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(d)}%`);
export const num = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : Math.round(x).toLocaleString('en-US'));
