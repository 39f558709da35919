import type { QuotaItem, QuotaSite } from '../types';
import { CHAOTIAN_2023, type QuotaRange, type QuotaRuleSet } from './quota-rule-sets.ts';

/** Counts and quota lines for one township, or for the district-level sites. */
export interface QuotaReportPart {
  /** Township code; null for the district level. */
  code: string | null;
  /** Sites by kind, placed or not. */
  counts: Record<string, number>;
  /** Demonstration sites by kind. */
  demonstrationCounts: Record<string, number>;
  /** Sites without coordinates yet. */
  unplaced: number;
  items: QuotaItem[];
}

/** Result of {@link townshipQuotas}. */
export interface QuotaReport {
  townships: QuotaReportPart[];
  district: QuotaReportPart;
  /** Sites whose township code is not in the list (not counted anywhere else). */
  unknownTownshipSites: number;
  /** The rule set the counts were checked against. */
  ruleSet: { id: string; name: string };
}

/**
 * Checks site counts against the district plan. Every site counts, placed or not.
 * Per township: ≥1 square, 2–3 bases, exactly 5 points, and its share of demonstration stations.
 * District level (sites with townshipCode null): 1 square, 4 bases. District-wide: 2–3 demonstration
 * institutes, and 8–10 demonstration stations picked by the district on top of the townships' shares.
 *
 * Reading of "8–10 demonstration stations + 20% of each township's remaining stations": a township with
 * S stations, d of them flagged demonstration, needs r of its own, r = the smallest whole number with
 * r ≥ ⌈20% × (S − max(0, d − r))⌉, i.e. 20% (rounded up) of the stations that are not district picks,
 * where the district picks are the township's demonstration stations beyond its own share. The district's
 * count is the sum of those picks, Σ max(0, d − r), and must be 8–10. (One flag cannot say which level
 * picked a station; this reading credits each township first.)
 *
 * @param sites - all planned sites (kind ids as in the brief)
 * @param townshipCodes - the district's township codes
 * @param rules - the quota rule set (朝天区's 2023 plan, `chaotian-2023`, unless the county has its own)
 * @returns per-township and district counts with quota lines (status met | short | over)
 * @example
 * const report = townshipQuotas(sites, codes); // report.townships[0].items[0] → { kind: 'square', … }
 * @see the district's New-Era Civilization Practice plan (quotas quoted in the project brief)
 */
export function townshipQuotas(
  sites: readonly QuotaSite[], townshipCodes: readonly string[], rules: QuotaRuleSet = CHAOTIAN_2023,
): QuotaReport {
  const parts = new Map<string | null, QuotaReportPart>();
  const part = (code: string | null): QuotaReportPart => ({ code, counts: {}, demonstrationCounts: {}, unplaced: 0, items: [] });
  for (const code of townshipCodes) parts.set(code, part(code));
  const district = part(null);
  parts.set(null, district);
  let unknownTownshipSites = 0;
  for (const site of sites) {
    const p = parts.get(site.townshipCode);
    if (!p) { unknownTownshipSites++; continue; }
    p.counts[site.kind] = (p.counts[site.kind] ?? 0) + 1;
    if (site.demonstration) p.demonstrationCounts[site.kind] = (p.demonstrationCounts[site.kind] ?? 0) + 1;
    if (!site.placed) p.unplaced++;
  }

  let districtPicks = district.demonstrationCounts.station ?? 0;
  let demonstrationInstitutes = district.demonstrationCounts.institute ?? 0;
  const townships = townshipCodes.map((code) => parts.get(code)!);
  for (const t of townships) {
    const stations = t.counts.station ?? 0;
    const demo = t.demonstrationCounts.station ?? 0;
    const own = townshipDemonstrationShare(stations, demo, rules.township.demonstrationStationShare);
    districtPicks += Math.max(0, demo - own);
    demonstrationInstitutes += t.demonstrationCounts.institute ?? 0;
    const r = rules.township;
    t.items.push(
      item('square', false, r.square, t.counts.square ?? 0),
      item('base', false, r.base, t.counts.base ?? 0),
      item('point', false, r.point, t.counts.point ?? 0),
      item('station', true, { min: own }, demo),
    );
  }
  const d = rules.district;
  district.items.push(
    item('square', false, d.square, district.counts.square ?? 0),
    item('base', false, d.base, district.counts.base ?? 0),
    item('institute', true, d.demonstrationInstitutes, demonstrationInstitutes),
    item('station', true, d.demonstrationStationPicks, districtPicks),
  );
  return { townships, district, unknownTownshipSites, ruleSet: { id: rules.id, name: rules.name } };
}

/** Smallest r with r ≥ ⌈share × (S − max(0, d − r))⌉ (exists: r = ⌈share × S⌉ satisfies it). */
function townshipDemonstrationShare(stations: number, demonstration: number, share: number): number {
  // share 0.2 is computed as ÷ 5 so that 20% of 5 is exactly 1 (no floating-point excess).
  const divisor = 1 / share;
  for (let r = 0; ; r++) {
    if (r >= Math.ceil((stations - Math.max(0, demonstration - r)) / divisor)) return r;
  }
}

function item(kind: string, demonstration: boolean, range: QuotaRange, actual: number): QuotaItem {
  const { min, max } = range;
  const status = actual < min ? 'short' : max !== undefined && actual > max ? 'over' : 'met';
  return { kind, demonstration, required: max === undefined ? { min } : { min, max }, actual, status };
}
