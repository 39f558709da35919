import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost (OWASP's minimum for scrypt is N=2^17, r=8, p=1; 64 MiB of memory per hash). */
const PARAMS = { N: 2 ** 17, r: 8, p: 1 };
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, p: typeof PARAMS): Promise<Buffer> {
  const opts: ScryptOptions = { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r };
  return new Promise((ok, fail) => scrypt(password.normalize('NFC'), salt, KEY_BYTES, opts, (err, key) => (err ? fail(err) : ok(key))));
}

/**
 * Hashes a password with Node's built-in scrypt; the result records its parameters and salt. `params` is the
 * cost: the app always uses the default (OWASP's minimum); the tests' accounts are stored at a lower cost.
 * @example await hashPassword('correct horse') // 'scrypt$131072$8$1$<salt>$<key>'
 */
export async function hashPassword(password: string, params: typeof PARAMS = PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks a password against {@link hashPassword}'s output in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const got = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return got.length === expected.length && timingSafeEqual(got, expected);
}
