/** How far back activity records count towards a site's usual activity day. */
export const ACTIVITY_DAYS_WINDOW_DAYS = 365;
/** A day of the month is "usual" when it saw activities in at least this many months of the window… */
const MIN_MONTHS = 3;

/** When a site's activities take place, as far as the activity records say. */
export interface ActivityDays {
  /** Whose records: the site's own, or (when it has none) its township's. */
  scope: 'site' | 'township';
  /** The day of the month with activities in most months of the last year (≥ 3 months and ≥ half of the active months), else null. */
  dayOfMonth: number | null;
  /** Months of the last year with an activity on `dayOfMonth` (0 when null). */
  monthsWithDay: number;
  /** Months of the last year with any activity. */
  monthsWithActivity: number;
  /** The next recorded activity from `today` on (YYYY-MM-DD), else null. */
  next: string | null;
  /** The latest recorded activity before `today`, else null. */
  last: string | null;
}

const daysBefore = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * Summarises activity dates (YYYY-MM-DD) into a usual day of the month, the next and the latest activity, using the
 * {@link ACTIVITY_DAYS_WINDOW_DAYS} days before `today`; null when there is nothing in the window or ahead.
 * @example activityDays(['2026-09-10', '2026-10-10', '2026-11-10'], '2026-11-30', 'township') // { dayOfMonth: 10, monthsWithDay: 3, … }
 */
export function activityDays(dates: string[], today: string, scope: ActivityDays['scope']): ActivityDays | null {
  const from = daysBefore(today, ACTIVITY_DAYS_WINDOW_DAYS);
  const past = dates.filter((d) => d >= from && d < today);
  const ahead = dates.filter((d) => d >= today).sort();
  if (!past.length && !ahead.length) return null;
  const monthsByDay = new Map<number, Set<string>>();
  for (const d of past) {
    const day = Number(d.slice(8, 10));
    if (!monthsByDay.has(day)) monthsByDay.set(day, new Set());
    monthsByDay.get(day)!.add(d.slice(0, 7));
  }
  const monthsWithActivity = new Set(past.map((d) => d.slice(0, 7))).size;
  let best: [number, number] | null = null;
  for (const [day, months] of monthsByDay) {
    if (!best || months.size > best[1] || (months.size === best[1] && day < best[0])) best = [day, months.size];
  }
  const usual = best && best[1] >= MIN_MONTHS && best[1] * 2 >= monthsWithActivity ? best : null;
  return {
    scope, dayOfMonth: usual?.[0] ?? null, monthsWithDay: usual?.[1] ?? 0, monthsWithActivity,
    next: ahead[0] ?? null, last: past.length ? past.reduce((a, b) => (b > a ? b : a)) : null,
  };
}
