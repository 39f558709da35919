import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Sql } from './client.ts';
import type { ProposedSite, ScenarioCreate, ScenarioUpdate } from '../schemas/scenarios.ts';
import { SiteKindSchema } from '../schemas/sites.ts';
import { isoTimestamp, parseRows } from './rows.ts';
import { deleteSite, insertSite } from './sites-repo.ts';

export interface ScenarioSite {
  id: string; kind: ProposedSite['kind']; name: string; townshipCode: string | null;
  lng: number; lat: number; rank: number | null; acceptedSiteId: string | null;
}
export interface Scenario {
  id: string; name: string; description: string; mode: 'walk' | 'bike' | 'car'; minutes: number; older: boolean;
  createdAt: string; updatedAt: string; sites: ScenarioSite[];
}

const ScenarioRow = z.object({
  id: z.string(), name: z.string(), description: z.string(), mode: z.enum(['walk', 'bike', 'car']), minutes: z.number(),
  older: z.boolean(), created_at: isoTimestamp, updated_at: isoTimestamp,
});
const ScenarioSiteRow = z.object({
  id: z.string(), scenario_id: z.string(), kind: SiteKindSchema, name: z.string(), township_code: z.string().nullable(),
  lng: z.number(), lat: z.number(), rank: z.number().nullable(), accepted_site_id: z.string().nullable(),
});

const newId = (prefix: string) => prefix + randomUUID().replace(/-/g, '').slice(0, 16);

async function readSites(sql: Sql, ids: string[]): Promise<Map<string, ScenarioSite[]>> {
  const out = new Map<string, ScenarioSite[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = parseRows(ScenarioSiteRow,
    await sql`SELECT * FROM scenario_sites WHERE scenario_id IN ${sql(ids)} ORDER BY rank NULLS LAST, created_at, id`);
  for (const r of rows)
    out.get(r.scenario_id)!.push({
      id: r.id, kind: r.kind, name: r.name, townshipCode: r.township_code, lng: r.lng, lat: r.lat,
      rank: r.rank, acceptedSiteId: r.accepted_site_id,
    });
  return out;
}

export async function listScenarios(sql: Sql, district: string): Promise<Scenario[]> {
  const rows = parseRows(ScenarioRow, await sql`SELECT * FROM scenarios WHERE district_code = ${district} ORDER BY created_at DESC, id`);
  const sites = await readSites(sql, rows.map((r) => r.id));
  return rows.map((r) => scenarioOf(r, sites.get(r.id)!));
}

function scenarioOf(r: z.infer<typeof ScenarioRow>, sites: ScenarioSite[]): Scenario {
  return {
    id: r.id, name: r.name, description: r.description, mode: r.mode, minutes: r.minutes, older: r.older,
    createdAt: r.created_at, updatedAt: r.updated_at, sites,
  };
}

/** One scenario with its proposals; `forUpdate` locks the scenario row until the caller's transaction ends. */
export async function getScenario(sql: Sql, district: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<Scenario | null> {
  const [r] = parseRows(ScenarioRow, await sql`SELECT * FROM scenarios WHERE district_code = ${district} AND id = ${id} ${opts.forUpdate ? sql`FOR UPDATE` : sql``}`);
  if (!r) return null;
  const sites = await readSites(sql, [id]);
  return scenarioOf(r, sites.get(id)!);
}

async function writeSites(tx: Sql, district: string, scenarioId: string, sites: (ProposedSite & { townshipCode: string | null })[]) {
  if (!sites.length) return;
  await tx`INSERT INTO scenario_sites ${tx(sites.map((s, i) => ({
    id: newId('p_'), district_code: district, scenario_id: scenarioId, kind: s.kind, name: s.name, township_code: s.townshipCode,
    lng: s.lng, lat: s.lat, rank: s.rank ?? i + 1,
  })))}`;
}

export async function insertScenario(tx: Sql, district: string, s: Omit<ScenarioCreate, 'sites'> & { sites: (ProposedSite & { townshipCode: string | null })[] }): Promise<string> {
  const id = newId('sc_');
  await tx`INSERT INTO scenarios ${tx({ id, district_code: district, name: s.name, description: s.description, mode: s.mode, minutes: s.minutes, older: s.older })}`;
  await writeSites(tx, district, id, s.sites);
  return id;
}

export async function updateScenario(
  tx: Sql, district: string, id: string, patch: Omit<ScenarioUpdate, 'sites'> & { sites?: (ProposedSite & { townshipCode: string | null })[] },
): Promise<boolean> {
  const { sites, ...fields } = patch;
  const r = Object.keys(fields).length
    ? await tx`UPDATE scenarios SET ${tx(fields)}, updated_at = now() WHERE district_code = ${district} AND id = ${id}`
    : await tx`UPDATE scenarios SET updated_at = now() WHERE district_code = ${district} AND id = ${id}`;
  if (!r.count) return false;
  if (sites) {
    await tx`DELETE FROM scenario_sites WHERE scenario_id = ${id} AND accepted_site_id IS NULL`;
    await writeSites(tx, district, id, sites);
  }
  return true;
}

export async function deleteScenario(tx: Sql, district: string, id: string): Promise<boolean> {
  return (await tx`DELETE FROM scenarios WHERE district_code = ${district} AND id = ${id}`).count > 0;
}

/** Turns proposed sites into `planned` sites of the network, in the caller's transaction. */
export async function acceptScenarioSites(tx: Sql, district: string, scenario: Scenario, siteIds?: string[]): Promise<string[]> {
  const chosen = scenario.sites.filter((s) => !s.acceptedSiteId && (!siteIds || siteIds.includes(s.id)));
  const created: string[] = [];
  for (const s of chosen) {
    // Claim the proposal first: a concurrent accept that got past the scenario lock would find it taken.
    const claimed = await tx`UPDATE scenario_sites SET accepted_site_id = '' WHERE id = ${s.id} AND accepted_site_id IS NULL`;
    if (!claimed.count) continue;
    const site = await insertSite(tx, district, {
      kind: s.kind, name: s.name, townshipCode: s.townshipCode, lng: s.lng, lat: s.lat, status: 'planned',
      notes: `由规划方案「${scenario.name}」采纳 / accepted from scenario "${scenario.name}"`,
    });
    await tx`UPDATE scenario_sites SET accepted_site_id = ${site.properties.id} WHERE id = ${s.id}`;
    created.push(site.properties.id);
  }
  await tx`UPDATE scenarios SET updated_at = now() WHERE id = ${scenario.id}`;
  return created;
}

/** Why a planned site made by accepting a proposal can no longer simply be taken back. */
export type PlannedSiteState = 'untouched' | 'missing' | 'changed' | 'in-use';

const PlannedSiteRow = z.object({ status: z.string(), untouched: z.boolean(), refs: z.coerce.number() });

/**
 * Whether the planned site `siteId` is as accepting made it: still there, still planned, never edited since
 * (`updated_at` is still its creation time) and nothing refers to it (service requests, activities, a team's home
 * site, a site account). Locks the site row.
 */
export async function plannedSiteState(tx: Sql, district: string, siteId: string): Promise<PlannedSiteState> {
  const [r] = parseRows(PlannedSiteRow, await tx`
    SELECT s.status, s.updated_at = s.created_at AS untouched,
      (SELECT count(*) FROM service_requests q WHERE q.district_code = s.district_code AND (q.site_id = s.id OR q.first_site_id = s.id))
      + (SELECT count(*) FROM activities a WHERE a.district_code = s.district_code AND a.site_id = s.id)
      + (SELECT count(*) FROM volunteer_teams v WHERE v.district_code = s.district_code AND v.home_site_id = s.id)
      + (SELECT count(*) FROM user_sites u WHERE u.district_code = s.district_code AND u.site_id = s.id) AS refs
    FROM sites s WHERE s.district_code = ${district} AND s.id = ${siteId} FOR UPDATE`);
  if (!r) return 'missing';
  if (r.status !== 'planned' || !r.untouched) return 'changed';
  return r.refs > 0 ? 'in-use' : 'untouched';
}

/** Takes an accepted proposal back: deletes its (untouched) planned site and reopens the proposal. */
export async function unacceptScenarioSite(tx: Sql, district: string, scenarioId: string, proposalId: string, plannedSiteId: string): Promise<void> {
  await deleteSite(tx, district, plannedSiteId);
  await tx`UPDATE scenario_sites SET accepted_site_id = NULL WHERE id = ${proposalId}`;
  await tx`UPDATE scenarios SET updated_at = now() WHERE id = ${scenarioId}`;
}
