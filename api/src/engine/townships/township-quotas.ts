import type { QuotaItem, QuotaSite } from '../types';

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
 * @returns per-township and district counts with quota lines (status met | short | over)
 * @example
 * const report = townshipQuotas(sites, codes); // report.townships[0].items[0] → { kind: 'square', … }
 * @see the district's New-Era Civilization Practice plan (quotas quoted in the project brief)
 */
export function townshipQuotas(sites: readonly QuotaSite[], townshipCodes: readonly string[]): QuotaReport {
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
    const own = townshipDemonstrationShare(stations, demo);
    districtPicks += Math.max(0, demo - own);
    demonstrationInstitutes += t.demonstrationCounts.institute ?? 0;
    t.items.push(
      item('square', false, 1, undefined, t.counts.square ?? 0),
      item('base', false, 2, 3, t.counts.base ?? 0),
      item('point', false, 5, 5, t.counts.point ?? 0),
      item('station', true, own, undefined, demo),
    );
  }
  district.items.push(
    item('square', false, 1, 1, district.counts.square ?? 0),
    item('base', false, 4, 4, district.counts.base ?? 0),
    item('institute', true, 2, 3, demonstrationInstitutes),
    item('station', true, 8, 10, districtPicks),
  );
  return { townships, district, unknownTownshipSites };
}

/** Smallest r with r ≥ ⌈(S − max(0, d − r)) / 5⌉ (exists: r = ⌈S/5⌉ satisfies it). */
function townshipDemonstrationShare(stations: number, demonstration: number): number {
  for (let r = 0; ; r++) {
    if (r >= Math.ceil((stations - Math.max(0, demonstration - r)) / 5)) return r;
  }
}

function item(kind: string, demonstration: boolean, min: number, max: number | undefined, actual: number): QuotaItem {
  const status = actual < min ? 'short' : max !== undefined && actual > max ? 'over' : 'met';
  return { kind, demonstration, required: max === undefined ? { min } : { min, max }, actual, status };
}
