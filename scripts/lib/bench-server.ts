/**
 * The server side of npm run bench:load, run as its own process (so the load generator does not share its event loop
 * or CPU): serves the app on 127.0.0.1 with an admin account logged in, sends the parent `{ base, cookie, csrfToken,
 * token, kind }`, and answers each 'cpu' message with its CPU time in ms so far.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { startApp } from '../../api/src/start.ts';
import { addUser } from '../../api/src/auth/add-user.ts';
import { createToken, findLogin } from '../../api/src/db/users-repo.ts';

const PASSWORD = 'bench-load-password';
const started = await startApp({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' });
await addUser(started.db.sql, { username: 'bench-admin', password: PASSWORD, role: 'admin' });
const server = serve({ fetch: started.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
const login = await fetch(`${base}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-admin', password: PASSWORD }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0];
const { csrfToken } = (await login.json()) as { csrfToken: string };
const { token } = await createToken(started.db.sql, { userId: (await findLogin(started.db.sql, 'bench-admin'))!.user.id, name: 'bench', role: 'admin' });
process.on('message', (m) => {
  if (m === 'cpu') {
    const u = process.cpuUsage();
    process.send!({ cpuMs: (u.user + u.system) / 1000 });
  }
});
process.on('disconnect', () => {
  server.close();
  void started.db.close().finally(() => process.exit(0));
});
process.send!({ base, cookie, csrfToken, token, kind: started.db.kind });
