import { describe, expect, it } from 'vitest';
import { activitySummary } from '../../../api/src/engine/leaders/index.ts';

const a = (date: string, siteId: string | null, teamId: string | null, townshipCode: string | null, participants: number | null = null) =>
  ({ date, siteId, teamId, townshipCode, participants });

describe('activitySummary', () => {
  it('counts a year per site, team and township, marks the 10ths, and ignores other years', () => {
    const s = activitySummary([
      a('2023-01-10', 's1', 't1', 'A', 10), a('2023-01-11', 's1', 't1', 'A', 5), a('2023-03-10', 's2', null, 'B'),
      a('2022-12-10', 's1', 't1', 'A'), a('2023-03-10', null, 't1', 'A'),
    ], 2023, ['A', 'B', 'C'], '2024-02-01');
    expect(s.total).toBe(4);
    expect(s.monthsElapsed).toBe(12);
    expect(s.sites.s1).toEqual({ count: 2, target: 12, met: false, short: 10, latest: '2023-01-11', participants: 15 });
    expect(s.teams.t1).toMatchObject({ count: 3, short: 9 });
    expect(s.townships.A.activityDays.map((x, i) => (x ? i + 1 : 0)).filter(Boolean)).toEqual([1, 3]);
    expect(s.townships.A.activityDaysHeld).toBe(2);
    expect(s.townships.C).toMatchObject({ count: 0, activityDaysHeld: 0 });
  });

  it('counts only the months whose 10th has passed in the current year', () => {
    expect(activitySummary([], 2023, [], '2023-05-09').monthsElapsed).toBe(4);
    expect(activitySummary([], 2023, [], '2023-05-10').monthsElapsed).toBe(5);
    expect(activitySummary([], 2024, [], '2023-05-10').monthsElapsed).toBe(0);
  });
});
