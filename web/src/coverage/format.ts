/** Pure text helpers for coverage numbers and quota items (both languages). */
import { SITE_KIND_NAMES, type SiteKind } from '../../../api/src/schemas/sites';
import type { Lang } from '../lib/i18n';

/** A whole number with thousands separators, e.g. 126506 → "126,506". */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A share (0…1) as a percentage with one decimal, halves rounded up, e.g. 0.0632 → "6.3%", 0.0215 → "2.2%"; null → "—". */
export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined || !Number.isFinite(share) ? '—' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** Minutes rounded to a whole minute below 100 and to 10 above, e.g. 12.4 → "12", 166.5 → "170". */
export function formatMinutes(minutes: number): string {
  if (!Number.isFinite(minutes)) return '—';
  return minutes < 100 ? String(Math.max(1, Math.round(minutes))) : String(Math.round(minutes / 10) * 10);
}

/** A distance in metres as "850 m" below 1 km, else "12.5 km". */
export function formatMeters(meters: number): string {
  return meters < 1000 ? `${Math.round(meters / 10) * 10} m` : `${(meters / 1000).toFixed(1)} km`;
}

/** A required count as text: exact "5", range "2–3", open "≥6". */
export function requiredText(r: { min: number; max?: number }): string {
  if (r.max === undefined) return `≥${r.min}`;
  return r.max === r.min ? String(r.min) : `${r.min}–${r.max}`;
}

const SHORT_KIND: Record<SiteKind, { zh: string; en: string }> = {
  center: { zh: '中心', en: 'centre' },
  institute: { zh: '所', en: 'institutes' },
  station: { zh: '站', en: 'stations' },
  square: { zh: '广场', en: 'squares' },
  base: { zh: '基地', en: 'bases' },
  point: { zh: '点', en: 'points' },
  household: { zh: '户', en: 'households' },
  volunteer_site: { zh: '志愿站点', en: 'volunteer sites' },
};

/** A short label of a quota item's kind, e.g. "示范站" / "demo stations", "基地" / "bases". */
export function quotaKindLabel(item: { kind: string; demonstration: boolean }, lang: Lang): string {
  const k = SHORT_KIND[item.kind as SiteKind] ?? { zh: SITE_KIND_NAMES[item.kind as SiteKind]?.zh ?? item.kind, en: item.kind };
  if (!item.demonstration) return k[lang];
  return lang === 'zh' ? `示范${k.zh}` : `demo ${k.en}`;
}

/** One quota item as "actual/required", e.g. "基地 0/2–3". */
export function quotaItemText(item: { kind: string; demonstration: boolean; required: { min: number; max?: number }; actual: number }, lang: Lang): string {
  return `${quotaKindLabel(item, lang)} ${item.actual}/${requiredText(item.required)}`;
}

/** Items that are short and items that are over their quota, in the given order. */
export function quotaProblems<T extends { status: string }>(items: readonly T[]): { short: T[]; over: T[] } {
  return { short: items.filter((i) => i.status === 'short'), over: items.filter((i) => i.status === 'over') };
}
