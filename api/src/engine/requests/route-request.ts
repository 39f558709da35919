/** A dispatching site near the request, with the travel minutes to it. */
export interface RequestSiteCandidate {
  siteId: string;
  name: string;
  kind: string;
  townshipCode: string | null;
  minutes: number;
}

/** The order of dispatching levels: a village station first, then the township institute, then the district centre. */
export const DISPATCH_LEVELS = ['station', 'institute', 'center'] as const;

export interface RequestRouting {
  /** Sites proposed to dispatch, in order; the first is the one the request goes to. */
  proposedSites: { siteId: string; name: string; minutes: number | null }[];
  /** True outside every circle, false inside one, null when the place is approximate (no verdict). */
  outsideCircle: boolean | null;
}

const levelOf = (kind: string) => DISPATCH_LEVELS.indexOf(kind as (typeof DISPATCH_LEVELS)[number]);

/**
 * Which sites a request at a point goes to: the dispatching sites whose circle (`circleMinutes`) holds it, by level
 * (station → institute → centre) and then by travel minutes; outside every circle, the township's institute
 * (flagged `outsideCircle`). `fallback` is that institute (or the centre when the township has none).
 * @example
 * ```ts
 * routeRequest([{ siteId: 's', name: '站', kind: 'station', townshipCode: 't', minutes: 9 }], 15, null)
 * // { proposedSites: [{ siteId: 's', name: '站', minutes: 9 }], outsideCircle: false }
 * ```
 */
export function routeRequest(candidates: RequestSiteCandidate[], circleMinutes: number, fallback: RequestSiteCandidate | null): RequestRouting {
  const inside = candidates
    .filter((c) => levelOf(c.kind) >= 0 && c.minutes <= circleMinutes)
    .sort((a, b) => levelOf(a.kind) - levelOf(b.kind) || a.minutes - b.minutes || a.siteId.localeCompare(b.siteId));
  if (inside.length) return { proposedSites: inside.map((c) => ({ siteId: c.siteId, name: c.name, minutes: c.minutes })), outsideCircle: false };
  return { proposedSites: fallback ? [{ siteId: fallback.siteId, name: fallback.name, minutes: fallback.minutes }] : [], outsideCircle: true };
}
