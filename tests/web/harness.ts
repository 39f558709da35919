/**
 * Browser-test harness: the real server (API + built web app) on a free port with a brand-new embedded
 * database (a copy of the migrated and seeded snapshot the API tests start from: tests/helpers/test-db.ts), and
 * the system Chromium driven by playwright-core (never a downloaded browser).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { hc } from 'hono/client';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startApp } from '../../api/src/start.ts';
import type { AppType } from '../../api/src/app.ts';
import { LAYER } from '../../web/src/map/ids.ts';
import type { Role } from '../../api/src/auth/roles.ts';
import { ensureTestUser, testToken, testUsername, TEST_PASSWORD } from '../helpers/test-auth.ts';
import { freshDatabase } from '../helpers/test-db.ts';

export { TEST_PASSWORD, testUsername };

export const STATIC_DIR = resolve('dist/web');
export const RESULTS_DIR = resolve('test-results');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface Harness {
  baseUrl: string;
  /** Typed API client acting as a planner (bearer token). */
  client: ReturnType<typeof hc<AppType>>;
  /** A typed API client acting as the test user of `role`. */
  clientAs(role: Role, townships?: string[]): Promise<ReturnType<typeof hc<AppType>>>;
  /** Creates the test user of `role` (password {@link TEST_PASSWORD}) and returns its username. */
  user(role: Role, townships?: string[]): Promise<string>;
  /** Logs the browser context in as `role` (session cookie), or out with `null`. The harness starts logged in as a planner. */
  loginAs(role: Role | null, townships?: string[]): Promise<void>;
  context: BrowserContext;
  /** Opens a new page; uncaught page errors are collected in `pageErrors`. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  pageErrors: string[];
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) {
    throw new Error(`${STATIC_DIR}/index.html is missing: run \`npx vite build\` (npm run test:e2e does) first`);
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  const profileDir = mkdtempSync(join(tmpdir(), 'planner-e2e-chromium-'));
  const app = await startApp({ dataDir: 'memory://', database: await freshDatabase('embedded', { seed: true }), staticDir: STATIC_DIR });
  const server = await new Promise<ReturnType<typeof serve>>((ok) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => ok(s));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  // launchPersistentContext is playwright's way to give Chromium a fresh --user-data-dir.
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
  });
  const pageErrors: string[] = [];
  const clientAs = async (role: Role, townships: string[] = []) =>
    hc<AppType>(baseUrl, { headers: { authorization: `Bearer ${await testToken(app.db.sql, role, townships)}` } });
  const loginAs = async (role: Role | null, townships: string[] = []) => {
    await context.clearCookies();
    if (!role) return;
    await ensureTestUser(app.db.sql, role, townships);
    const res = await fetch(`${baseUrl}/api/session`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ username: testUsername(role, townships), password: TEST_PASSWORD }),
    });
    if (!res.ok) throw new Error(`login as ${role} failed: ${res.status} ${await res.text()}`);
    const secret = /planner_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1];
    await context.addCookies([{ name: 'planner_session', value: secret, url: baseUrl, httpOnly: true, sameSite: 'Strict' }]);
  };
  await ensureTestUser(app.db.sql, 'admin'); // so the app is not in its no-admin state
  await loginAs('planner');
  return {
    baseUrl,
    client: await clientAs('planner'),
    clientAs,
    user: async (role, townships = []) => (await ensureTestUser(app.db.sql, role, townships)).username,
    loginAs,
    context,
    pageErrors,
    async newPage(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      page.on('pageerror', (e) => pageErrors.push(e.message));
      return page;
    },
    async close() {
      await context.close().catch(() => {});
      await new Promise((ok) => server.close(() => ok(null)));
      await app.db.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the map's `load` event has fired and it has finished rendering its sources. */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__mapLoaded === true && window.__map !== undefined, null, { timeout: 60_000 });
  await waitForIdle(page);
}

/** Waits for the map's next `idle` (all sources loaded, nothing animating). */
export async function waitForIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((ok) => {
        const map = window.__map!;
        // Nudge a repaint so `idle` fires even when the map is already idle.
        map.once('idle', () => ok());
        map.triggerRepaint();
      }),
  );
}

/** Ids of the sites the map draws (the sites circle layer), deduplicated across tiles. */
export async function renderedSiteIds(page: Page): Promise<string[]> {
  return page.evaluate((layer) => {
    const map = window.__map!;
    const ids = map.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties.id));
    return [...new Set(ids)].sort();
  }, LAYER.sites);
}

export const shot = (page: Page, name: string, opts: { fullPage?: boolean } = {}) =>
  page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), ...opts });
