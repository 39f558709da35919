import { describe, expect, it } from 'vitest';
import { activityDays } from '../../../api/src/engine/leaders/index.ts';

describe('activityDays', () => {
  it('finds the monthly day held in most months, and the next and latest activity', () => {
    const dates = ['2026-03-10', '2026-05-10', '2026-06-10', '2026-07-12', '2026-09-10', '2026-12-10', '2025-10-10'];
    expect(activityDays(dates, '2026-11-30', 'township')).toEqual({
      scope: 'township', dayOfMonth: 10, monthsWithDay: 4, monthsWithActivity: 5, next: '2026-12-10', last: '2026-09-10',
    });
  });

  it('names no usual day when none held in 3 months or half of the active months', () => {
    const twice = activityDays(['2026-08-10', '2026-09-10', '2026-10-03'], '2026-11-30', 'site');
    expect(twice).toMatchObject({ dayOfMonth: null, monthsWithDay: 0, monthsWithActivity: 3, last: '2026-10-03', next: null });
    const scattered = ['2026-01-10', '2026-02-10', '2026-03-10', '2026-04-02', '2026-05-03', '2026-06-04', '2026-07-05', '2026-08-06'];
    expect(activityDays(scattered, '2026-11-30', 'site')?.dayOfMonth).toBeNull();
  });

  it('ignores records older than a year and is null without any record in the window or ahead', () => {
    expect(activityDays(['2024-10-10', '2025-01-10', '2025-02-10'], '2026-11-30', 'site')).toBeNull();
    expect(activityDays([], '2026-11-30', 'site')).toBeNull();
    expect(activityDays(['2027-01-10'], '2026-11-30', 'site')).toMatchObject({ dayOfMonth: null, next: '2027-01-10', last: null });
  });
});
