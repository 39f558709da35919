import { SITE_KIND_NAMES, type SiteKind } from '../../../api/src/schemas/sites';
import type { Lang } from './i18n';

/** The display name of a site kind in the current language. */
export const kindName = (kind: SiteKind, lang: Lang) => SITE_KIND_NAMES[kind][lang];
