/**
 * The import CLIs' remote mode: `--server https://host --token TOKEN` (or PLANNER_TOKEN) sends the file to the server's
 * import API (`POST /api/d/<county>/import/<kind>`, multipart) instead of opening a database, and returns the same result the
 * local import gives, so both modes print alike.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CliIo } from './run-import-cli.ts';

/** Where and as whom to import remotely. */
export interface RemoteTarget {
  /** The server's origin, e.g. `https://planner.example.gov.cn` (no trailing slash). */
  server: string;
  token: string;
  /** The county the data goes to (`/api/d/<district>/import/…`). */
  district: string;
}

/** A refused or failed remote import, already worded for the terminal. */
export class RemoteImportError extends Error {
  constructor(message: string, readonly details: string[] = []) {
    super(message);
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The remote target from `--server`/`--token` (token else `PLANNER_TOKEN`); null for the local mode; false (after
 * printing why) for a token without a server, a server without a token, or a server that is not http(s).
 */
export function remoteTarget(io: CliIo, server: string | undefined, token: string | undefined, district: string): RemoteTarget | null | false {
  try {
    const target = checkedTarget(io, server, token);
    return target && { ...target, district };
  } catch (err) {
    if (!(err instanceof RemoteImportError)) throw err;
    io.error(`error: ${err.message}`);
    return false;
  }
}

function checkedTarget(io: CliIo, server: string | undefined, token: string | undefined): Omit<RemoteTarget, 'district'> | null {
  const t = token ?? io.env.PLANNER_TOKEN;
  if (!server) {
    if (token) throw new RemoteImportError('--token needs --server (the local mode writes to the database directly)');
    return null;
  }
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new RemoteImportError(`--server must be a URL such as https://planner.example.gov.cn (got "${server}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RemoteImportError(`--server must be http(s), not ${url.protocol}`);
  if (!t) throw new RemoteImportError('--server needs an API token: --token TOKEN or the PLANNER_TOKEN environment variable (create one under 账号 → API 令牌, role planner)');
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) io.error(`warning: ${url.origin} is plain http: the token and the file travel unencrypted`);
  return { server: url.origin, token: t };
}

type ErrorBody = { error?: { code?: string; message?: string; issues?: { path: (string | number)[]; message: string }[] } };

/** Why the server refused, in the terminal's words (with what to do about it). */
function refusal(status: number, body: ErrorBody, server: string, retryAfter: string | null): RemoteImportError {
  const e = body.error ?? {};
  const said = e.message ? `: ${e.message}` : '';
  const issues = (e.issues ?? []).slice(0, 50).map((i) => `  ${i.path.join(' ')}: ${i.message}`);
  if (status === 401) return new RemoteImportError(`${server} refused the token (401 ${e.code ?? 'unauthorized'})${said}; check --token / PLANNER_TOKEN`);
  if (status === 403) return new RemoteImportError(`${server} refused the import (403 ${e.code ?? 'forbidden'})${said}; imports need a planner or admin token`);
  if (status === 429) return new RemoteImportError(`${server} is busy (429)${said}${retryAfter ? `; try again in ${retryAfter} s` : ''}`);
  return new RemoteImportError(`${server} refused the import (${status} ${e.code ?? ''})${said}`.replace(/ \)/, ')'), issues);
}

/**
 * Sends `file` to `POST {server}/api/d/{district}/import/{kind}` with `fields` (undefined ones left out) and the token as
 * `Authorization: Bearer`; returns the parsed result. Throws {@link RemoteImportError} when the server cannot be
 * reached or refuses (4xx/5xx, with its message and issues).
 */
export async function remoteImport<T>(target: RemoteTarget, kind: 'sites' | 'villages' | 'population', file: string, fields: Record<string, string | undefined>): Promise<T> {
  const form = new FormData();
  form.append('file', new Blob([readFileSync(file)]), basename(file));
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.append(k, v);
  const url = `${target.server}/api/d/${target.district}/import/${kind}`;
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body: form, headers: { authorization: `Bearer ${target.token}`, accept: 'application/json' } });
  } catch (err) {
    const cause = (err as { cause?: { message?: string } }).cause?.message;
    throw new RemoteImportError(`cannot reach ${target.server}: ${cause ?? (err as Error).message}`);
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new RemoteImportError(`${url} answered ${res.status} with something that is not JSON (is --server the planner's address?): ${text.slice(0, 120)}`);
  }
  if (!res.ok) throw refusal(res.status, body as ErrorBody, target.server, res.headers.get('retry-after'));
  return body as T;
}

/**
 * Runs a remote import (`send`, which returns the exit code) after checking that `file` can be read; a refusal or an
 * unreachable server is printed as `error: …` (with the server's issues) and gives exit code 1.
 */
export async function runRemoteImportCli(io: CliIo, file: string, send: () => Promise<number>): Promise<number> {
  try {
    readFileSync(file, { flag: 'r' });
  } catch (err) {
    io.error(`error: cannot read ${file}: ${(err as Error).message}`);
    return 1;
  }
  try {
    return await send();
  } catch (err) {
    if (!(err instanceof RemoteImportError)) throw err;
    io.error(`error: ${err.message}`);
    for (const line of err.details) io.error(line);
    return 1;
  }
}
