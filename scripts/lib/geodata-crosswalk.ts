/**
 * 2016 → 2022 township crosswalk from village names alone.
 *
 * For every 2022 township N and every 2016 township O we collect:
 * - exact: 2022 village/community stems of N equal to a 2016 village/community stem of O;
 * - townshipName: a 2022 stem of N (with no exact match anywhere) that equals or starts with O's own name stem
 *   (马家坝村 ↔ 马家坝乡, 转斗铺社区 ↔ 转斗乡);
 * - near: a 2022 stem of N (with neither of the above) that is a one-character variant (菜籽坝 ≈ 菜子坝) or a
 *   prefix variant (枫香滩 ≈ 枫香) of a 2016 stem of O.
 * The destination of O is the 2022 township holding most of O's exact matches (null when O has none or a tie).
 */
import type { Division2016, Township2022, Village2022 } from './geodata-read.ts';
import { oneCharVariant, prefixVariant, stem2016, stem2022, townshipStem } from './geodata-names.ts';

export interface OldTownship { code: string; name: string; division: Division2016; stems: string[] }
export interface Evidence { exact: string[]; townshipName: string[]; near: string[] }
export interface Crosswalk {
  oldTownships: OldTownship[];
  /** newCode → oldName → evidence (only non-empty entries). */
  evidence: Map<string, Map<string, Evidence>>;
  /** oldName → 2022 township code, or null. */
  destination: Map<string, string | null>;
  /** 2022 township code → name. */
  newNames: Map<string, string>;
}

function oldTownships(divisions: Division2016[], countyName: string): OldTownship[] {
  const towns = divisions.filter((d) => d.level === 'town');
  return towns.map((t) => ({
    code: t.code,
    name: t.name,
    division: t,
    stems: divisions.filter((d) => d.level === 'village' && d.parent === t.code).map((v) => stem2016(v.name, t.name, countyName)),
  }));
}

export function buildCrosswalk(
  divisions: Division2016[], townships: Township2022[], villages: Village2022[], countyName = '朝天区',
): Crosswalk {
  const olds = oldTownships(divisions, countyName);
  const evidence = new Map<string, Map<string, Evidence>>(townships.map((t) => [t.code, new Map()]));
  const add = (newCode: string, oldName: string, kind: keyof Evidence, item: string) => {
    const byOld = evidence.get(newCode);
    if (!byOld) throw new Error(`crosswalk: village in unknown township ${newCode}`);
    const e = byOld.get(oldName) ?? { exact: [], townshipName: [], near: [] };
    e[kind].push(item);
    byOld.set(oldName, e);
  };
  for (const v of villages) {
    const stem = stem2022(v.name);
    const exact = olds.filter((o) => o.stems.includes(stem));
    for (const o of exact) add(v.townshipCode, o.name, 'exact', stem);
    if (exact.length > 0) continue;
    const named = olds.filter((o) => stem.startsWith(townshipStem(o.name)));
    for (const o of named) add(v.townshipCode, o.name, 'townshipName', `${stem}←${o.name}`);
    if (named.length > 0) continue;
    for (const o of olds) {
      for (const s of o.stems) {
        if (oneCharVariant(stem, s) || prefixVariant(stem, s)) add(v.townshipCode, o.name, 'near', `${stem}≈${s}`);
      }
    }
  }
  const destination = new Map<string, string | null>();
  for (const o of olds) {
    const counts = townships
      .map((t) => ({ code: t.code, n: evidence.get(t.code)?.get(o.name)?.exact.length ?? 0 }))
      .sort((a, b) => b.n - a.n);
    const [first, second] = counts;
    destination.set(o.name, first.n > 0 && first.n > second.n ? first.code : null);
  }
  return { oldTownships: olds, evidence, destination, newNames: new Map(townships.map((t) => [t.code, t.name])) };
}
