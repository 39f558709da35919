/** Accounts for tests: users of each role with a known password, and bearer tokens to act as them. */
import type { Sql } from '../../api/src/db/client.ts';
import { hashPassword } from '../../api/src/auth/password.ts';
import { createToken, findLogin, insertUser } from '../../api/src/db/users-repo.ts';
import type { Role } from '../../api/src/auth/roles.ts';

export const TEST_PASSWORD = 'test-password-1';
/** Hashed once per test process: the real scrypt, without paying its cost per user. */
let hashed: Promise<string> | undefined;
const testHash = () => (hashed ??= hashPassword(TEST_PASSWORD));

/** Username of the test account for a role (and townships): `test-planner`, `test-township_editor-510812100`. */
export const testUsername = (role: Role, townships: string[] = []) => ['test', role, ...townships].join('-');

/** Creates (once) the test user for `role` and returns it. */
export async function ensureTestUser(sql: Sql, role: Role, townships: string[] = []) {
  const username = testUsername(role, townships);
  const found = await findLogin(sql, username);
  if (found) return found.user;
  return insertUser(sql, { username, passwordHash: await testHash(), role, townships });
}

/** A fresh API token for the test user of `role` (created if needed). */
export async function testToken(sql: Sql, role: Role, townships: string[] = []): Promise<string> {
  const user = await ensureTestUser(sql, role, townships);
  return (await createToken(sql, { userId: user.id, name: 'test', role })).token;
}
