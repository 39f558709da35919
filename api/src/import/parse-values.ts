/** Parsers for the free-text cells of registers: kinds, yes/no flags, statuses and coordinates. */
import { SITE_KINDS, SITE_KIND_NAMES, type SiteKind } from '../schemas/sites.ts';

const KIND_EXACT = new Map<string, SiteKind>();
for (const k of SITE_KINDS) {
  KIND_EXACT.set(k, k);
  KIND_EXACT.set(SITE_KIND_NAMES[k].zh, k);
  KIND_EXACT.set(SITE_KIND_NAMES[k].en.toLowerCase().replace(/\s+/g, ''), k);
}
for (const [text, k] of Object.entries({
  中心: 'center', 实践中心: 'center', 文明实践中心: 'center',
  所: 'institute', 实践所: 'institute', 文明实践所: 'institute',
  站: 'station', 实践站: 'station', 文明实践站: 'station',
  广场: 'square', 实践广场: 'square', 基地: 'base', 实践基地: 'base', 点: 'point', 实践点: 'point',
  户: 'household', 实践户: 'household', 志愿服务基地: 'volunteer_site', 志愿服务站点: 'volunteer_site',
  志愿服务站: 'volunteer_site', 志愿服务点: 'volunteer_site', volunteer: 'volunteer_site', volunteersite: 'volunteer_site',
} as Record<string, SiteKind>)) KIND_EXACT.set(text, k);

/** The names `parseKind` accepts, for messages: each kind's Chinese name and its shortest aliases. */
export const ACCEPTED_KIND_NAMES = SITE_KINDS.map((k) => SITE_KIND_NAMES[k].zh).join('、');

/** A place name in front of a kind name ("朝天区新时代文明实践中心", "青云村实践站"): an administrative unit. */
const PLACE_PREFIX = /^(.{1,20}?(?:区|县|市|镇|乡|街道|村|社区|居委会|村委会))(.+)$/;

/** Old substring rules: only used to suggest a kind, never to pick one. */
const KIND_HINTS: [string, SiteKind][] = [
  ['志愿服务', 'volunteer_site'], ['实践中心', 'center'], ['实践所', 'institute'], ['实践站', 'station'],
  ['广场', 'square'], ['基地', 'base'], ['实践点', 'point'], ['实践户', 'household'],
];

const normKind = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const exactKind = (t: string) => KIND_EXACT.get(t) ?? KIND_EXACT.get(t.replace(/_/g, ''));

/**
 * Site kind from an id, a kind name or a listed alias, optionally after a place name
 * ("朝天区新时代文明实践中心"); null for anything else (a "火星基地" is not a practice base).
 * @example parseKind('新时代文明实践站') // 'station'
 */
export function parseKind(text: string): SiteKind | null {
  const t = normKind(text);
  if (!t) return null;
  const exact = exactKind(t);
  if (exact) return exact;
  const m = PLACE_PREFIX.exec(t);
  return m ? exactKind(m[2]) ?? null : null;
}

/**
 * A guess for a kind `parseKind` refused, offered to the user to confirm; null when nothing is close.
 * @example guessKind('火星基地') // 'base'
 */
export function guessKind(text: string): SiteKind | null {
  const t = normKind(text);
  for (const [needle, kind] of KIND_HINTS) if (t.includes(needle)) return kind;
  return null;
}

const TRUE = new Set(['是', '有', '√', '✓', '✔', '☑', '1', 'yes', 'y', 'true', 't', '示范', '已挂牌']);
const FALSE = new Set(['否', '无', '没有', '×', '✗', '✘', '☐', '0', 'no', 'n', 'false', 'f', '-', '—', '/']);

/**
 * Yes/no cell: 是/否, √/×, ✓, 1/0, yes/no, true/false. Empty → null (not given); unknown → undefined.
 * @example parseBoolean('√') // true
 */
export function parseBoolean(text: string): boolean | null | undefined {
  const t = text.normalize('NFKC').trim().toLowerCase();
  if (t === '') return null;
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return undefined;
}

export type SiteStatus = 'existing' | 'planned' | 'proposed';
const STATUS: Record<string, SiteStatus> = {
  existing: 'existing', 现有: 'existing', 已建: 'existing', 已建成: 'existing', 建成: 'existing', 在用: 'existing', 运行: 'existing', 正常: 'existing',
  planned: 'planned', 规划: 'planned', 计划: 'planned', 在建: 'planned', 待建: 'planned', 拟建: 'planned',
  proposed: 'proposed', 建议: 'proposed', 建议新建: 'proposed', 候选: 'proposed',
};

/**
 * Site status from 已建/规划/建议 or the ids; empty → null; unknown → undefined.
 * @example parseStatus('规划') // 'planned'
 */
export function parseStatus(text: string): SiteStatus | null | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (!t) return null;
  return STATUS[t];
}

const DMS = /^(-?\d+(?:\.\d+)?)\s*[°度](?:\s*(\d+(?:\.\d+)?)\s*['′’分])?(?:\s*(\d+(?:\.\d+)?)\s*(?:["″”]|''|′′|秒))?\s*([NSEW东西南北])?$/i;

/**
 * A coordinate in decimal degrees from "106.15", "106.15°E" or "106°09′00″"; empty → null; bad → NaN.
 * @example parseDegrees('32°38′24″') // 32.64
 */
export function parseDegrees(text: string): number | null {
  const t = text.normalize('NFKC').trim().replace(/,/g, '.');
  if (t === '') return null;
  const plain = /^[+-]?(\d+(\.\d*)?|\.\d+)\s*°?\s*([NSEW东西南北])?$/i.exec(t);
  if (plain) {
    const v = parseFloat(t);
    return /[SW西南]$/i.test(t) ? -v : v;
  }
  const m = DMS.exec(t);
  if (!m) return NaN;
  const v = Math.abs(Number(m[1])) + Number(m[2] ?? 0) / 60 + Number(m[3] ?? 0) / 3600;
  const neg = m[1].startsWith('-') || (m[4] !== undefined && /[SW西南]/i.test(m[4]));
  return neg ? -v : v;
}

/**
 * A non-negative count such as a population ("1,234" and "1234人" accepted); empty → null; bad → NaN.
 * @example parseCount('1,234') // 1234
 */
export function parseCount(text: string): number | null {
  const t = text.normalize('NFKC').trim().replace(/[,，\s]/g, '').replace(/人$/, '');
  if (t === '') return null;
  if (!/^\d+(\.\d+)?$/.test(t)) return NaN;
  return Number(t);
}

const PRECISION: Record<string, 'exact' | 'approximate'> = {
  exact: 'exact', 精确: 'exact', 准确: 'exact', 实测: 'exact', approximate: 'approximate', 近似: 'approximate', 大概: 'approximate', 估计: 'approximate',
};

/**
 * Location precision from 精确/近似 or exact/approximate; empty or 未放置 → null; unknown → undefined.
 * @example parsePrecision('近似') // 'approximate'
 */
export function parsePrecision(text: string): 'exact' | 'approximate' | null | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (!t || t === '未放置' || t === 'unplaced') return null;
  return PRECISION[t];
}
