/**
 * Township seat for each 2022 township, from the 2016 AMap seat points and the village-name crosswalk.
 *
 * Rules, in order:
 * 1. same-name: a 2016 township with the same name → its seat ("seat-2016").
 * 2. renamed: a 2016 township with the same name stem (李家乡 → 李家镇) → its seat ("seat-2016", rename noted).
 * 3. village-match: the 2016 township with most exact village-name matches among those whose destination is this
 *    township → its seat ("approximate").
 * 4. township-name: the single 2016 township with no exact village match anywhere whose own name survives as a
 *    village name here (马家坝乡 → 马家坝村) → its seat ("approximate", weaker).
 * 5. otherwise null.
 */
import type { Crosswalk, Evidence, OldTownship } from './geodata-crosswalk.ts';
import type { Township2022, Village2022 } from './geodata-read.ts';
import { toStoredWgs84 } from './geodata-datum.ts';
import { TOWNSHIP_PINYIN, townshipName2022, townshipStem } from './geodata-names.ts';

export type SeatRule = 'same-name' | 'renamed' | 'village-match' | 'township-name' | 'none';
export interface SeatDecision { township: Township2022; old: OldTownship | null; rule: SeatRule }
export interface TownshipRecord {
  code: string; name: string; nameEn: string | null;
  seat: { lng: number; lat: number } | null;
  seatPrecision: 'seat-2016' | 'approximate' | null;
  seatMethod: string;
}

export function decideSeat(t: Township2022, cw: Crosswalk): SeatDecision {
  const olds = cw.oldTownships;
  const same = olds.find((o) => townshipName2022(o.name) === t.name);
  if (same) return { township: t, old: same, rule: 'same-name' };
  const renamed = olds.find((o) => townshipStem(o.name) === townshipStem(t.name));
  if (renamed) return { township: t, old: renamed, rule: 'renamed' };
  const ev = cw.evidence.get(t.code) ?? new Map<string, Evidence>();
  const byName = (name: string) => olds.find((o) => o.name === name) as OldTownship;
  const matched = [...ev.entries()]
    .filter(([name, e]) => e.exact.length > 0 && cw.destination.get(name) === t.code)
    .sort((a, b) => b[1].exact.length - a[1].exact.length);
  if (matched.length > 0 && (matched.length === 1 || matched[0][1].exact.length > matched[1][1].exact.length)) {
    return { township: t, old: byName(matched[0][0]), rule: 'village-match' };
  }
  const named = [...ev.entries()].filter(([name, e]) => e.townshipName.length > 0 && cw.destination.get(name) === null);
  if (named.length === 1) return { township: t, old: byName(named[0][0]), rule: 'township-name' };
  return { township: t, old: null, rule: 'none' };
}

function evidenceText(t: Township2022, cw: Crosswalk, villages: Village2022[]): string {
  const ev = cw.evidence.get(t.code) ?? new Map<string, Evidence>();
  const n = villages.filter((v) => v.townshipCode === t.code).length;
  const name = (code: string | null | undefined) => (code ? `in ${cw.newNames.get(code)}` : 'split');
  const parts = [...ev.entries()].filter(([, e]) => e.exact.length > 0).map(([old, e]) => {
    const dest = cw.destination.get(old);
    const note = dest === t.code ? '' : `; likely a homonym: most of ${old}'s 2016 names are now ${name(dest)}`;
    return `${e.exact.length} ${e.exact.length === 1 ? 'matches' : 'match'} ${old} (${e.exact.join(', ')}${note})`;
  });
  const other = [...ev.entries()].flatMap(([old, e]) => [
    ...e.townshipName.map((x) => `${x.split('←')[0]} carries the name of ${old}`),
    ...e.near.map((x) => `near match ${x} (${old})`),
  ]);
  const exact = parts.length > 0 ? parts.join('; ') : 'no exact matches';
  return `Of its ${n} village/community names (2022): ${exact}${other.length ? `; ${other.join('; ')}` : ''}.`;
}

export function seatMethod(d: SeatDecision, cw: Crosswalk, villages: Village2022[]): string {
  const o = d.old;
  const gcj = o?.division.gcj02;
  if (o && !gcj) {
    return `Matched to 2016 ${o.name} (rule ${d.rule}), but its row ${o.code} in Vonng/adcode ${o.code.slice(0, 6)}.csv ` +
      `has no point; seat unknown (驻地未知).`;
  }
  if (!o || !gcj) return `No 2016 point and no village-name evidence; seat unknown (驻地未知).`;
  const src = `2016 seat point of ${o.name} (Vonng/adcode ${o.code.slice(0, 6)}.csv row ${o.code}, AMap GCJ-02 ` +
    `${gcj.join(',')}) converted to WGS-84 (gcoord + iterative refinement)`;
  const t = d.township.name;
  switch (d.rule) {
    case 'same-name':
      return `${src}. 2016年${o.name}政府驻地点（高德 GCJ-02 转 WGS-84）。Same name in 2016 and 2022; seat assumed ` +
        `unchanged by the 2019 merger (not verified).`;
    case 'renamed':
      return `${src}. ${o.name} became ${t} by 2022 (same name stem ${townshipStem(t)}; 2016年${o.name}驻地，` +
        `后更名/撤乡设镇为${t}); seat assumed unchanged (not verified).`;
    case 'village-match':
      return `Approximate (近似): ${src}. ${t} has no 2016 point. ${evidenceText(d.township, cw, villages)} ` +
        `Took the seat of the dominant old township ${o.name}; the actual 2022 seat of ${t} may differ.`;
    case 'township-name':
      return `Approximate, weak evidence (近似，证据弱): ${src}. ${t} has no 2016 point. ` +
        `${evidenceText(d.township, cw, villages)} ${o.name} has no exact village-name match anywhere in 2022, so its ` +
        `territory (and 2016 seat) is taken to lie within ${t}. The actual 2022 seat of ${t} is in no source; ` +
        `its distance from this point is unknown.`;
    default:
      return '';
  }
}

/** `pinyin`: the romanised names of this county's townships; a county without a table gets nameEn null (never guessed). */
export function townshipRecord(
  d: SeatDecision, cw: Crosswalk, villages: Village2022[], pinyin: Readonly<Record<string, string>> | null = TOWNSHIP_PINYIN,
): TownshipRecord {
  const nameEn = pinyin ? pinyin[d.township.name] : null;
  if (pinyin && !nameEn) throw new Error(`townshipRecord: no pinyin for ${d.township.name}`);
  const gcj = d.old?.division.gcj02 ?? null;
  const wgs = gcj ? toStoredWgs84(gcj) : null;
  const precision = !wgs ? null : d.rule === 'same-name' || d.rule === 'renamed' ? 'seat-2016' : 'approximate';
  return {
    code: d.township.code,
    name: d.township.name,
    nameEn,
    seat: wgs ? { lng: wgs[0], lat: wgs[1] } : null,
    seatPrecision: precision,
    seatMethod: seatMethod(d, cw, villages),
  };
}
