/**
 * Plans a volunteer team register import: the district 总队, its detachments (支队), the township
 * 大队 and their teams, each with its parent, township, home site and members. A row whose name
 * matches a known team (or the detachment's field, "理论政策宣讲") updates it.
 */
import type { ColumnMapping, FieldSpec } from './column-mapping.ts';
import { parseCount } from './parse-values.ts';
import type { PlaceMatcher } from './place-matcher.ts';
import { planLeaderRows, type LeaderImportPlan, type RowContext } from './plan-leader-rows.ts';
import type { RawTable } from './read-table.ts';
import { recordLookup, type NamedRecord } from './record-lookup.ts';

export const TEAM_LEVELS = ['corps', 'detachment', 'brigade', 'team'] as const;
export type TeamLevel = (typeof TEAM_LEVELS)[number];

export const TEAM_FIELDS: FieldSpec[] = [
  { field: 'name', aliases: ['队伍名称', '名称', '队伍', '志愿服务队', 'name', 'team'] },
  { field: 'level', aliases: ['层级', '级别', '类型', 'level'] },
  { field: 'parent', aliases: ['上级队伍', '所属队伍', '上级', 'parent'] },
  { field: 'township', aliases: ['乡镇', '所属乡镇', 'township'] },
  { field: 'site', aliases: ['阵地', '所在阵地', '依托阵地', '站点', 'site', 'homesite'] },
  { field: 'members', aliases: ['人数', '队员人数', '成员数', 'members'] },
  { field: 'leader', aliases: ['负责人', '队长', 'leader'] },
  { field: 'notes', aliases: ['备注', 'notes'] },
];

const LEVEL_WORDS: [RegExp, TeamLevel][] = [
  [/^(corps|总队)$/i, 'corps'], [/^(detachment|支队)$/i, 'detachment'], [/^(brigade|大队)$/i, 'brigade'],
  [/^(team|队|服务队|小队|分队)$/i, 'team'],
];

/** Level from its word, or from the name's ending (…总队, …支队, …大队, …队). */
export function parseTeamLevel(levelText: string, name: string): TeamLevel | undefined {
  const t = levelText.normalize('NFKC').trim();
  if (t) return LEVEL_WORDS.find(([re]) => re.test(t))?.[1];
  if (name.endsWith('总队')) return 'corps';
  if (name.endsWith('支队')) return 'detachment';
  if (name.endsWith('大队')) return 'brigade';
  return 'team';
}

export interface PlannedTeam {
  action: 'create' | 'update'; teamId: string | null; name: string; level: TeamLevel;
  /** Existing team id, or the name of a team created earlier in the same file. */
  parentId: string | null; parentName: string | null;
  townshipCode: string | null; homeSiteId: string | null; members: number | null; leader: string; notes: string;
}
export type TeamImportPlan = LeaderImportPlan<PlannedTeam>;

const TEAM_STEMS = [/志愿服务/g, /(总队|支队|大队|服务队|队)$/];

/**
 * @example planTeamImport(table, { places, sites, teams })
 */
export function planTeamImport(
  table: RawTable,
  ctx: { places: PlaceMatcher; sites: NamedRecord[]; teams: (NamedRecord & { level: TeamLevel })[] },
  opts: { mapping?: ColumnMapping } = {},
): TeamImportPlan {
  const sites = recordLookup(ctx.sites);
  const teams = recordLookup(ctx.teams, TEAM_STEMS);
  const inFile = new Map<string, number>();
  const parse = (r: RowContext): PlannedTeam | null => {
    const name = r.cell('name');
    if (!name) { r.error('name', 'missing_name', 'the team name (队伍名称) is required'); return null; }
    if (name.length > 200) r.error('name', 'too_long', 'the name is longer than 200 characters');
    const level = parseTeamLevel(r.cell('level'), name);
    if (!level) r.error('level', 'unknown_level', `level "${r.cell('level')}" is not 总队, 支队, 大队 or 队`, r.cell('level'));
    let townshipCode: string | null = null;
    if (r.cell('township')) {
      const t = ctx.places.township(r.cell('township'));
      if (!t) r.error('township', 'township_not_found', `township "${r.cell('township')}" is not one of the district's townships`, r.cell('township'));
      else townshipCode = t.code;
    }
    let homeSiteId: string | null = null;
    if (r.cell('site')) {
      const s = sites.find(r.cell('site'), townshipCode);
      if (s.ok) homeSiteId = s.record.id;
      else r.error('site', 'site_not_found', s.reason === 'ambiguous' ? `site "${r.cell('site')}" matches several sites; give the township or the site code`
        : `site "${r.cell('site')}" is not in the site register`, r.cell('site'));
    }
    let parentId: string | null = null;
    let parentName: string | null = null;
    if (r.cell('parent')) {
      const p = teams.find(r.cell('parent'), townshipCode);
      if (p.ok) parentId = p.record.id;
      else if (inFile.has(r.cell('parent'))) parentName = r.cell('parent');
      else r.error('parent', 'team_not_found', `parent team "${r.cell('parent')}" is neither registered nor listed above this row`, r.cell('parent'));
    } else if (level === 'detachment') parentId = 'corps';
    const members = parseCount(r.cell('members'));
    if (members !== null && (Number.isNaN(members) || !Number.isInteger(members))) r.error('members', 'bad_number', `"${r.cell('members')}" is not a whole number ≥ 0`, r.cell('members'));
    if (level === 'brigade' && !townshipCode) r.warn('township', 'missing_value', 'a township brigade (大队) usually names its township');
    const first = inFile.get(name);
    if (first !== undefined) { r.error('name', 'duplicate_in_file', `same team as row ${first}`, name); return null; }
    inFile.set(name, r.row);
    if (!level) return null;
    const existing = teams.find(name, townshipCode);
    if (existing.ok && existing.record.level !== level) {
      r.error('level', 'unknown_level', `"${name}" is registered as a ${existing.record.level}, not a ${level}`);
      return null;
    }
    return {
      action: existing.ok ? 'update' : 'create', teamId: existing.ok ? existing.record.id : null, name, level, parentId, parentName,
      townshipCode, homeSiteId, members: members === null || Number.isNaN(members) ? null : members, leader: r.cell('leader'), notes: r.cell('notes'),
    };
  };
  return planLeaderRows(table, TEAM_FIELDS, [['name']], parse, opts.mapping);
}
