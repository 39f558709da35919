import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { clientKey } from '../http/client-key.ts';
import { auditImportCommit, uploadBytes } from '../http/import-upload.ts';
import { clipIssues } from '../import/import-issue.ts';
import type { ImportInput } from '../import/import-context.ts';
import { importPopulation, importTownships, importVillages } from '../import/import-reference-data.ts';
import { importSites } from '../import/import-sites.ts';
import { PopulationImportFormSchema, ReferenceImportFormSchema, SiteImportFormSchema, type SiteImportForm } from '../schemas/import.ts';

/** Reads the uploaded file (after the 20 MB check) into the common import input; a commit records one audit row. */
async function toInput(c: Context<AppEnv>, kind: string, form: SiteImportForm): Promise<ImportInput> {
  return {
    district: c.var.district, bytes: await uploadBytes(form.file), fileName: form.file.name || 'upload', crs: form.crs, mode: form.mode,
    skipInvalid: form.skipInvalid, mapping: form.mapping, sourceName: form.sourceName, licence: form.licence,
    vintage: form.vintage, attribution: form.attribution,
    onCommit: auditImportCommit(c, kind, form.file, { crs: form.crs, skipInvalid: form.skipInvalid }),
  };
}

/**
 * Imports (multipart forms): `preview` lists every problem by row and column with the column mapping
 * used; `commit` is all-or-nothing (422 with issues if any row has a problem, unless skipInvalid).
 */
export const importRoutes = new Hono<AppEnv>()
  .post('/sites', validate('form', SiteImportFormSchema), async (c) => {
    const input = await toInput(c, 'sites', c.req.valid('form'));
    return c.json(clipIssues(await c.var.deps.jobs.run(clientKey(c), () => importSites(c.var.deps.db.sql, input), c.req.raw.signal)), 200);
  })
  .post('/townships', validate('form', ReferenceImportFormSchema), async (c) => {
    const input = await toInput(c, 'townships', c.req.valid('form'));
    return c.json(clipIssues(await c.var.deps.jobs.run(clientKey(c), () => importTownships(c.var.deps.db.sql, input), c.req.raw.signal)), 200);
  })
  .post('/villages', validate('form', ReferenceImportFormSchema), async (c) => {
    const input = await toInput(c, 'villages', c.req.valid('form'));
    return c.json(clipIssues(await c.var.deps.jobs.run(clientKey(c), () => importVillages(c.var.deps.db.sql, input), c.req.raw.signal)), 200);
  })
  .post('/population', validate('form', PopulationImportFormSchema), async (c) => {
    const form = c.req.valid('form');
    const input = await toInput(c, 'population', form);
    return c.json(clipIssues(await c.var.deps.jobs.run(clientKey(c), () => importPopulation(c.var.deps.db.sql, input, { cellSizeMeters: form.cellSizeMeters }), c.req.raw.signal)), 200);
  });
