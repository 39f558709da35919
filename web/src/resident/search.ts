import type { Lang } from '../lib/i18n';
import { townshipLabel } from '../lib/names';
/** Pure search over villages/communities and townships for the resident page. */

export interface PlaceOption {
  kind: 'village' | 'township';
  code: string;
  name: string;
  /** Township the place belongs to (its own code for a township). */
  townshipCode: string;
  lng: number | null;
  lat: number | null;
}

interface VillageLike {
  code: string;
  name: string;
  shortName: string;
  townshipCode: string;
  lng: number | null;
  lat: number | null;
}
interface TownshipLike {
  code: string;
  name: string;
  nameEn: string;
  seat: { lng: number; lat: number } | null;
}

/**
 * Places whose name (or short name, or English township name) contains `query`, best first: names
 * starting with the query before those merely containing it, townships before villages, then by code.
 * Township names follow `lang` (villages have Chinese names only).
 * @example searchPlaces('明月', villages, townships) // 明月路社区, 明月村 …
 */
export function searchPlaces(
  query: string, villages: readonly VillageLike[], townships: readonly TownshipLike[], limit = 8, lang: Lang = 'zh',
): PlaceOption[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: { score: number; option: PlaceOption }[] = [];
  for (const t of townships) {
    const names = [t.name, t.nameEn].map((s) => s.toLowerCase());
    if (!names.some((n) => n.includes(q))) continue;
    scored.push({
      score: names.some((n) => n.startsWith(q)) ? 0 : 2,
      option: { kind: 'township', code: t.code, name: townshipLabel(t, lang), townshipCode: t.code, lng: t.seat?.lng ?? null, lat: t.seat?.lat ?? null },
    });
  }
  for (const v of villages) {
    const names = [v.shortName, v.name].map((s) => s.toLowerCase());
    if (!names.some((n) => n.includes(q))) continue;
    scored.push({
      score: names.some((n) => n.startsWith(q)) ? 1 : 3,
      option: { kind: 'village', code: v.code, name: v.shortName || v.name, townshipCode: v.townshipCode, lng: v.lng, lat: v.lat },
    });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.option.code.localeCompare(b.option.code))
    .slice(0, limit)
    .map((s) => s.option);
}
