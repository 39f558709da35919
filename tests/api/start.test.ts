import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import { startApp } from '../../api/src/start.ts';

describe('the served app (API + built web app)', () => {
  let started: Awaited<ReturnType<typeof startApp>>;
  const dir = mkdtempSync(join(tmpdir(), 'web-'));
  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>planner</title>');
    started = await startApp({ dataDir: 'memory://', staticDir: dir });
  });
  afterAll(async () => {
    await started?.db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const fetch = (path: string, init?: RequestInit) => started.fetch(new Request(`http://localhost${path}`, init));

  it('unknown /api routes and wrong methods answer the JSON error shape, not the web app', async () => {
    const res = await fetch('/api/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect((await res.json()).error.code).toBe('not_found');
    const wrong = await fetch('/api/sites', { method: 'PUT' });
    expect(wrong.status).toBe(405);
    expect((await wrong.json()).error.code).toBe('method_not_allowed');
    const page = await fetch('/some/page');
    expect(await page.text()).toMatch(/<title>planner/);
  });
});
