/** Pure search over sites, villages/communities, townships and typed coordinates for the planner's search box. */
import gcoord from 'gcoord';

export type SearchKind = 'coordinate' | 'site' | 'village' | 'township';
export type CoordinateDatum = 'wgs84' | 'gcj02';

export interface SearchResult {
  kind: SearchKind;
  /** Site id, village or township code, or `lng,lat` for a coordinate. */
  id: string;
  label: string;
  /** Second line: township, kind, code, or the converted coordinate. */
  detail: string;
  /** WGS-84 point to fly to, null when the place has no location yet. */
  lng: number | null;
  lat: number | null;
}

interface SiteLike { id: string; geometry: { coordinates: number[] } | null; properties: { name: string; code: string | null; townshipCode: string | null; kind: string } }
interface VillageLike { code: string; name: string; shortName: string; townshipCode: string; lng: number | null; lat: number | null }
interface TownshipLike { code: string; name: string; nameEn: string; seat: { lng: number; lat: number } | null }

export interface SearchSources {
  sites: readonly SiteLike[];
  villages: readonly VillageLike[];
  townships: readonly TownshipLike[];
  townshipName: (code: string | null) => string;
  kindName: (kind: string) => string;
}

/**
 * Reads `lng,lat` (comma, Chinese comma, or spaces between; a pair given as lat,lng is swapped when the first number
 * cannot be a longitude here) and returns the WGS-84 point. GCJ-02 input is converted with gcoord.
 * @example parseCoordinate('106.15, 32.64', 'wgs84') // { lng: 106.15, lat: 32.64 }
 */
export function parseCoordinate(text: string, datum: CoordinateDatum): { lng: number; lat: number } | null {
  const m = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*[,，\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return null;
  let lng = Number(m[1]), lat = Number(m[2]);
  if (Math.abs(lng) <= 90 && Math.abs(lat) > 90) [lng, lat] = [lat, lng];
  if (Math.abs(lng) > 180 || Math.abs(lat) > 90) return null;
  if (datum === 'gcj02') [lng, lat] = gcoord.transform([lng, lat] as [number, number], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return { lng, lat };
}

const score = (names: string[], q: string): number => {
  let best = 0;
  for (const n of names) {
    const s = n.toLowerCase();
    if (s === q) return 3;
    if (s.startsWith(q)) best = Math.max(best, 2);
    else if (s.includes(q)) best = Math.max(best, 1);
  }
  return best;
};

/**
 * Results for `query`, grouped by kind (coordinate, then sites, villages, townships), best matches first in each
 * group, at most `perKind` per group.
 */
export function searchEverything(query: string, src: SearchSources, datum: CoordinateDatum, perKind = 5): SearchResult[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const out: SearchResult[] = [];
  const point = parseCoordinate(q, datum);
  if (point) {
    const fmt = `${point.lng.toFixed(6)}, ${point.lat.toFixed(6)}`;
    out.push({ kind: 'coordinate', id: `${point.lng},${point.lat}`, label: query.trim(), detail: `WGS-84 ${fmt}`, ...point });
    return out;
  }
  const pick = <T,>(items: readonly T[], names: (x: T) => string[], make: (x: T) => SearchResult) =>
    items
      .map((x) => ({ x, s: score(names(x), q) }))
      .filter((r) => r.s > 0)
      .sort((a, b) => b.s - a.s)
      .slice(0, perKind)
      .map((r) => make(r.x));
  out.push(...pick(src.sites, (s) => [s.properties.name, s.properties.code ?? '', s.id], (s) => ({
    kind: 'site', id: s.id, label: s.properties.name,
    detail: [src.kindName(s.properties.kind), src.townshipName(s.properties.townshipCode), s.properties.code].filter(Boolean).join(' · '),
    lng: s.geometry?.coordinates[0] ?? null, lat: s.geometry?.coordinates[1] ?? null,
  })));
  out.push(...pick(src.villages, (v) => [v.name, v.shortName, v.code], (v) => ({
    kind: 'village', id: v.code, label: v.name, detail: src.townshipName(v.townshipCode), lng: v.lng, lat: v.lat,
  })));
  out.push(...pick(src.townships, (t) => [t.name, t.nameEn, t.code], (t) => ({
    kind: 'township', id: t.code, label: src.townshipName(t.code), detail: t.code, lng: t.seat?.lng ?? null, lat: t.seat?.lat ?? null,
  })));
  return out;
}
