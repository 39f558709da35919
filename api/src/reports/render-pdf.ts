/**
 * HTML → PDF in the system Chromium (Debian's /usr/bin/chromium, which CI installs; `CHROMIUM_PATH`
 * overrides it) driven by playwright-core. One render at a time, so a burst of report requests cannot
 * starve the server: the work happens in the browser process, and the request awaits it.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { ApiError } from '../http/errors.ts';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let queue: Promise<unknown> = Promise.resolve();

export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Prints `html` to an A4 PDF (the page's @page rules decide size and margins).
 * @example const pdf = await renderPdf('<!doctype html><p>朝天区</p>')
 */
export function renderPdf(html: string): Promise<Uint8Array> {
  const run = async () => {
    if (!existsSync(chromiumPath())) {
      throw new ApiError(422, 'unprocessable', `PDF rendering needs Chromium at ${chromiumPath()} (apt install chromium, or set CHROMIUM_PATH); the HTML report is available instead`);
    }
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: ARGS });
    try {
      const page = await browser.newPage();
      // No network: the report is self-contained (inline SVG map, CSS, system CJK fonts).
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      return new Uint8Array(await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
    } finally {
      await browser.close();
    }
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}
