import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { clientKey } from '../http/client-key.ts';
import { auditImportCommit, uploadBytes } from '../http/import-upload.ts';
import { importActivities, importTeams, importVolunteers, leaderImportTemplate, type LeaderImportInput, type LeaderImportKind } from '../import/import-leaders.ts';
import { clipIssues } from '../import/import-issue.ts';
import { LeaderImportFormSchema, type LeaderImportForm } from '../schemas/leaders.ts';

/** Reads the uploaded file into the import input; a commit records one audit row `import.<kind>` in its transaction. */
async function toInput(c: Context<AppEnv>, kind: LeaderImportKind, form: LeaderImportForm): Promise<LeaderImportInput> {
  return {
    district: c.var.district, bytes: await uploadBytes(form.file), fileName: form.file.name || 'upload', mode: form.mode, skipInvalid: form.skipInvalid,
    mapping: form.mapping, sourceName: form.sourceName, licence: form.licence, vintage: form.vintage,
    onCommit: auditImportCommit(c, kind, form.file, { skipInvalid: form.skipInvalid }),
  };
}

const template = (kind: LeaderImportKind) => async () =>
  new Response(await leaderImportTemplate(kind) as BodyInit, {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${kind}-template.xlsx"`,
    },
  });

/**
 * Leaders' imports (writes: planner/admin) and their templates (reads): volunteers, teams, activities.
 * Mounted under /import next to the site imports; like them, the work runs behind the job queue.
 */
export const leaderImportRoutes = new Hono<AppEnv>()
  .get('/volunteers/template.xlsx', template('volunteers'))
  .get('/teams/template.xlsx', template('teams'))
  .get('/activities/template.xlsx', template('activities'))
  .post('/volunteers', validate('form', LeaderImportFormSchema), async (c) => {
    const input = await toInput(c, 'volunteers', c.req.valid('form'));
    return c.json(clipIssues(await c.var.deps.jobs.run(clientKey(c), () => importVolunteers(c.var.deps.db.sql, input), c.req.raw.signal)), 200);
  })
  .post('/teams', validate('form', LeaderImportFormSchema), async (c) => {
    const input = await toInput(c, 'teams', c.req.valid('form'));
    return c.json(clipIssues(await c.var.deps.jobs.run(clientKey(c), () => importTeams(c.var.deps.db.sql, input), c.req.raw.signal)), 200);
  })
  .post('/activities', validate('form', LeaderImportFormSchema), async (c) => {
    const input = await toInput(c, 'activities', c.req.valid('form'));
    return c.json(clipIssues(await c.var.deps.jobs.run(clientKey(c), () => importActivities(c.var.deps.db.sql, input), c.req.raw.signal)), 200);
  });
