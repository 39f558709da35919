import { serve } from '@hono/node-server';
import { startApp } from './start.ts';

const port = Number(process.env.PORT ?? 8787);
const started = await startApp({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATA_DIR ?? './data',
  staticDir: './dist/web',
});
const server = serve({ fetch: started.fetch, port, hostname: process.env.HOST ?? '127.0.0.1' }, (info) => {
  if (!process.env.ALLOWED_HOSTS && !['127.0.0.1', 'localhost', '::1'].includes(info.address))
    console.log('  Serving a network: set ALLOWED_HOSTS to the host name(s) users type (e.g. ALLOWED_HOSTS=planner.example.gov.cn); only loopback names are answered now.');
  console.log(`15-minute service-circle planner (广元市; 朝天区 by default): http://${info.address}:${info.port}/  (database: ${started.db.kind}, ${started.startupMs} ms to start)`);
});
const stop = async () => {
  started.sweeper.stop();
  server.close();
  await started.db.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
