/**
 * A small zh-CN / English dictionary. Chinese is the default; every key must exist in both
 * languages (the `en` table is typed against the `zh` one).
 */
import { createContext, useContext } from 'react';

export type Lang = 'zh' | 'en';

const zh = {
  'app.title': '朝天区新时代文明实践 15分钟服务圈规划',
  'app.titleShort': '朝天区 15分钟服务圈',
  'app.loading': '正在加载…',
  'app.loadError': '数据加载失败',
  'app.retry': '重试',
  'lang.switch': 'English',
  'panel.layers': '图层',
  'panel.unplaced': '未放置',
  'panel.toggle': '面板',
  'panel.close': '关闭',
  'filter.title': '筛选',
  'filter.kind': '站点类型',
  'filter.township': '乡镇（街道）',
  'filter.allTownships': '全部乡镇',
  'filter.status': '状态',
  'filter.all': '全选',
  'filter.none': '全不选',
  'filter.shown': '地图显示 {shown} / 已放置 {placed} 个站点',
  'status.existing': '现有',
  'status.planned': '规划',
  'status.proposed': '建议',
  'legend.title': '图例',
  'legend.demonstration': '示范站点（金色外环）',
  'legend.statusNote': '实心 = 现有；空心 = 规划；淡色空心 = 建议',
  'legend.seat': '乡镇驻地（空心 = 近似位置）',
  'legend.boundary': '区界',
  'circles.toggle': '显示 15 分钟步行圈',
  'circles.note': '直线估算：步行 {speed} km/h × 15 分钟 ÷ 绕行系数 {detour} ≈ {radius} 米半径，未按道路计算',
  'unplaced.title': '未放置站点',
  'unplaced.search': '搜索名称…',
  'unplaced.count': '共 {n} 个',
  'unplaced.place': '放置',
  'unplaced.empty': '没有符合条件的未放置站点',
  'placing.hint': '在地图上点击区内位置以放置：{name}',
  'placing.cancel': '取消',
  'placing.saving': '正在保存位置…',
  'site.details': '站点详情',
  'site.name': '名称',
  'site.kind': '类型',
  'site.township': '乡镇（街道）',
  'site.village': '村（社区）',
  'site.none': '（无）',
  'site.status': '状态',
  'site.demonstration': '示范',
  'site.demonstrationYes': '示范站点',
  'site.address': '地址',
  'site.contact': '联系人',
  'site.phone': '电话',
  'site.notes': '备注',
  'site.precision': '位置精度',
  'site.precision.exact': '精确',
  'site.precision.approximate': '近似',
  'site.location': '坐标（WGS-84）',
  'site.unplaced': '未放置',
  'site.wuyou': '“五有”标准',
  'site.hasSign': '有标识',
  'site.hasStaff': '有人员',
  'site.hasActivities': '有活动',
  'site.hasProjects': '有项目',
  'site.hasRules': '有制度',
  'site.save': '保存',
  'site.saving': '保存中…',
  'site.saved': '已保存',
  'site.reset': '撤销修改',
  'site.place': '在地图上放置',
  'site.move': '重新放置',
  'site.unplace': '移除位置',
  'site.dragHint': '提示：可直接拖动地图上已选中的站点来移动位置',
  'site.error': '保存失败',
  'site.updated': '更新于 {time}',
  'site.moved': '位置已更新',
  'site.placed': '已放置：{name}',
  'attribution.circles': '15 分钟圈为直线估算',
} as const;

export type I18nKey = keyof typeof zh;

const en: Record<I18nKey, string> = {
  'app.title': 'Chaotian District New-Era Civilization Practice — 15-minute Service Circle Planner',
  'app.titleShort': 'Chaotian 15-min Service Circles',
  'app.loading': 'Loading…',
  'app.loadError': 'Could not load data',
  'app.retry': 'Retry',
  'lang.switch': '中文',
  'panel.layers': 'Layers',
  'panel.unplaced': 'Unplaced',
  'panel.toggle': 'Panel',
  'panel.close': 'Close',
  'filter.title': 'Filters',
  'filter.kind': 'Site kind',
  'filter.township': 'Township',
  'filter.allTownships': 'All townships',
  'filter.status': 'Status',
  'filter.all': 'All',
  'filter.none': 'None',
  'filter.shown': 'Showing {shown} of {placed} placed sites',
  'status.existing': 'Existing',
  'status.planned': 'Planned',
  'status.proposed': 'Proposed',
  'legend.title': 'Legend',
  'legend.demonstration': 'Demonstration site (gold ring)',
  'legend.statusNote': 'Filled = existing; hollow = planned; faint hollow = proposed',
  'legend.seat': 'Township seat (hollow = approximate)',
  'legend.boundary': 'District boundary',
  'circles.toggle': 'Show 15-minute walking circles',
  'circles.note': 'Straight-line estimate: walking {speed} km/h × 15 min ÷ detour factor {detour} ≈ {radius} m radius, not along roads',
  'unplaced.title': 'Unplaced sites',
  'unplaced.search': 'Search by name…',
  'unplaced.count': '{n} sites',
  'unplaced.place': 'Place',
  'unplaced.empty': 'No unplaced sites match',
  'placing.hint': 'Click inside the district to place: {name}',
  'placing.cancel': 'Cancel',
  'placing.saving': 'Saving location…',
  'site.details': 'Site details',
  'site.name': 'Name',
  'site.kind': 'Kind',
  'site.township': 'Township',
  'site.village': 'Village / community',
  'site.none': '(none)',
  'site.status': 'Status',
  'site.demonstration': 'Demonstration',
  'site.demonstrationYes': 'Demonstration site',
  'site.address': 'Address',
  'site.contact': 'Contact person',
  'site.phone': 'Phone',
  'site.notes': 'Notes',
  'site.precision': 'Location precision',
  'site.precision.exact': 'Exact',
  'site.precision.approximate': 'Approximate',
  'site.location': 'Coordinates (WGS-84)',
  'site.unplaced': 'Not placed',
  'site.wuyou': '“Five Haves” standard',
  'site.hasSign': 'Has signage',
  'site.hasStaff': 'Has staff',
  'site.hasActivities': 'Has activities',
  'site.hasProjects': 'Has projects',
  'site.hasRules': 'Has rules',
  'site.save': 'Save',
  'site.saving': 'Saving…',
  'site.saved': 'Saved',
  'site.reset': 'Discard changes',
  'site.place': 'Place on map',
  'site.move': 'Place again',
  'site.unplace': 'Remove location',
  'site.dragHint': 'Tip: drag the selected site on the map to move it',
  'site.error': 'Save failed',
  'site.updated': 'Updated {time}',
  'site.moved': 'Location updated',
  'site.placed': 'Placed: {name}',
  'attribution.circles': '15-minute circles are straight-line estimates',
};

export const DICTIONARY: Record<Lang, Record<I18nKey, string>> = { zh, en };

/** Looks up `key` in `lang` and fills `{name}` placeholders from `params`. */
export function translate(lang: Lang, key: I18nKey, params?: Record<string, string | number>): string {
  const text = DICTIONARY[lang][key] ?? DICTIONARY.zh[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m)) : text;
}

export interface I18n {
  lang: Lang;
  t: (key: I18nKey, params?: Record<string, string | number>) => string;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({
  lang: 'zh',
  t: (key, params) => translate('zh', key, params),
  setLang: () => {},
});

export const useI18n = () => useContext(I18nContext);

/** The language from `?lang=en` or the last choice saved in localStorage; Chinese otherwise. */
export function initialLang(): Lang {
  const q = new URLSearchParams(window.location.search).get('lang');
  if (q === 'en' || q === 'zh') return q;
  try {
    const saved = window.localStorage.getItem('lang');
    if (saved === 'en' || saved === 'zh') return saved;
  } catch {
    /* storage unavailable */
  }
  return 'zh';
}
