/**
 * An optional base-map style URL: `?basemap=https://…/style.json` wins over the `VITE_BASEMAP_STYLE`
 * build variable. Only http(s) URLs are accepted (relative ones resolve against `baseHref`).
 * Without one the map uses the plain background style and needs no tile server.
 */
export function basemapStyleUrl(search: string, envValue: string | undefined, baseHref: string): string | null {
  const candidate = new URLSearchParams(search).get('basemap') || envValue || null;
  if (!candidate) return null;
  try {
    const url = new URL(candidate, baseHref);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
