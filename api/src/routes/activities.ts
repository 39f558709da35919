import { Hono } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { notFound } from '../http/errors.ts';
import { auditActor } from '../http/auth.ts';
import { validate } from '../http/validate.ts';
import { InvalidInputError, UnprocessableError } from '../domain-errors.ts';
import type { Sql } from '../db/client.ts';
import { recordAudit } from '../db/audit-repo.ts';
import { commitActivities, deleteActivity, getActivity, listActivities, listSiteRefs, listTeams, updateActivity } from '../db/leaders-repo.ts';
import { bumpDataVersion } from '../db/version-repo.ts';
import { inTransaction } from '../db/client.ts';
import { ActivitiesQuerySchema, ActivityCreateSchema, ActivityUpdateSchema, type ActivityUpdate } from '../schemas/leaders.ts';

/** Site and team must exist; a site gives the township when none is given. */
async function checkRefs(sql: Sql, district: string, a: ActivityUpdate): Promise<ActivityUpdate> {
  const out = { ...a };
  if (a.siteId) {
    const site = (await listSiteRefs(sql, district)).find((s) => s.id === a.siteId);
    if (!site) throw new UnprocessableError(`Site ${a.siteId} does not exist`, [{ path: ['siteId'], message: 'site not found' }]);
    if (a.townshipCode === undefined || a.townshipCode === null) out.townshipCode = site.townshipCode;
  }
  if (a.teamId && !(await listTeams(sql, district)).some((t) => t.id === a.teamId)) {
    throw new UnprocessableError(`Team ${a.teamId} does not exist`, [{ path: ['teamId'], message: 'team not found' }]);
  }
  return out;
}

/** Activity records: list (viewer+); add, edit, delete (planner/admin), each recorded in the audit trail. */
export const activityRoutes = new Hono<AppEnv>()
  .get('/', validate('query', ActivitiesQuerySchema), async (c) => c.json({ activities: await listActivities(c.var.deps.db.sql, c.var.district, c.req.valid('query')) }, 200))
  .post('/', validate('json', ActivityCreateSchema), async (c) => {
    const sql = c.var.deps.db.sql;
    const a = await checkRefs(sql, c.var.district, c.req.valid('json'));
    if (!a.townshipCode && !a.siteId && !a.teamId) {
      throw new InvalidInputError('Give the site, the township or the team', [{ path: ['siteId'], message: 'site, township or team is required' }]);
    }
    const created = await inTransaction(sql, async (tx) => {
      const [r] = await commitActivities(tx, c.var.district, [{ date: a.date!, townshipCode: a.townshipCode ?? null, siteId: a.siteId ?? null, teamId: a.teamId ?? null,
        project: a.project ?? 'other', participants: a.participants ?? null, title: a.title! }], null);
      await recordAudit(tx, {
        actor: auditActor(c), action: 'activity.create', entity: 'activity', entityId: r.id, townshipCode: r.townshipCode, siteId: r.siteId, after: r,
      });
      await bumpDataVersion(tx, c.var.district);
      return r;
    });
    return c.json(created, 201);
  })
  .patch('/:id', validate('json', ActivityUpdateSchema), async (c) => {
    const sql = c.var.deps.db.sql;
    const id = c.req.param('id');
    const updated = await inTransaction(sql, async (tx) => {
      const before = await getActivity(tx, c.var.district, id);
      if (!before) throw notFound('Activity');
      const a = await checkRefs(tx, c.var.district, c.req.valid('json'));
      const after = await updateActivity(tx, c.var.district, id, {
        ...(a.date !== undefined ? { date: a.date } : {}), ...(a.townshipCode !== undefined ? { townshipCode: a.townshipCode } : {}),
        ...(a.siteId !== undefined ? { siteId: a.siteId } : {}), ...(a.teamId !== undefined ? { teamId: a.teamId } : {}),
        ...(a.project !== undefined ? { project: a.project } : {}), ...(a.participants !== undefined ? { participants: a.participants } : {}),
        ...(a.title !== undefined ? { title: a.title } : {}),
      });
      if (!after) throw notFound('Activity');
      await recordAudit(tx, {
        actor: auditActor(c), action: 'activity.update', entity: 'activity', entityId: id, townshipCode: after.townshipCode, siteId: after.siteId, before, after,
      });
      return after;
    });
    return c.json(updated, 200);
  })
  .delete('/:id', async (c) => {
    const id = c.req.param('id');
    await inTransaction(c.var.deps.db.sql, async (tx) => {
      const before = await getActivity(tx, c.var.district, id);
      if (!before || !(await deleteActivity(tx, c.var.district, id))) throw notFound('Activity');
      await recordAudit(tx, {
        actor: auditActor(c), action: 'activity.delete', entity: 'activity', entityId: id, townshipCode: before.townshipCode, siteId: before.siteId, before,
      });
    });
    return c.json({ deleted: true }, 200);
  });
