/**
 * Sites the 2023 plan names to become demonstration sites by the end of 2023: the practice institutes
 * of 羊木镇 and 沙河镇, and the stations of 羊木镇关口村, 羊木镇新山村, 沙河镇唐家村 and 曾家镇毛坝村.
 */
export const DEMONSTRATION_TARGETS = [
  { kind: 'institute', township: '羊木镇', village: null, due: '2023-12-31' },
  { kind: 'institute', township: '沙河镇', village: null, due: '2023-12-31' },
  { kind: 'station', township: '羊木镇', village: '关口村', due: '2023-12-31' },
  { kind: 'station', township: '羊木镇', village: '新山村', due: '2023-12-31' },
  { kind: 'station', township: '沙河镇', village: '唐家村', due: '2023-12-31' },
  { kind: 'station', township: '曾家镇', village: '毛坝村', due: '2023-12-31' },
] as const;

export interface TargetSite { id: string; name: string; kind: string; townshipCode: string | null; villageCode: string | null; demonstration: boolean; status: string }

export type DemonstrationStatus = 'demonstration' | 'not_yet' | 'no_site';

export interface DemonstrationTargetStatus {
  kind: 'institute' | 'station'; township: string; village: string | null; due: string;
  townshipCode: string | null; villageCode: string | null;
  siteId: string | null; siteName: string | null; status: DemonstrationStatus;
}

/**
 * Each target's site (the institute of the township, the station of the village) and whether it is marked
 * a demonstration site.
 * @example demonstrationTargets(sites, townships, villages)[0].status // 'not_yet'
 */
export function demonstrationTargets(
  sites: TargetSite[], townships: { code: string; name: string }[], villages: { code: string; shortName: string; townshipCode: string }[],
): DemonstrationTargetStatus[] {
  return DEMONSTRATION_TARGETS.map((t) => {
    const tw = townships.find((x) => x.name === t.township) ?? null;
    const v = t.village && tw ? villages.find((x) => x.townshipCode === tw.code && x.shortName === t.village) ?? null : null;
    const candidates = sites.filter((s) => s.kind === t.kind && s.status !== 'proposed'
      && (t.village ? v !== null && s.villageCode === v.code : tw !== null && s.townshipCode === tw.code));
    const site = candidates.find((s) => s.demonstration) ?? candidates[0] ?? null;
    return {
      kind: t.kind, township: t.township, village: t.village, due: t.due, townshipCode: tw?.code ?? null, villageCode: v?.code ?? null,
      siteId: site?.id ?? null, siteName: site?.name ?? null, status: !site ? 'no_site' : site.demonstration ? 'demonstration' : 'not_yet',
    };
  });
}
