/**
 * npm run user:add -- --role admin|planner|township_editor|viewer [--district 510824|510800] [--townships CODE,CODE] NAME
 *
 * Creates an account (or, with --reset, sets a new password for an existing one). The password is prompted for
 * on a terminal, else read from standard input (first line), for scripts. Database: DATABASE_URL, else the
 * embedded PGlite in DATA_DIR (default ./data; stop the app first).
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../api/src/db/client.ts';
import { migrate } from '../api/src/db/migrate.ts';
import { seedShippedData } from '../api/src/db/seed.ts';
import { addUser } from '../api/src/auth/add-user.ts';
import { readPassword } from './lib/read-password.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { role: { type: 'string' }, district: { type: 'string' }, townships: { type: 'string' }, reset: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help || positionals.length !== 1 || (!values.role && !values.reset)) {
  console.log('usage: npm run user:add -- --role admin|planner|township_editor|viewer [--district 510824 (a county; 510800 = the city: reads all)] [--townships 510812100,…] NAME\n'
    + '       npm run user:add -- --reset NAME        (new password for an existing account)');
  process.exit(values.help ? 0 : 1);
}
const password = await readPassword(`Password for ${positionals[0]}: `);
const db = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR ?? './data' });
try {
  await migrate(db.sql);
  await seedShippedData(db.sql); // township codes to check --townships against
  const townships = values.townships?.split(',').map((t) => t.trim()).filter(Boolean);
  console.log(await addUser(db.sql, { username: positionals[0], password, role: values.role, townships, district: values.district, reset: values.reset }));
} catch (err) {
  console.error(`error: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
