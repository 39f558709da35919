/**
 * The district the page shows: `?d=<county code>` in the address (朝天区 510812 when absent), and the one place
 * that points the API client at it — district routes are rewritten from `/api/…` to `/api/d/<code>/…`; account,
 * settings, basemap, district-list and city routes stay as they are (they answer the same for every district).
 */
export const DEFAULT_DISTRICT = '510812';
export const CITY_CODE = '510800';

/** Routes that are not about one district's data (their access rules are `global` in api/src/http/route-rules.ts). */
const GLOBAL_ROUTES = /^\/api\/(session|users|tokens|settings|basemaps|districts|city|openapi\.json)(\/|$)/;

/** The county code in `search` (`?d=510824`), else the default district. */
export function districtOf(search: string): string {
  const d = new URLSearchParams(search).get('d');
  return d && /^\d{6}$/.test(d) ? d : DEFAULT_DISTRICT;
}

export const currentDistrict = () => districtOf(typeof window === 'undefined' ? '' : window.location.search);

/** `/api/sites?x=1` → `/api/d/510824/sites?x=1` for a district route of another county; anything else unchanged. */
export function districtUrl(url: string, code: string = currentDistrict()): string {
  if (code === DEFAULT_DISTRICT) return url;
  const m = /^(https?:\/\/[^/]+)?(\/api\/.*)$/.exec(url);
  if (!m || m[2].startsWith('/api/d/') || GLOBAL_ROUTES.test(m[2])) return url;
  return `${m[1] ?? ''}/api/d/${code}/${m[2].slice('/api/'.length)}`;
}

/** `fetch` for the typed client: sends district routes to the current district ({@link districtUrl}). */
export const districtFetch: typeof fetch = (input, init) => {
  if (typeof input === 'string') return fetch(districtUrl(input), init);
  if (input instanceof URL) return fetch(districtUrl(input.href), init);
  const url = districtUrl(input.url);
  return fetch(url === input.url ? input : new Request(url, input), init);
};

/** The address of the page for another county (`d` set, the rest of the view kept except the selection and map). */
export function pageForDistrict(code: string, href: string = window.location.href): string {
  const u = new URL(href);
  if (code === DEFAULT_DISTRICT) u.searchParams.delete('d');
  else u.searchParams.set('d', code);
  for (const k of ['site', 'tw', 'focus', 'map', 'city']) u.searchParams.delete(k);
  return u.pathname + (u.search || '') + u.hash;
}

/** The names of the current district, for titles (set once the district list has loaded). */
const names = { zh: '朝天区', en: 'Chaotian District' };
export function setDistrictNames(zh: string, en: string | null) {
  names.zh = zh;
  names.en = en ?? zh;
}
export const districtName = (lang: 'zh' | 'en') => names[lang];

/** A page address of this app for the current district (`/resident.html` → `/resident.html?d=510824`). */
export function withDistrict(path: string, code: string = currentDistrict()): string {
  if (code === DEFAULT_DISTRICT) return path;
  return `${path}${path.includes('?') ? '&' : '?'}d=${code}`;
}
