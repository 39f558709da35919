/**
 * Plans an activity record import: date, site (or at least the township), team, project (朝天说,
 * 德耀朝天, 文润朝天, 风新朝天, 情暖万家 or other), participants and title.
 */
import type { ColumnMapping, FieldSpec } from './column-mapping.ts';
import { parseDate } from './parse-date.ts';
import { parseCount } from './parse-values.ts';
import type { PlaceMatcher } from './place-matcher.ts';
import { planLeaderRows, type LeaderImportPlan, type RowContext } from './plan-leader-rows.ts';
import type { RawTable } from './read-table.ts';
import { recordLookup, type NamedRecord } from './record-lookup.ts';

export const ACTIVITY_PROJECTS = ['chaotian_talk', 'virtue', 'culture', 'customs', 'warmth', 'other'] as const;
export type ActivityProject = (typeof ACTIVITY_PROJECTS)[number];
export const PROJECT_NAMES: Record<ActivityProject, { zh: string; en: string }> = {
  chaotian_talk: { zh: '朝天说', en: 'Chaotian Talks' }, virtue: { zh: '德耀朝天', en: 'Virtue' }, culture: { zh: '文润朝天', en: 'Culture' },
  customs: { zh: '风新朝天', en: 'New Customs' }, warmth: { zh: '情暖万家', en: 'Warmth' }, other: { zh: '其他', en: 'Other' },
};

/** Project from its name or id; empty → 'other'; unknown → undefined. */
export function parseProject(text: string): ActivityProject | undefined {
  const t = text.normalize('NFKC').replace(/[\s“”"「」《》]/g, '').toLowerCase();
  if (!t || t === '其他' || t === '其它') return 'other';
  for (const p of ACTIVITY_PROJECTS) if (t === p || t === PROJECT_NAMES[p].zh || t === PROJECT_NAMES[p].en.toLowerCase().replace(/\s/g, '')) return p;
  return (ACTIVITY_PROJECTS.find((p) => p !== 'other' && t.includes(PROJECT_NAMES[p].zh)));
}

export const ACTIVITY_FIELDS: FieldSpec[] = [
  { field: 'date', aliases: ['日期', '活动日期', '时间', '活动时间', 'date'] },
  { field: 'township', aliases: ['乡镇', '所属乡镇', 'township'] },
  { field: 'site', aliases: ['阵地', '站点', '活动阵地', '活动地点', '地点', 'site'] },
  { field: 'team', aliases: ['队伍', '志愿服务队', '服务队伍', '组织队伍', 'team'] },
  { field: 'project', aliases: ['项目', '品牌项目', '活动项目', 'project'] },
  { field: 'participants', aliases: ['参与人数', '参加人数', '人数', 'participants'] },
  { field: 'title', aliases: ['活动名称', '标题', '活动主题', '名称', 'title'] },
];

export interface PlannedActivity {
  date: string; townshipCode: string | null; siteId: string | null; teamId: string | null;
  project: ActivityProject; participants: number | null; title: string;
}
export type ActivityImportPlan = LeaderImportPlan<PlannedActivity>;

/**
 * @example planActivityImport(table, { places, sites, teams })
 */
export function planActivityImport(
  table: RawTable,
  ctx: { places: PlaceMatcher; sites: NamedRecord[]; teams: NamedRecord[] },
  opts: { mapping?: ColumnMapping } = {},
): ActivityImportPlan {
  const sites = recordLookup(ctx.sites);
  const teams = recordLookup(ctx.teams, [/志愿服务/g, /(总队|支队|大队|服务队|队)$/]);
  const parse = (r: RowContext): PlannedActivity | null => {
    const date = parseDate(r.cell('date'));
    if (date === null) r.error('date', 'missing_value', 'the date (日期) is required');
    else if (date === undefined) r.error('date', 'bad_date', `"${r.cell('date')}" is not a date (e.g. 2023-03-10)`, r.cell('date'));
    let townshipCode: string | null = null;
    if (r.cell('township')) {
      const t = ctx.places.township(r.cell('township'));
      if (!t) r.error('township', 'township_not_found', `township "${r.cell('township')}" is not one of the district's townships`, r.cell('township'));
      else townshipCode = t.code;
    }
    let siteId: string | null = null;
    if (r.cell('site')) {
      const s = sites.find(r.cell('site'), townshipCode);
      if (s.ok) { siteId = s.record.id; townshipCode ??= s.record.townshipCode; }
      else r.error('site', 'site_not_found', s.reason === 'ambiguous' ? `site "${r.cell('site')}" matches several sites; give the township or the site code`
        : `site "${r.cell('site')}" is not in the site register`, r.cell('site'));
    }
    let teamId: string | null = null;
    if (r.cell('team')) {
      const t = teams.find(r.cell('team'), townshipCode);
      if (t.ok) teamId = t.record.id;
      else r.error('team', 'team_not_found', `team "${r.cell('team')}" is not in the team register; import the teams first`, r.cell('team'));
    }
    if (!r.cell('site') && !r.cell('township') && !r.cell('team')) r.error('site', 'missing_value', 'give the site, the township or the team');
    const project = parseProject(r.cell('project'));
    if (!project) r.error('project', 'unknown_project', `project "${r.cell('project')}" is not 朝天说, 德耀朝天, 文润朝天, 风新朝天, 情暖万家 or 其他`, r.cell('project'));
    const participants = parseCount(r.cell('participants'));
    if (participants !== null && (Number.isNaN(participants) || !Number.isInteger(participants))) {
      r.error('participants', 'bad_number', `"${r.cell('participants')}" is not a whole number ≥ 0`, r.cell('participants'));
    }
    const title = r.cell('title');
    if (!title) r.error('title', 'missing_name', 'the activity title (活动名称) is required');
    else if (title.length > 300) r.error('title', 'too_long', 'the title is longer than 300 characters');
    if (!date || !project) return null;
    return { date, townshipCode, siteId, teamId, project, participants: participants === null || Number.isNaN(participants) ? null : participants, title };
  };
  return planLeaderRows(table, ACTIVITY_FIELDS, [['date'], ['title'], ['site', 'township', 'team']], parse, opts.mapping);
}
