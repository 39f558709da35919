/**
 * Plans a volunteer-count import: one row per township (村 column empty) or village and date, with
 * registered residents, cadres (total / registered / taking part) and participating residents.
 */
import type { ColumnMapping, FieldSpec } from './column-mapping.ts';
import { parseDate } from './parse-date.ts';
import { parseCount } from './parse-values.ts';
import type { PlaceMatcher } from './place-matcher.ts';
import { planLeaderRows, type LeaderImportPlan, type RowContext } from './plan-leader-rows.ts';
import type { RawTable } from './read-table.ts';

export const VOLUNTEER_COUNT_FIELDS = ['population', 'registeredResidents', 'totalCadres', 'registeredCadres', 'participatingCadres', 'participatingResidents'] as const;
export type VolunteerCountField = (typeof VOLUNTEER_COUNT_FIELDS)[number];

export const VOLUNTEER_FIELDS: FieldSpec[] = [
  { field: 'township', aliases: ['乡镇', '镇乡', '所属乡镇', '乡镇(街道)', 'township'] },
  { field: 'village', aliases: ['村(社区)', '村', '社区', '村/社区', '村社区', 'village'] },
  { field: 'date', aliases: ['日期', '统计日期', '截至日期', '时间', 'date'] },
  { field: 'population', aliases: ['常住人口', '人口', '常住人口数', 'population'] },
  { field: 'registeredResidents', aliases: ['注册志愿者(群众)', '注册志愿者', '群众注册志愿者', '已注册群众', 'registeredresidents'] },
  { field: 'totalCadres', aliases: ['干部总数', '干部人数', 'totalcadres'] },
  { field: 'registeredCadres', aliases: ['已注册干部', '注册干部', 'registeredcadres'] },
  { field: 'participatingCadres', aliases: ['参与活动干部', '参与干部', '参加活动干部', 'participatingcadres'] },
  { field: 'participatingResidents', aliases: ['参与活动群众', '参与群众', '参加活动群众', 'participatingresidents'] },
];

export type PlannedVolunteerCount = {
  townshipCode: string; townshipName: string; villageCode: string | null; villageName: string | null; date: string;
} & Record<VolunteerCountField, number | null>;

export type VolunteerImportPlan = LeaderImportPlan<PlannedVolunteerCount>;

/**
 * Checks every row: the place exists, the date is real, counts are whole numbers, registered ≤ total cadres.
 * @example planVolunteerImport(table, { places })
 */
export function planVolunteerImport(table: RawTable, ctx: { places: PlaceMatcher }, opts: { mapping?: ColumnMapping } = {}): VolunteerImportPlan {
  const seen = new Map<string, number>();
  const parse = (r: RowContext): PlannedVolunteerCount | null => {
    const tText = r.cell('township');
    const vText = r.cell('village');
    const township = tText ? ctx.places.township(tText) : null;
    if (!tText) r.error('township', 'missing_value', 'the township (乡镇) is required');
    else if (!township) r.error('township', 'township_not_found', `township "${tText}" is not one of the district's townships`, tText);
    let village: { code: string; name: string } | null = null;
    if (vText && township) {
      const m = ctx.places.village(vText, township.code);
      if (m.ok) village = m.village;
      else if (m.reason === 'not_in_township') r.error('village', 'village_not_in_township', `"${vText}" is not in ${township.name}`, vText);
      else if (m.reason === 'ambiguous') r.error('village', 'village_ambiguous', `"${vText}" matches several villages; give the code`, vText);
      else r.error('village', 'village_not_found', `village/community "${vText}" not found`, vText);
    }
    const date = parseDate(r.cell('date'));
    if (date === null) r.error('date', 'missing_value', 'the date (日期) is required');
    else if (date === undefined) r.error('date', 'bad_date', `"${r.cell('date')}" is not a date (e.g. 2023-06-30)`, r.cell('date'));
    const counts = {} as Record<VolunteerCountField, number | null>;
    for (const f of VOLUNTEER_COUNT_FIELDS) {
      const v = parseCount(r.cell(f));
      if (v !== null && (Number.isNaN(v) || !Number.isInteger(v))) {
        r.error(f, 'bad_number', `"${r.cell(f)}" is not a whole number ≥ 0`, r.cell(f));
        counts[f] = null;
      } else counts[f] = v;
    }
    if (VOLUNTEER_COUNT_FIELDS.every((f) => f === 'population' || counts[f] === null)) r.error(null, 'missing_value', 'the row gives no count');
    if (counts.totalCadres !== null && counts.registeredCadres !== null && counts.registeredCadres > counts.totalCadres) {
      r.error('registeredCadres', 'inconsistent_counts', `registered cadres (${counts.registeredCadres}) exceed the total cadres (${counts.totalCadres})`);
    }
    if (counts.totalCadres !== null && counts.participatingCadres !== null && counts.participatingCadres > counts.totalCadres) {
      r.error('participatingCadres', 'inconsistent_counts', `participating cadres (${counts.participatingCadres}) exceed the total cadres (${counts.totalCadres})`);
    }
    if (!township || !date) return null;
    const key = `${village?.code ?? township.code}|${date}`;
    const first = seen.get(key);
    if (first !== undefined) {
      r.error(vText ? 'village' : 'township', 'duplicate_in_file', `same place and date as row ${first}`);
      return null;
    }
    seen.set(key, r.row);
    return { townshipCode: township.code, townshipName: township.name, villageCode: village?.code ?? null, villageName: village?.name ?? null, date, ...counts };
  };
  return planLeaderRows(table, VOLUNTEER_FIELDS, [['township'], ['date']], parse, opts.mapping);
}
