/** SQL of the leaders' view: volunteer counts, the team register, activities and their commits. */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Sql } from './client.ts';
import type { PlannedVolunteerCount } from '../import/plan-volunteer-import.ts';
import { TEAM_LEVELS, type PlannedTeam, type TeamLevel } from '../import/plan-team-import.ts';
import { ACTIVITY_PROJECTS, type ActivityProject, type PlannedActivity } from '../import/plan-activity-import.ts';
import { isoDay, nullableNumber, parseRows } from './rows.ts';

const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

export interface SiteRef {
  id: string; code: string | null; name: string; kind: string; townshipCode: string | null; villageCode: string | null; demonstration: boolean; status: string;
  hasSign: boolean; hasStaff: boolean; hasActivities: boolean; hasProjects: boolean; hasRules: boolean;
}

const SiteRefRow = z.object({
  id: z.string(), code: z.string().nullable(), name: z.string(), kind: z.string(), township_code: z.string().nullable(),
  village_code: z.string().nullable(), demonstration: z.boolean(), status: z.string(), has_sign: z.boolean(), has_staff: z.boolean(),
  has_activities: z.boolean(), has_projects: z.boolean(), has_rules: z.boolean(),
});

export async function listSiteRefs(sql: Sql, district: string): Promise<SiteRef[]> {
  const rows = parseRows(SiteRefRow, await sql`SELECT id, code, name, kind, township_code, village_code, demonstration, status, has_sign, has_staff, has_activities, has_projects, has_rules FROM sites
    WHERE district_code = ${district} ORDER BY id`);
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, kind: r.kind, townshipCode: r.township_code, villageCode: r.village_code, demonstration: r.demonstration, status: r.status,
    hasSign: r.has_sign, hasStaff: r.has_staff, hasActivities: r.has_activities, hasProjects: r.has_projects, hasRules: r.has_rules,
  }));
}

export interface Team {
  id: string; name: string; level: TeamLevel; parentId: string | null; townshipCode: string | null;
  homeSiteId: string | null; members: number | null; leader: string; notes: string;
}

const TeamRow = z.object({
  id: z.string(), name: z.string(), level: z.enum(TEAM_LEVELS), parent_id: z.string().nullable(), township_code: z.string().nullable(),
  home_site_id: z.string().nullable(), members: nullableNumber, leader: z.string(), notes: z.string(),
});

export async function listTeams(sql: Sql, district: string): Promise<Team[]> {
  const rows = parseRows(TeamRow, await sql`SELECT * FROM volunteer_teams WHERE district_code = ${district} ORDER BY CASE level WHEN 'corps' THEN 0 WHEN 'detachment' THEN 1 WHEN 'brigade' THEN 2 ELSE 3 END, id`);
  return rows.map((r) => ({
    id: r.id, name: r.name, level: r.level, parentId: r.parent_id, townshipCode: r.township_code, homeSiteId: r.home_site_id,
    members: r.members, leader: r.leader, notes: r.notes,
  }));
}

/** Upserts counts by place and date (a re-import of the same date replaces it). */
export async function commitVolunteerCounts(tx: Sql, district: string, rows: PlannedVolunteerCount[], sourceId: string): Promise<number> {
  for (const r of rows) {
    const values = {
      district_code: district, scope_code: r.villageCode ?? r.townshipCode, township_code: r.townshipCode, village_code: r.villageCode, on_date: r.date,
      population: r.population, registered_residents: r.registeredResidents, total_cadres: r.totalCadres, registered_cadres: r.registeredCadres,
      participating_cadres: r.participatingCadres, participating_residents: r.participatingResidents, source_id: sourceId,
    };
    await tx`INSERT INTO volunteer_counts ${tx(values)} ON CONFLICT (district_code, scope_code, on_date) DO UPDATE SET
      population = EXCLUDED.population, registered_residents = EXCLUDED.registered_residents, total_cadres = EXCLUDED.total_cadres,
      registered_cadres = EXCLUDED.registered_cadres, participating_cadres = EXCLUDED.participating_cadres,
      participating_residents = EXCLUDED.participating_residents, source_id = EXCLUDED.source_id`;
  }
  return rows.length;
}

export interface VolunteerCountRow {
  townshipCode: string; villageCode: string | null; date: string; population: number | null; registeredResidents: number | null;
  totalCadres: number | null; registeredCadres: number | null; participatingCadres: number | null; participatingResidents: number | null; sourceId: string | null;
}

const CountRow = z.object({
  township_code: z.string(), village_code: z.string().nullable(), on_date: isoDay, population: nullableNumber,
  registered_residents: nullableNumber, total_cadres: nullableNumber, registered_cadres: nullableNumber,
  participating_cadres: nullableNumber, participating_residents: nullableNumber, source_id: z.string().nullable(),
});

/** For each place, its latest counts on or before `date` (all dates when null). */
export async function latestVolunteerCounts(sql: Sql, district: string, date: string | null): Promise<VolunteerCountRow[]> {
  const rows = parseRows(CountRow, await sql`SELECT DISTINCT ON (scope_code) * FROM volunteer_counts
    WHERE district_code = ${district} ${date ? sql`AND on_date <= ${date}` : sql``} ORDER BY scope_code, on_date DESC`);
  return rows.map((r) => ({
    townshipCode: r.township_code, villageCode: r.village_code, date: r.on_date, population: r.population,
    registeredResidents: r.registered_residents, totalCadres: r.total_cadres, registeredCadres: r.registered_cadres,
    participatingCadres: r.participating_cadres, participatingResidents: r.participating_residents, sourceId: r.source_id,
  }));
}

/** Creates and updates teams in file order (a parent named earlier in the file is created first). */
export async function commitTeams(tx: Sql, district: string, rows: PlannedTeam[], sourceId: string): Promise<{ created: number; updated: number }> {
  const idByName = new Map<string, string>();
  let created = 0;
  let updated = 0;
  for (const r of rows) {
    const parentId = r.parentId ?? (r.parentName ? idByName.get(r.parentName) ?? null : null);
    if (r.action === 'update' && r.teamId) {
      // The plan's corps and detachments keep their names; the file adds the home site, members and leader.
      const keepName = r.level === 'corps' || r.level === 'detachment';
      await tx`UPDATE volunteer_teams SET ${tx({
        ...(keepName ? {} : { name: r.name }), parent_id: parentId, township_code: r.townshipCode, home_site_id: r.homeSiteId,
        members: r.members, leader: r.leader, notes: r.notes, source_id: sourceId,
      })} WHERE district_code = ${district} AND id = ${r.teamId}`;
      idByName.set(r.name, r.teamId);
      updated++;
    } else {
      const id = newId('team');
      await tx`INSERT INTO volunteer_teams ${tx({
        id, district_code: district, name: r.name, level: r.level, parent_id: parentId, township_code: r.townshipCode, home_site_id: r.homeSiteId,
        members: r.members, leader: r.leader, notes: r.notes, source_id: sourceId,
      })}`;
      idByName.set(r.name, id);
      created++;
    }
  }
  return { created, updated };
}

export interface Activity {
  id: string; date: string; townshipCode: string | null; siteId: string | null; teamId: string | null;
  project: ActivityProject; participants: number | null; title: string;
}

const ActivityRow = z.object({
  id: z.string(), on_date: isoDay, township_code: z.string().nullable(), site_id: z.string().nullable(), team_id: z.string().nullable(),
  project: z.enum(ACTIVITY_PROJECTS), participants: nullableNumber, title: z.string(),
});

const activityOf = (r: z.infer<typeof ActivityRow>): Activity => ({
  id: r.id, date: r.on_date, townshipCode: r.township_code, siteId: r.site_id, teamId: r.team_id,
  project: r.project, participants: r.participants, title: r.title,
});

export async function commitActivities(tx: Sql, district: string, rows: PlannedActivity[], sourceId: string | null): Promise<Activity[]> {
  const out: Activity[] = [];
  for (const r of rows) {
    const [row] = parseRows(ActivityRow, await tx`INSERT INTO activities ${tx({
      id: newId('act'), district_code: district, on_date: r.date, township_code: r.townshipCode, site_id: r.siteId, team_id: r.teamId,
      project: r.project, participants: r.participants, title: r.title, source_id: sourceId,
    })} RETURNING *`);
    out.push(activityOf(row));
  }
  return out;
}

export async function listActivities(sql: Sql, district: string, q: { year?: number; township?: string; site?: string; team?: string } = {}): Promise<Activity[]> {
  const rows = parseRows(ActivityRow, await sql`SELECT * FROM activities WHERE district_code = ${district}
    ${q.year ? sql`AND on_date >= ${`${q.year}-01-01`} AND on_date <= ${`${q.year}-12-31`}` : sql``}
    ${q.township ? sql`AND township_code = ${q.township}` : sql``}
    ${q.site ? sql`AND site_id = ${q.site}` : sql``}
    ${q.team ? sql`AND team_id = ${q.team}` : sql``}
    ORDER BY on_date DESC, id`);
  return rows.map(activityOf);
}

const ActivityDateRow = z.object({ on_date: isoDay, site_id: z.string().nullable(), township_code: z.string().nullable() });

/** Dates of the activities on or after `from` (YYYY-MM-DD), with their site and township (the site's when not recorded). */
export async function activityDatesFrom(sql: Sql, district: string, from: string): Promise<{ date: string; siteId: string | null; townshipCode: string | null }[]> {
  const rows = parseRows(ActivityDateRow, await sql`
    SELECT a.on_date, a.site_id, coalesce(a.township_code, s.township_code) AS township_code
    FROM activities a LEFT JOIN sites s ON s.district_code = a.district_code AND s.id = a.site_id
    WHERE a.district_code = ${district} AND a.on_date >= ${from}`);
  return rows.map((r) => ({ date: r.on_date, siteId: r.site_id, townshipCode: r.township_code }));
}

export async function getActivity(sql: Sql, district: string, id: string): Promise<Activity | null> {
  const [r] = parseRows(ActivityRow, await sql`SELECT * FROM activities WHERE district_code = ${district} AND id = ${id}`);
  return r ? activityOf(r) : null;
}

export async function updateActivity(sql: Sql, district: string, id: string, patch: Partial<Omit<PlannedActivity, never>>): Promise<Activity | null> {
  const cols: Record<string, unknown> = {};
  if (patch.date !== undefined) cols.on_date = patch.date;
  if (patch.townshipCode !== undefined) cols.township_code = patch.townshipCode;
  if (patch.siteId !== undefined) cols.site_id = patch.siteId;
  if (patch.teamId !== undefined) cols.team_id = patch.teamId;
  if (patch.project !== undefined) cols.project = patch.project;
  if (patch.participants !== undefined) cols.participants = patch.participants;
  if (patch.title !== undefined) cols.title = patch.title;
  const [r] = parseRows(ActivityRow, Object.keys(cols).length
    ? await sql`UPDATE activities SET ${sql(cols)}, updated_at = now() WHERE district_code = ${district} AND id = ${id} RETURNING *`
    : await sql`SELECT * FROM activities WHERE district_code = ${district} AND id = ${id}`);
  return r ? activityOf(r) : null;
}

export async function deleteActivity(sql: Sql, district: string, id: string): Promise<boolean> {
  const r = await sql`DELETE FROM activities WHERE district_code = ${district} AND id = ${id}`;
  return r.count > 0;
}

export interface FieldCheck { id: string; townshipCode: string; date: string; inspector: string; score: number | null; notes: string }

const FieldCheckRow = z.object({
  id: z.string(), township_code: z.string(), on_date: isoDay, inspector: z.string(), score: nullableNumber, notes: z.string(),
});

export async function listFieldChecks(sql: Sql, district: string, q: { year?: number; township?: string } = {}): Promise<FieldCheck[]> {
  const rows = parseRows(FieldCheckRow, await sql`SELECT * FROM field_checks WHERE district_code = ${district}
    ${q.year ? sql`AND on_date >= ${`${q.year}-01-01`} AND on_date <= ${`${q.year}-12-31`}` : sql``}
    ${q.township ? sql`AND township_code = ${q.township}` : sql``} ORDER BY on_date DESC, id`);
  return rows.map((r) => ({ id: r.id, townshipCode: r.township_code, date: r.on_date, inspector: r.inspector, score: r.score, notes: r.notes }));
}

export async function insertFieldCheck(sql: Sql, district: string, c: Omit<FieldCheck, 'id'>): Promise<FieldCheck> {
  const id = newId('check');
  await sql`INSERT INTO field_checks ${sql({ id, district_code: district, township_code: c.townshipCode, on_date: c.date, inspector: c.inspector, score: c.score, notes: c.notes })}`;
  return { id, ...c };
}

export async function getEvaluationRules(sql: Sql, district: string, year: number): Promise<unknown | null> {
  const [r] = parseRows(z.object({ rules: z.unknown() }), await sql`SELECT rules FROM evaluation_rules WHERE district_code = ${district} AND year = ${year}`);
  return r ? r.rules : null;
}

export async function saveEvaluationRules(sql: Sql, district: string, year: number, rules: unknown): Promise<void> {
  await sql`INSERT INTO evaluation_rules (district_code, year, rules) VALUES (${district}, ${year}, ${sql.json(rules as never)})
    ON CONFLICT (district_code, year) DO UPDATE SET rules = EXCLUDED.rules, updated_at = now()`;
}
