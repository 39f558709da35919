import { Hono } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { ApiError } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { ImportFileError } from '../import/import-file-error.ts';
import { MAX_IMPORT_BYTES } from '../import/import-context.ts';
import { importActivities, importTeams, importVolunteers, leaderImportTemplate, type LeaderImportInput, type LeaderImportKind } from '../import/import-leaders.ts';
import { LeaderImportFormSchema, type LeaderImportForm } from '../schemas/leaders.ts';

async function toInput(form: LeaderImportForm): Promise<LeaderImportInput> {
  if (form.file.size > MAX_IMPORT_BYTES) {
    throw new ApiError(413, 'payload_too_large', `The file is ${(form.file.size / 1048576).toFixed(1)} MB; the limit is 20 MB`);
  }
  if (form.file.size === 0) throw new ApiError(422, 'unprocessable', 'The file is empty');
  return { bytes: new Uint8Array(await form.file.arrayBuffer()), fileName: form.file.name || 'upload', mode: form.mode, skipInvalid: form.skipInvalid,
    mapping: form.mapping, sourceName: form.sourceName, licence: form.licence, vintage: form.vintage };
}

async function fileErrorsAs422<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ImportFileError) throw new ApiError(422, 'unprocessable', err.message);
    throw err;
  }
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
 * Mounted under /import next to the site imports.
 */
export const leaderImportRoutes = new Hono<AppEnv>()
  .get('/volunteers/template.xlsx', template('volunteers'))
  .get('/teams/template.xlsx', template('teams'))
  .get('/activities/template.xlsx', template('activities'))
  .post('/volunteers', validate('form', LeaderImportFormSchema), async (c) => {
    const input = await toInput(c.req.valid('form'));
    return c.json(await fileErrorsAs422(() => importVolunteers(c.var.deps.db.sql, input)), 200);
  })
  .post('/teams', validate('form', LeaderImportFormSchema), async (c) => {
    const input = await toInput(c.req.valid('form'));
    return c.json(await fileErrorsAs422(() => importTeams(c.var.deps.db.sql, input)), 200);
  })
  .post('/activities', validate('form', LeaderImportFormSchema), async (c) => {
    const input = await toInput(c.req.valid('form'));
    return c.json(await fileErrorsAs422(() => importActivities(c.var.deps.db.sql, input)), 200);
  });
