/** The frame the import CLIs share: where they print, which database they open, how refused imports are reported. */
import { readFileSync } from 'node:fs';
import { openDatabase, type Database, type Sql } from '../../api/src/db/client.ts';
import { migrate } from '../../api/src/db/migrate.ts';
import { seedDistrict, seedShippedData } from '../../api/src/db/seed.ts';
import { DEFAULT_DISTRICT_CODE } from '../../api/src/services/district-packs.ts';
import { DomainError } from '../../api/src/domain-errors.ts';
import { ImportFileError } from '../../api/src/import/import-file-error.ts';

/**
 * What a CLI talks to: its output lines, its environment, and (from tests) an open database to use
 * instead of opening DATABASE_URL / DATA_DIR. The scripts pass `processIo`.
 */
export interface CliIo {
  log(line: string): void;
  error(line: string): void;
  env: Record<string, string | undefined>;
  isTTY?: boolean;
  db?: Database;
}

export const processIo: CliIo = {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
  env: process.env,
  isTTY: process.stdout.isTTY,
};

/** Runs a CLI's main function and sets the process exit code (1 on an unexpected error, printed whole). */
export function runCli(main: (argv: string[], io: CliIo) => Promise<number>): void {
  main(process.argv.slice(2), processIo).then((code) => { process.exitCode = code; }, (err) => { console.error(err); process.exitCode = 1; });
}

/**
 * Runs `fn` on the CLI's database (`io.db`, else DATABASE_URL, else embedded PGlite in DATA_DIR, default ./data),
 * migrated and seeded (with `district`'s pack loaded, as the server loads it on its first request); closes it afterwards
 * unless it was given.
 */
export async function withCliDatabase<T>(io: CliIo, fn: (sql: Sql) => Promise<T>, district: string = DEFAULT_DISTRICT_CODE): Promise<T> {
  const db = io.db ?? await openDatabase({ url: io.env.DATABASE_URL || undefined, dataDir: io.env.DATA_DIR ?? './data' });
  try {
    await migrate(db.sql);
    await seedShippedData(db.sql);
    if (district !== DEFAULT_DISTRICT_CODE) await seedDistrict(db.sql, district);
    return await fn(db.sql);
  } finally {
    if (!io.db) await db.close();
  }
}

/**
 * Reads `file`, opens the database (see `withCliDatabase`), runs `importBytes`. An unreadable file or a refused import
 * (DomainError with up to 50 of its issues, ImportFileError) is printed as `error: …` and gives exit code 1; other
 * errors are thrown. Returns the exit code.
 */
export async function runImportCli(
  io: CliIo, file: string, importBytes: (sql: Sql, bytes: Uint8Array) => Promise<number>, district: string = DEFAULT_DISTRICT_CODE,
): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    io.error(`error: cannot read ${file}: ${(err as Error).message}`);
    return 1;
  }
  try {
    return await withCliDatabase(io, (sql) => importBytes(sql, bytes), district);
  } catch (err) {
    if (err instanceof DomainError || err instanceof ImportFileError) {
      io.error(`error: ${err.message}`);
      for (const i of (err instanceof DomainError ? (err.issues ?? []) : []).slice(0, 50)) io.error(`  ${i.path.join(' ')}: ${i.message}`);
      return 1;
    }
    throw err;
  }
}
