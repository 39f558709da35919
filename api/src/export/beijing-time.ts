/** Times in exports are Beijing time (UTC+8, no daylight saving), as the district's staff read them. */
const FMT = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});

/**
 * `YYYY-MM-DD HH:mm:ss` in Beijing time.
 * @example beijingTime('2026-11-30T15:43:00Z') // '2026-11-30 23:43:00'
 */
export const beijingTime = (at: string | Date): string => FMT.format(typeof at === 'string' ? new Date(at) : at);

/** Today's date in Beijing as `YYYYMMDD`, for file names. */
export const beijingStamp = (now = new Date()): string => beijingTime(now).slice(0, 10).replace(/-/g, '');
