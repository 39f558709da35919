import { Hono } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { notFound } from '../http/errors.ts';
import { ConflictError, UnprocessableError } from '../domain-errors.ts';
import { inTransaction } from '../db/client.ts';
import { ScenarioAcceptSchema, ScenarioCreateSchema, ScenarioIdParamSchema, ScenarioUnacceptSchema, ScenarioUpdateSchema, type ProposedSite } from '../schemas/scenarios.ts';
import { ScenarioCompareQuerySchema } from '../schemas/coverage.ts';
import {
  acceptScenarioSites, deleteScenario, getScenario, insertScenario, listScenarios, plannedSiteState, unacceptScenarioSite, updateScenario,
} from '../db/scenarios-repo.ts';
import { getSite } from '../db/sites-repo.ts';
import { townshipsAt } from '../services/township-at.ts';
import { compareScenario } from '../services/scenario-compare.ts';
import type { CoverageService } from '../services/coverage-service.ts';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { auditActor } from '../http/auth.ts';
import { recordAudit } from '../db/audit-repo.ts';

/** Proposed sites must lie in the district; each gets its township the way demand does. */
async function placeProposals(coverage: CoverageService, district: string, sites: ProposedSite[]) {
  const ctx = await coverage.context(district);
  const outside = sites.map((s, i) => [s, i] as const).filter(([s]) => !booleanPointInPolygon([s.lng, s.lat], ctx.boundary));
  if (outside.length)
    throw new UnprocessableError(`${outside.length} proposed site(s) lie outside ${ctx.districtName}`,
      outside.map(([s, i]) => ({ path: ['sites', i, 'lng'], message: `${s.name}: ${s.lng}, ${s.lat} is outside the district` })));
  const codes = townshipsAt(ctx, sites);
  return sites.map((s, i) => ({ ...s, townshipCode: codes[i] }));
}

/** Planning scenarios: proposed sites on top of the network, compared before/after, accepted or discarded. */
export const scenarioRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json({ scenarios: await listScenarios(c.var.deps.db.sql, c.var.district) }, 200))
  .post('/', validate('json', ScenarioCreateSchema), async (c) => {
    const body = c.req.valid('json');
    const sites = await placeProposals(c.var.deps.coverage, c.var.district, body.sites);
    const { sql } = c.var.deps.db;
    const id = await inTransaction(sql, async (tx) => {
      const id = await insertScenario(tx, c.var.district, { ...body, sites });
      await recordAudit(tx, { actor: auditActor(c), action: 'scenario.create', entity: 'scenario', entityId: id, after: await getScenario(tx, c.var.district, id) });
      return id;
    });
    return c.json((await getScenario(sql, c.var.district, id))!, 201);
  })
  .get('/:id', validate('param', ScenarioIdParamSchema), async (c) => {
    const s = await getScenario(c.var.deps.db.sql, c.var.district, c.req.valid('param').id);
    if (!s) throw notFound('Scenario');
    return c.json(s, 200);
  })
  .patch('/:id', validate('param', ScenarioIdParamSchema), validate('json', ScenarioUpdateSchema), async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const sites = body.sites ? await placeProposals(c.var.deps.coverage, c.var.district, body.sites) : undefined;
    const { sql } = c.var.deps.db;
    await inTransaction(sql, async (tx) => {
      const before = await getScenario(tx, c.var.district, id);
      if (!before || !(await updateScenario(tx, c.var.district, id, { ...body, sites }))) throw notFound('Scenario');
      await recordAudit(tx, { actor: auditActor(c), action: 'scenario.update', entity: 'scenario', entityId: id, before, after: await getScenario(tx, c.var.district, id) });
    });
    return c.json((await getScenario(sql, c.var.district, id))!, 200);
  })
  .delete('/:id', validate('param', ScenarioIdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    await inTransaction(c.var.deps.db.sql, async (tx) => {
      const before = await getScenario(tx, c.var.district, id);
      if (!before || !(await deleteScenario(tx, c.var.district, id))) throw notFound('Scenario');
      await recordAudit(tx, { actor: auditActor(c), action: 'scenario.delete', entity: 'scenario', entityId: id, before });
    });
    return c.json({ deleted: id }, 200);
  })
  .get('/:id/compare', validate('param', ScenarioIdParamSchema), validate('query', ScenarioCompareQuerySchema), async (c) => {
    const s = await getScenario(c.var.deps.db.sql, c.var.district, c.req.valid('param').id);
    if (!s) throw notFound('Scenario');
    return c.json(await compareScenario(c.var.deps.coverage, c.var.district, s, c.req.valid('query')), 200);
  })
  .post('/:id/accept', validate('param', ScenarioIdParamSchema), validate('json', ScenarioAcceptSchema), async (c) => {
    const { id } = c.req.valid('param');
    const { siteIds } = c.req.valid('json');
    const { sql } = c.var.deps.db;
    const created = await inTransaction(sql, async (tx) => {
      // Locked, so concurrent accepts of one scenario run one after the other and each proposal becomes one site.
      const s = await getScenario(tx, c.var.district, id, { forUpdate: true });
      if (!s) throw notFound('Scenario');
      const unknown = siteIds?.filter((x) => !s.sites.some((p) => p.id === x)) ?? [];
      if (unknown.length) throw new UnprocessableError(`Not proposals of this scenario: ${unknown.join(', ')}`);
      const accepted = await acceptScenarioSites(tx, c.var.district, s, siteIds);
      await recordAudit(tx, {
        actor: auditActor(c), action: 'scenario.accept', entity: 'scenario', entityId: id, before: s,
        after: await getScenario(tx, c.var.district, id), details: { acceptedSites: accepted, siteIds: siteIds ?? null },
      });
      return accepted;
    });
    return c.json({ accepted: created, scenario: (await getScenario(sql, c.var.district, id))! }, 200);
  })
  .post('/:id/unaccept', validate('param', ScenarioIdParamSchema), validate('json', ScenarioUnacceptSchema), async (c) => {
    const { id } = c.req.valid('param');
    const { siteId } = c.req.valid('json');
    const { sql } = c.var.deps.db;
    const removed = await inTransaction(sql, async (tx) => {
      const s = await getScenario(tx, c.var.district, id, { forUpdate: true });
      if (!s) throw notFound('Scenario');
      const proposal = s.sites.find((p) => p.id === siteId);
      if (!proposal) throw new UnprocessableError(`Not a proposal of this scenario: ${siteId}`);
      const plannedId = proposal.acceptedSiteId;
      if (!plannedId) throw new ConflictError(`"${proposal.name}" is not accepted`, [{ path: ['siteId'], message: 'not accepted', code: 'not_accepted' }]);
      const state = await plannedSiteState(tx, c.var.district, plannedId);
      if (state !== 'untouched') throw new ConflictError(UNACCEPT_REFUSED[state](proposal.name, plannedId), [{ path: ['siteId'], message: state, code: `planned_site_${state.replace('-', '_')}` }]);
      const site = await getSite(tx, c.var.district, plannedId);
      await unacceptScenarioSite(tx, c.var.district, id, siteId, plannedId);
      await recordAudit(tx, {
        actor: auditActor(c), action: 'scenario.unaccept', entity: 'scenario', entityId: id, before: s,
        after: await getScenario(tx, c.var.district, id), details: { proposalId: siteId, removedSite: site },
      });
      return plannedId;
    });
    return c.json({ removedSiteId: removed, scenario: (await getScenario(sql, c.var.district, id))! }, 200);
  });

/** Why an accepted proposal cannot be taken back (409), in words that say what to do instead. */
const UNACCEPT_REFUSED = {
  missing: (name: string, siteId: string) => `The planned site ${siteId} made from "${name}" no longer exists: there is nothing to take back`,
  changed: (name: string, siteId: string) =>
    `The planned site ${siteId} made from "${name}" was changed after it was accepted; un-accepting would lose those changes. Edit or delete the site itself instead`,
  'in-use': (name: string, siteId: string) =>
    `The planned site ${siteId} made from "${name}" is already in use (service requests, activities, a team or an account refer to it); it cannot be taken back. Edit the site itself instead`,
};
