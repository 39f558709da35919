/**
 * The planner's view in the address bar: pure reading and writing of the query string, so a copied URL reopens the
 * same tab, coverage settings, filters, selection, open scenario (and the one compared with it) and map position. Defaults are left out; other parameters
 * (lang, basemap) are kept as they are.
 */
import { SITE_KINDS, SITE_STATUSES } from '../../../api/src/schemas/sites';
import type { CoverageSettings, TravelMode } from '../coverage/api';

export interface UrlView {
  tab: string | null;
  site: string | null;
  /** The planning scenario open on the map, and the one it is compared with. */
  scenario: string | null;
  against: string | null;
  coverage: CoverageSettings;
  coverageOn: boolean;
  kinds: string[];
  statuses: string[];
  township: string | null;
  focus: string | null;
  /** Map centre and zoom; null: the whole district. */
  map: { lng: number; lat: number; zoom: number } | null;
}

const KEYS = ['tab', 'site', 'scn', 'vs', 'tier', 'mode', 'older', 'cov', 'kinds', 'st', 'tw', 'focus', 'map'] as const;
const MODES: TravelMode[] = ['walk', 'bike', 'car'];
const TIERS = [5, 10, 15];

const list = (v: string | null, all: readonly string[]) => (v === null ? [...all] : v.split(',').filter((x) => all.includes(x)));

export function readView(search: string): UrlView {
  const q = new URLSearchParams(search);
  const tier = Number(q.get('tier'));
  const mode = q.get('mode') as TravelMode | null;
  const m = (q.get('map') ?? '').split(',').map(Number);
  return {
    tab: q.get('tab'),
    site: q.get('site'),
    scenario: q.get('scn'),
    against: q.get('scn') ? q.get('vs') : null,
    coverage: { minutes: TIERS.includes(tier) ? tier : 15, mode: mode && MODES.includes(mode) ? mode : 'walk', older: q.get('older') === '1' },
    coverageOn: q.get('cov') === '1',
    kinds: list(q.get('kinds'), SITE_KINDS),
    statuses: list(q.get('st'), SITE_STATUSES),
    township: q.get('tw'),
    focus: q.get('focus'),
    map: m.length === 3 && m.every(Number.isFinite) ? { lng: m[0], lat: m[1], zoom: m[2] } : null,
  };
}

/** The query string for `view`, keeping parameters this module does not own. */
export function writeView(search: string, view: UrlView): string {
  const q = new URLSearchParams(search);
  for (const k of KEYS) q.delete(k);
  const set = (k: string, v: string | null | false) => (v ? q.set(k, v) : undefined);
  set('tab', view.tab !== 'layers' && view.tab);
  set('site', view.site);
  set('scn', view.scenario);
  set('vs', view.scenario && view.against);
  set('tier', view.coverage.minutes !== 15 && String(view.coverage.minutes));
  set('mode', view.coverage.mode !== 'walk' && view.coverage.mode);
  set('older', view.coverage.older && '1');
  set('cov', view.coverageOn && '1');
  set('kinds', view.kinds.length !== SITE_KINDS.length && view.kinds.join(','));
  set('st', view.statuses.length !== SITE_STATUSES.length && view.statuses.join(','));
  set('tw', view.township);
  set('focus', view.focus);
  set('map', view.map && `${view.map.lng.toFixed(5)},${view.map.lat.toFixed(5)},${view.map.zoom.toFixed(2)}`);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The query string without the map position (moving the map replaces the history entry rather than adding one). */
export const withoutMap = (search: string) => {
  const q = new URLSearchParams(search);
  q.delete('map');
  return q.toString();
};
