/** The frame the import CLIs share: read the file, open and prepare the database, report refused imports. */
import { readFileSync } from 'node:fs';
import { openDatabase, type Sql } from '../../api/src/db/client.ts';
import { migrate } from '../../api/src/db/migrate.ts';
import { seedShippedData } from '../../api/src/db/seed.ts';
import { ApiError } from '../../api/src/http/errors.ts';
import { ImportFileError } from '../../api/src/import/import-file-error.ts';

/**
 * Reads `file`, opens the database (DATABASE_URL, else embedded PGlite in DATA_DIR, default ./data), migrates and
 * seeds it, runs `importBytes` and closes the database. An unreadable file or a refused import (ApiError with up to
 * 50 of its issues, ImportFileError) is printed as `error: …` and gives exit code 1; other errors are thrown.
 * Returns the exit code.
 */
export async function runImportCli(file: string, importBytes: (sql: Sql, bytes: Uint8Array) => Promise<number>): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    console.error(`error: cannot read ${file}: ${(err as Error).message}`);
    return 1;
  }
  const db = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR ?? './data' });
  try {
    await migrate(db.sql);
    await seedShippedData(db.sql);
    return await importBytes(db.sql, bytes);
  } catch (err) {
    if (err instanceof ApiError || err instanceof ImportFileError) {
      console.error(`error: ${err.message}`);
      for (const i of (err instanceof ApiError ? (err.issues ?? []) : []).slice(0, 50)) console.error(`  ${i.path.join(' ')}: ${i.message}`);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}
