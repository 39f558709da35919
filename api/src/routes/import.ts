import { Hono, type Context } from 'hono';
import { auditActor } from '../http/auth.ts';
import { recordAudit } from '../db/audit-repo.ts';
import type { AppEnv } from '../http/deps.ts';
import { ApiError } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { ImportFileError } from '../import/import-file-error.ts';
import { MAX_IMPORT_BYTES, type ImportInput } from '../import/import-context.ts';
import { importPopulation, importTownships, importVillages } from '../import/import-reference-data.ts';
import { importSites } from '../import/import-sites.ts';
import { PopulationImportFormSchema, ReferenceImportFormSchema, SiteImportFormSchema, type SiteImportForm } from '../schemas/import.ts';

/** Reads the uploaded file (after the 20 MB check) into the common import input; a commit records one audit row. */
async function toInput(c: Context<AppEnv>, kind: string, form: SiteImportForm): Promise<ImportInput> {
  if (form.file.size > MAX_IMPORT_BYTES) {
    throw new ApiError(413, 'payload_too_large', `The file is ${(form.file.size / 1048576).toFixed(1)} MB; the limit is 20 MB`);
  }
  if (form.file.size === 0) throw new ApiError(422, 'unprocessable', 'The file is empty');
  return {
    bytes: new Uint8Array(await form.file.arrayBuffer()), fileName: form.file.name || 'upload', crs: form.crs, mode: form.mode,
    skipInvalid: form.skipInvalid, mapping: form.mapping, sourceName: form.sourceName, licence: form.licence,
    vintage: form.vintage, attribution: form.attribution,
    onCommit: (tx, committed) => recordAudit(tx, {
      actor: auditActor(c), action: `import.${kind}`, entity: 'import', entityId: String(committed.sourceId ?? ''),
      details: { fileName: form.file.name || 'upload', bytes: form.file.size, crs: form.crs, skipInvalid: form.skipInvalid, ...committed },
    }),
  };
}

/** File problems (not CSV/XLSX/GeoJSON, unreadable, bad mapping) are the client's: 422. */
async function fileErrorsAs422<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ImportFileError) throw new ApiError(422, 'unprocessable', err.message);
    throw err;
  }
}

/**
 * Imports (multipart forms): `preview` lists every problem by row and column with the column mapping
 * used; `commit` is all-or-nothing (422 with issues if any row has a problem, unless skipInvalid).
 */
export const importRoutes = new Hono<AppEnv>()
  .post('/sites', validate('form', SiteImportFormSchema), async (c) => {
    const input = await toInput(c, 'sites', c.req.valid('form'));
    return c.json(await fileErrorsAs422(() => importSites(c.var.deps.db.sql, input)), 200);
  })
  .post('/townships', validate('form', ReferenceImportFormSchema), async (c) => {
    const input = await toInput(c, 'townships', c.req.valid('form'));
    return c.json(await fileErrorsAs422(() => importTownships(c.var.deps.db.sql, input)), 200);
  })
  .post('/villages', validate('form', ReferenceImportFormSchema), async (c) => {
    const input = await toInput(c, 'villages', c.req.valid('form'));
    return c.json(await fileErrorsAs422(() => importVillages(c.var.deps.db.sql, input)), 200);
  })
  .post('/population', validate('form', PopulationImportFormSchema), async (c) => {
    const form = c.req.valid('form');
    const input = await toInput(c, 'population', form);
    return c.json(await fileErrorsAs422(() => importPopulation(c.var.deps.db.sql, input, { cellSizeMeters: form.cellSizeMeters })), 200);
  });
