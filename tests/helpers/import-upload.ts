import { expect } from 'vitest';
import type { ApiHarness } from './test-db.ts';
import { jsonBody, type ImportBody, type ImportKind } from './json-body.ts';

/** Posts `file` as `fileName` to `POST /api/import/<path>` (multipart, with `fields`): the status and the typed body. */
export async function postImport<K extends ImportKind>(
  h: () => ApiHarness, path: K, file: Uint8Array | string, fileName: string, fields: Record<string, string>,
) {
  const fd = new FormData();
  fd.append('file', new Blob([file as BlobPart]), fileName);
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  const res = await h().request(`/api/import/${path}`, { method: 'POST', body: fd });
  return { status: res.status, body: await jsonBody<ImportBody<K>>(res) };
}

/** Commits a CSV file to `POST /api/import/<path>` and expects it taken (200). */
export async function importCsv(h: () => ApiHarness, path: ImportKind, csv: string): Promise<void> {
  const { status } = await postImport(h, path, csv, `${path}.csv`, { mode: 'commit' });
  expect(status).toBe(200);
}
