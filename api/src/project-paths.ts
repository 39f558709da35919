import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project folder (the one with package.json), found by walking up from this module, so the same code finds
 * `geodata/` and the SQL migrations when run from source (tsx, vitest) and from the built server in `dist/server/`.
 */
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('project folder (with package.json) not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot();
/** The shipped district data. */
export const GEODATA_DIR = join(PROJECT_ROOT, 'geodata');
/** The SQL migrations, `NNN_name.sql`. */
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'api/src/db/migrations');
