import type { Context } from 'hono';
import type { Sql } from '../db/client.ts';
import { recordAudit } from '../db/audit-repo.ts';
import { TooLargeError, UnprocessableError } from '../domain-errors.ts';
import { MAX_IMPORT_BYTES } from '../import/import-context.ts';
import { auditActor } from './auth.ts';
import type { AppEnv } from './deps.ts';

/** The bytes of an uploaded import file, after the 20 MB and empty-file checks. */
export async function uploadBytes(file: File): Promise<Uint8Array> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new TooLargeError(`The file is ${(file.size / 1048576).toFixed(1)} MB; the limit is 20 MB`);
  }
  if (file.size === 0) throw new UnprocessableError('The file is empty');
  return new Uint8Array(await file.arrayBuffer());
}

/**
 * The `onCommit` hook of an import: one audit row `import.<kind>`, written in the commit's transaction, naming the
 * file and the commit's counts.
 */
export function auditImportCommit(c: Context<AppEnv>, kind: string, file: File, details: Record<string, unknown> = {}) {
  return (tx: Sql, committed: Record<string, unknown>) => recordAudit(tx, {
    actor: auditActor(c), action: `import.${kind}`, entity: 'import', entityId: String(committed.sourceId ?? ''),
    details: { fileName: file.name || 'upload', bytes: file.size, ...details, ...committed },
  });
}
