import { SITE_KIND_NAMES, type SiteKind } from '../../../api/src/schemas/sites';
import type { Lang } from './i18n';

/** The display name of a site kind in the current language. */
export const kindName = (kind: SiteKind, lang: Lang) => SITE_KIND_NAMES[kind][lang];

/**
 * A township's name in the UI language: its English name from the data (pinyin, e.g. "Datan") in English, its
 * Chinese name otherwise or when the data has no English name. Villages have Chinese names only and keep them.
 * @example townshipLabel({ name: '大滩镇', nameEn: 'Datan' }, 'en') // 'Datan'
 */
export const townshipLabel = (tw: { name: string; nameEn?: string | null }, lang: Lang) => (lang === 'en' && tw.nameEn ? tw.nameEn : tw.name);
