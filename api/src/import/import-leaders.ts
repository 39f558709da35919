/**
 * The leaders' imports — volunteer counts, the team register and activity records — with the site
 * import's preview / all-or-nothing commit / skipInvalid behaviour and issue style, and their templates.
 */
import { inTransaction, type Sql } from '../db/client.ts';
import { insertDataSource, newDataSourceId } from '../db/import-repo.ts';
import { commitActivities, commitTeams, commitVolunteerCounts, listSiteRefs, listTeams } from '../db/leaders-repo.ts';
import { bumpDataVersion } from '../db/version-repo.ts';
import { rowsToXlsx, type ExportSheet } from '../export/rows-to-xlsx.ts';
import type { ColumnMapping } from './column-mapping.ts';
import { checkSize, loadContext, refuseIfNeeded, skippedRows, type ImportInput } from './import-context.ts';
import { planActivityImport } from './plan-activity-import.ts';
import type { LeaderImportPlan } from './plan-leader-rows.ts';
import { planTeamImport } from './plan-team-import.ts';
import { planVolunteerImport } from './plan-volunteer-import.ts';
import { readTable, type RawTable } from './read-table.ts';

export interface LeaderImportInput {
  /** The county the file is imported into (its code). */
  district: string;
  bytes: Uint8Array; fileName: string; mode: 'preview' | 'commit'; skipInvalid: boolean; mapping?: ColumnMapping;
  sourceName?: string; licence?: string; vintage?: string;
  /** Called inside the commit's transaction with its counts (the API records the audit row here). */
  onCommit?: ImportInput['onCommit'];
}

export type LeaderImportKind = 'volunteers' | 'teams' | 'activities';
const WHAT: Record<LeaderImportKind, { noun: string; zh: string }> = {
  volunteers: { noun: 'volunteer count rows', zh: '志愿者统计' },
  teams: { noun: 'teams', zh: '志愿服务队伍名册' },
  activities: { noun: 'activities', zh: '文明实践活动记录' },
};

export type LeaderImportResult<T> = LeaderImportPlan<T> & {
  mode: 'preview' | 'commit'; fileName: string; format: RawTable['format']; encoding: RawTable['encoding'];
  committed?: { sourceId: string; written: number; created?: number; updated?: number; skipped: { row: number; reasons: string[] }[] };
};

async function run<T>(
  sql: Sql, kind: LeaderImportKind, input: LeaderImportInput,
  plan: (table: RawTable) => Promise<LeaderImportPlan<T>>,
  commit: (tx: Sql, rows: (T & { row: number })[], sourceId: string) => Promise<{ written: number; created?: number; updated?: number }>,
): Promise<LeaderImportResult<T>> {
  checkSize(input.bytes);
  const table = await readTable(input.bytes);
  const p = await plan(table);
  const result: LeaderImportResult<T> = { ...p, mode: input.mode, fileName: input.fileName, format: table.format, encoding: table.encoding };
  if (input.mode === 'preview') return result;
  refuseIfNeeded(p.issues, p.rows.length, input.skipInvalid, WHAT[kind].noun);
  const sourceId = newDataSourceId(kind);
  const skipped = skippedRows(p.issues);
  const done = await inTransaction(sql, async (tx) => {
    await insertDataSource(tx, input.district, {
      id: sourceId, name: input.sourceName || `${WHAT[kind].zh} / ${kind}: ${input.fileName}`,
      licence: input.licence || '区内资料，未公开 / district internal data', datum: 'none', vintage: input.vintage ?? '', origin: input.fileName,
      notes: `${table.format.toUpperCase()}${table.encoding ? `, ${table.encoding}` : ''}; ${p.rows.length} rows written, ${skipped.length} rows skipped`,
    });
    const r = await commit(tx, p.rows, sourceId);
    await bumpDataVersion(tx, input.district);
    await input.onCommit?.(tx, { sourceId, ...r, rowsSkipped: skipped.length });
    return r;
  });
  result.committed = { sourceId, ...done, skipped };
  return result;
}

/** Volunteer counts per township or village and date; a re-import of the same place and date replaces it. */
export function importVolunteers(sql: Sql, input: LeaderImportInput) {
  const { district } = input;
  return run(sql, 'volunteers', input, async (table) => planVolunteerImport(table, { places: (await loadContext(sql, input.district)).places }, input),
    async (tx, rows, src) => ({ written: await commitVolunteerCounts(tx, district, rows, src) }));
}

/** The team register: new teams are created, teams with a known name updated. */
export function importTeams(sql: Sql, input: LeaderImportInput) {
  const { district } = input;
  return run(sql, 'teams', input, async (table) => {
    const [ctx, sites, teams] = await Promise.all([loadContext(sql, input.district), listSiteRefs(sql, district), listTeams(sql, district)]);
    return planTeamImport(table, { places: ctx.places, sites, teams }, input);
  }, async (tx, rows, src) => {
    const r = await commitTeams(tx, district, rows, src);
    return { written: r.created + r.updated, ...r };
  });
}

/** Activity records (always added; edit or delete them one by one). */
export function importActivities(sql: Sql, input: LeaderImportInput) {
  const { district } = input;
  return run(sql, 'activities', input, async (table) => {
    const [ctx, sites, teams] = await Promise.all([loadContext(sql, input.district), listSiteRefs(sql, district), listTeams(sql, district)]);
    return planActivityImport(table, { places: ctx.places, sites, teams }, input);
  }, async (tx, rows, src) => ({ written: (await commitActivities(tx, district, rows, src)).length }));
}

const TEMPLATES: Record<LeaderImportKind, { sheet: ExportSheet; notes: string[] }> = {
  volunteers: {
    sheet: {
      name: '志愿者统计',
      columns: ['乡镇', '村（社区）', '日期', '常住人口', '注册志愿者（群众）', '干部总数', '已注册干部', '参与活动干部', '参与活动群众']
        .map((h, i) => ({ key: `c${i}`, header: h, width: 16 })),
      rows: [
        { c0: '羊木镇', c1: '', c2: '2023-06-30', c3: null, c4: 1200, c5: 150, c6: 150, c7: 126, c8: 1100 },
        { c0: '羊木镇', c1: '关口村', c2: '2023-06-30', c3: 860, c4: 118, c5: 9, c6: 9, c7: 8, c8: 105 },
      ],
    },
    notes: [
      '每行一个乡镇（村（社区）留空）或一个村（社区）在某一日期的数字。One row per township (leave 村（社区） empty) or village and date.',
      '常住人口可选：村级注册率需要村人口；没有时注册率不计算。Population is optional; a village rate needs it, otherwise it is not computed.',
      '目标：注册志愿者 ≥ 常住人口 13%；干部注册 100%；干部参与 ≥ 80%。Targets: 13% of residents, 100% of cadres registered, 80% of cadres taking part.',
      '同一地点同一日期再次导入将覆盖。Re-importing the same place and date replaces it.',
    ],
  },
  teams: {
    sheet: {
      name: '队伍名册',
      columns: ['队伍名称', '层级', '上级队伍', '乡镇', '阵地', '人数', '负责人', '备注'].map((h, i) => ({ key: `c${i}`, header: h, width: 20 })),
      rows: [
        { c0: '理论政策宣讲志愿服务支队', c1: '支队', c2: '', c3: '', c4: '', c5: 40, c6: '', c7: '' },
        { c0: '羊木镇志愿服务大队', c1: '大队', c2: '', c3: '羊木镇', c4: '羊木镇新时代文明实践所', c5: 60, c6: '', c7: '' },
        { c0: '关口村志愿服务队', c1: '队', c2: '羊木镇志愿服务大队', c3: '羊木镇', c4: '关口村新时代文明实践站', c5: 25, c6: '', c7: '' },
      ],
    },
    notes: [
      '层级：总队、支队、大队、队；留空时按名称结尾判断。Level: 总队/支队/大队/队; read from the name ending when empty.',
      '15 个支队已预置，填写同名支队即更新其阵地、人数和负责人。The 15 detachments are built in; a row with the same name updates them.',
      '上级队伍须已登记或在本表上方列出。A parent team must be registered or listed above.',
    ],
  },
  activities: {
    sheet: {
      name: '活动记录',
      columns: ['日期', '乡镇', '阵地', '队伍', '项目', '参与人数', '活动名称'].map((h, i) => ({ key: `c${i}`, header: h, width: 20 })),
      rows: [
        { c0: '2023-03-10', c1: '羊木镇', c2: '关口村新时代文明实践站', c3: '理论政策宣讲志愿服务支队', c4: '朝天说', c5: 45, c6: '党的二十大精神宣讲' },
      ],
    },
    notes: [
      '项目：朝天说、德耀朝天、文润朝天、风新朝天、情暖万家或其他。Project: one of the five brands, or 其他.',
      '阵地、乡镇、队伍至少填一项；阵地和队伍须已在名册中。Give at least the site, the township or the team; sites and teams must be registered.',
      '每月 10 日为文明实践集中活动日。The 10th of each month is the practice activity day.',
    ],
  },
};

/** An XLSX template: the sheet with its headers and example rows, and a 说明 sheet. */
export function leaderImportTemplate(kind: LeaderImportKind): Promise<Uint8Array> {
  const t = TEMPLATES[kind];
  return rowsToXlsx([t.sheet, { name: '说明', columns: [{ key: 'n', header: '说明 / Notes', width: 110 }], rows: t.notes.map((n) => ({ n })) }]);
}
