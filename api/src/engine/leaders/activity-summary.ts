/** Activities per site, team and township in one year, against the plan's 12-a-year target and the monthly 10th. */
export const ACTIVITIES_PER_YEAR_TARGET = 12;
/** 文明实践集中活动日: the 10th of every month. */
export const ACTIVITY_DAY_OF_MONTH = 10;

export interface ActivityRecord { date: string; siteId: string | null; teamId: string | null; townshipCode: string | null; participants: number | null }

export interface CountAgainstTarget { count: number; target: number; met: boolean; short: number; latest: string | null; participants: number }

export interface ActivitySummary {
  year: number;
  /** Months of the year that have passed (or all 12 for a past year) as of `today`. */
  monthsElapsed: number;
  sites: Record<string, CountAgainstTarget>;
  teams: Record<string, CountAgainstTarget>;
  townships: Record<string, CountAgainstTarget & { activityDays: boolean[]; activityDaysHeld: number }>;
  total: number;
}

function bump(map: Record<string, CountAgainstTarget>, key: string, a: ActivityRecord) {
  const x = (map[key] ??= { count: 0, target: ACTIVITIES_PER_YEAR_TARGET, met: false, short: ACTIVITIES_PER_YEAR_TARGET, latest: null, participants: 0 });
  x.count++;
  x.participants += a.participants ?? 0;
  if (!x.latest || a.date > x.latest) x.latest = a.date;
  x.met = x.count >= x.target;
  x.short = Math.max(0, x.target - x.count);
}

/**
 * Counts the activities of `year` (dates as YYYY-MM-DD) by site, team and township, and marks the
 * months whose 10th saw an activity in each township. `today` bounds the months counted as elapsed.
 * @example activitySummary(records, 2023, ['510812102'], '2024-01-05').townships['510812102'].activityDays[2] // March 10th held?
 */
export function activitySummary(records: ActivityRecord[], year: number, townshipCodes: string[], today: string): ActivitySummary {
  const prefix = `${year}-`;
  const inYear = records.filter((a) => a.date.startsWith(prefix));
  const sites: Record<string, CountAgainstTarget> = {};
  const teams: Record<string, CountAgainstTarget> = {};
  const townships: ActivitySummary['townships'] = {};
  for (const code of townshipCodes) {
    townships[code] = { count: 0, target: ACTIVITIES_PER_YEAR_TARGET, met: false, short: ACTIVITIES_PER_YEAR_TARGET, latest: null, participants: 0,
      activityDays: Array(12).fill(false), activityDaysHeld: 0 };
  }
  for (const a of inYear) {
    if (a.siteId) bump(sites, a.siteId, a);
    if (a.teamId) bump(teams, a.teamId, a);
    if (a.townshipCode && townships[a.townshipCode]) {
      const t = townships[a.townshipCode];
      bump(townships as Record<string, CountAgainstTarget>, a.townshipCode, a);
      if (Number(a.date.slice(8, 10)) === ACTIVITY_DAY_OF_MONTH) t.activityDays[Number(a.date.slice(5, 7)) - 1] = true;
    }
  }
  for (const t of Object.values(townships)) t.activityDaysHeld = t.activityDays.filter(Boolean).length;
  const ty = Number(today.slice(0, 4));
  const monthsElapsed = year < ty ? 12 : year > ty ? 0 : Number(today.slice(5, 7)) - (Number(today.slice(8, 10)) >= ACTIVITY_DAY_OF_MONTH ? 0 : 1);
  return { year, monthsElapsed, sites, teams, townships, total: inYear.length };
}
