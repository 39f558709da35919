import type { SiteFeature, Township } from '../lib/api';
import type { Lang } from '../lib/i18n';
import { townshipLabel } from '../lib/names';

/** Lookups from township codes and site ids to display names; `none` for a missing code or id. */
export function nameLookups(townships: readonly Township[], sites: readonly SiteFeature[], lang: Lang, none: string) {
  const tw = new Map(townships.map((x) => [x.code, townshipLabel(x, lang)]));
  const st = new Map(sites.map((s) => [s.id, s.properties.name]));
  return {
    townshipName: (code: string | null | undefined) => (code ? tw.get(code) ?? code : none),
    siteName: (id: string | null | undefined) => (id ? st.get(id) ?? id : none),
  };
}
