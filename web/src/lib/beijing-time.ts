/** Dates and times shown in the UI are Beijing time (Asia/Shanghai), whatever the computer's own time zone. */
import type { Lang } from './i18n';

/**
 * A date-time in Beijing time, short style, labelled as such.
 * @example beijingDateTime('2026-11-30T15:43:00Z', 'zh') // '2026/11/30 23:43（北京时间）'
 */
export function beijingDateTime(at: string | number | Date, lang: Lang): string {
  const text = new Date(at).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });
  return lang === 'en' ? `${text} (Beijing time)` : `${text}（北京时间）`;
}

/** The date only, in Beijing. */
export const beijingDate = (at: string | number | Date, lang: Lang): string =>
  new Date(at).toLocaleDateString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' });
