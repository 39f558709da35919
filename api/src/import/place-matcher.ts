/**
 * Matches township and village names or codes typed in registers to the district's records,
 * with or without the usual suffixes (镇/乡/街道, 村/社区/居委会 …).
 */

export interface TownshipRef { code: string; name: string }
export interface VillageRef { code: string; name: string; shortName: string; townshipCode: string }

const TOWNSHIP_SUFFIX = /(街道办事处|街道|镇|乡)$/;
const VILLAGE_SUFFIX = /(村民委员会|居民委员会|社区居民委员会|社区居委会|村委会|居委会|社区|村)$/;
const clean = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').replace(/[（(].*?[)）]$/, '');

export type VillageMatch =
  | { ok: true; village: VillageRef }
  | { ok: false; reason: 'not_found' | 'not_in_township' | 'ambiguous'; candidates: VillageRef[] };

export interface PlaceMatcher {
  township(text: string): TownshipRef | null;
  /** `townshipCode` narrows the search; a village found only elsewhere gives `not_in_township`. */
  village(text: string, townshipCode: string | null): VillageMatch;
  townshipByCode(code: string): TownshipRef | undefined;
  villageByCode(code: string): VillageRef | undefined;
}

function addTo<T>(map: Map<string, T[]>, key: string, v: T) {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [v]);
  else if (!list.includes(v)) list.push(v);
}

/**
 * Builds name/code lookups for the given townships and villages.
 * @example placeMatcher(townships, villages).township('大滩') // { code: '510812…', name: '大滩镇' }
 */
export function placeMatcher(townships: TownshipRef[], villages: VillageRef[]): PlaceMatcher {
  const tByCode = new Map(townships.map((t) => [t.code, t]));
  const tExact = new Map<string, TownshipRef[]>();
  const tStem = new Map<string, TownshipRef[]>();
  for (const t of townships) {
    addTo(tExact, clean(t.name), t);
    addTo(tStem, clean(t.name).replace(TOWNSHIP_SUFFIX, ''), t);
  }
  const vByCode = new Map(villages.map((v) => [v.code, v]));
  const vExact = new Map<string, VillageRef[]>();
  const vStem = new Map<string, VillageRef[]>();
  for (const v of villages) {
    for (const n of [v.name, v.shortName]) {
      addTo(vExact, clean(n), v);
      addTo(vStem, clean(n).replace(VILLAGE_SUFFIX, ''), v);
    }
  }

  const township = (text: string): TownshipRef | null => {
    const t = clean(text);
    if (!t) return null;
    const code = /^\d{9}(\d{3})?$/.test(t) ? tByCode.get(t.slice(0, 9)) : undefined;
    if (code) return code;
    const exact = tExact.get(t);
    if (exact?.length === 1) return exact[0];
    const stem = tStem.get(t.replace(TOWNSHIP_SUFFIX, ''));
    return stem?.length === 1 ? stem[0] : null;
  };

  const village = (text: string, townshipCode: string | null): VillageMatch => {
    const t = clean(text);
    const byCode = /^\d{12}$/.test(t) ? vByCode.get(t) : undefined;
    let candidates = byCode ? [byCode] : (vExact.get(t) ?? vStem.get(t.replace(VILLAGE_SUFFIX, '')) ?? []);
    if (!byCode && candidates.length === 0) return { ok: false, reason: 'not_found', candidates: [] };
    if (townshipCode) {
      const inTownship = candidates.filter((v) => v.townshipCode === townshipCode);
      if (inTownship.length === 0) {
        // The exact name may be elsewhere while the stem matches here ("新民村" vs "新民社区").
        const stemHere = (vStem.get(t.replace(VILLAGE_SUFFIX, '')) ?? []).filter((v) => v.townshipCode === townshipCode);
        if (stemHere.length === 1) return { ok: true, village: stemHere[0] };
        return { ok: false, reason: 'not_in_township', candidates };
      }
      candidates = inTownship;
    }
    if (candidates.length > 1) {
      // Prefer an exact full-name match over a stem match.
      const exact = candidates.filter((v) => clean(v.name) === t || clean(v.shortName) === t);
      if (exact.length === 1) return { ok: true, village: exact[0] };
      return { ok: false, reason: 'ambiguous', candidates };
    }
    return { ok: true, village: candidates[0] };
  };

  return { township, village, townshipByCode: (c) => tByCode.get(c), villageByCode: (c) => vByCode.get(c) };
}
