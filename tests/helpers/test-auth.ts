/** Accounts for tests: users of each role with a known password, and bearer tokens to act as them. */
import type { Sql } from '../../api/src/db/client.ts';
import { hashPassword } from '../../api/src/auth/password.ts';
import { createToken, findLogin, insertUser } from '../../api/src/db/users-repo.ts';
import type { Role } from '../../api/src/auth/roles.ts';

export const TEST_PASSWORD = 'test-password-1';
/**
 * The test accounts' stored password hash: `hashPassword` at N = 2^10 instead of 2^17. `verifyPassword` takes the
 * cost from the stored hash, so logging in as a test user runs the app's real verification, at 1/128 of the CPU
 * (each login had cost ~0.4 s). Passwords the app hashes itself (new users, password changes) keep the full cost.
 * Made once per test process.
 */
let hashed: Promise<string> | undefined;
const testHash = () => (hashed ??= hashPassword(TEST_PASSWORD, { N: 2 ** 10, r: 8, p: 1 }));

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
