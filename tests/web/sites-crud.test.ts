import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { distance } from '@turf/distance';
import type { Page } from 'playwright-core';
import { renderedSiteIds, shot, startHarness, waitForIdle, waitForMap, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const allSites = async () => (await (await h.client.api.sites.$get({ query: {} })).json()).features;
const sitesNamed = async (name: string) => (await allSites()).filter((f) => f.properties.name === name);
const boundary = async () => (await (await h.client.api.boundary.$get()).json()).features[0]!;
const inDistrict = (b: Awaited<ReturnType<typeof boundary>>, p: [number, number]) => booleanPointInPolygon(p, b as never);

async function openApp(): Promise<Page> {
  const page = await h.newPage();
  await page.goto(h.baseUrl + '/');
  await waitForMap(page);
  return page;
}

/** Clicks the map at a screen pixel and returns the WGS-84 point under that (whole) pixel. */
async function clickMapPixel(page: Page, px: { x: number; y: number }) {
  const box = (await page.getByTestId('map').boundingBox())!;
  const at = await page.evaluate((p) => window.__map!.unproject([p.x, p.y]), px);
  await page.mouse.click(box.x + px.x, box.y + px.y);
  return { lng: at.lng, lat: at.lat };
}

/** Centres the map on `c` at `zoom` and returns the pixel of `c`. */
async function centreOn(page: Page, c: [number, number], zoom: number) {
  await page.evaluate(([c, z]) => window.__map!.jumpTo({ center: c as [number, number], zoom: z as number }), [c, zoom] as const);
  await waitForIdle(page);
  const p = await page.evaluate((c) => window.__map!.project(c as [number, number]), c);
  return { x: Math.round(p.x), y: Math.round(p.y) };
}

describe('creating and deleting sites', () => {
  it('creates a 文明实践广场 from the form and a map click; a click outside the district is refused; the township follows from the village', async () => {
    const b = await boundary();
    const villages = (await (await h.client.api.villages.$get({ query: {} })).json()).villages;
    const townships = (await (await h.client.api.townships.$get()).json()).townships;
    // The shipped villages have no coordinates: click about 700 m east of the village's township seat instead.
    const village = villages.find((v) => {
      const seat = townships.find((t) => t.code === v.townshipCode)?.seat;
      return seat && inDistrict(b, [seat.lng + 0.0075, seat.lat]);
    })!;
    expect(village).toBeDefined();
    const seat = townships.find((t) => t.code === village.townshipCode)!.seat!;
    const spot: [number, number] = [seat.lng + 0.0075, seat.lat];
    const name = `${village.name}文明实践广场（测试）`;
    const page = await openApp();

    await page.getByTestId('new-site-button').click();
    const form = page.getByTestId('new-site-form');
    await form.waitFor();
    expect(await page.getByTestId('new-site-status').inputValue()).toBe('existing');
    expect(await page.getByTestId('new-site-venueType').count()).toBe(0);
    await page.getByTestId('new-site-kind').selectOption('square');
    expect(await page.getByTestId('new-site-kind').locator('option:checked').innerText()).toBe('文明实践广场');
    await page.getByTestId('new-site-name').fill(name);
    await page.getByTestId('new-site-village').selectOption(village.code);
    expect(await page.getByTestId('new-site-township').inputValue()).toBe('');
    await page.getByTestId('new-site-place').click();
    await expect(page.getByTestId('placing-banner').innerText()).resolves.toContain(name);

    // A pixel outside the district (left edge of the map at the whole-district view): the API answers 422.
    const outside = await page.evaluate(() => {
      const map = window.__map!;
      const h = map.getCanvas().clientHeight;
      const out: { x: number; y: number; lng: number; lat: number }[] = [];
      for (let y = 120; y < h - 80; y += 40) {
        const ll = map.unproject([30, y]);
        out.push({ x: 30, y, lng: ll.lng, lat: ll.lat });
      }
      return out;
    });
    const off = outside.find((p) => !inDistrict(b, [p.lng, p.lat]))!;
    expect(off).toBeDefined();
    await clickMapPixel(page, off);
    const locationError = page.getByTestId('new-site-location-error');
    await locationError.waitFor();
    expect(await locationError.innerText()).toContain('outside');
    expect(await page.getByTestId('placing-banner').isVisible()).toBe(true); // still placing: the next click tries again
    expect(await sitesNamed(name)).toEqual([]);
    await shot(page, 'new-site-outside');

    // Now a click inside the district, near the village's township seat.
    const px = await centreOn(page, spot, 13);
    const clicked = await clickMapPixel(page, px);
    await page.getByTestId('placing-banner').waitFor({ state: 'detached' });
    const panel = page.getByTestId('site-panel');
    await panel.waitFor();
    expect(await page.getByTestId('site-title').innerText()).toBe(name);

    const [created, ...more] = await sitesNamed(name);
    expect(more).toEqual([]);
    expect(created!.properties).toMatchObject({
      kind: 'square', status: 'existing', demonstration: false, placed: true,
      villageCode: village.code, townshipCode: village.townshipCode,
    });
    expect(created!.properties.lng).toBeCloseTo(clicked.lng, 5);
    expect(created!.properties.lat).toBeCloseTo(clicked.lat, 5);
    expect(await panel.getAttribute('data-site-id')).toBe(created!.id);
    await waitForIdle(page);
    expect(await renderedSiteIds(page)).toContain(created!.id);
    await shot(page, 'new-site-placed');
    expect(h.pageErrors).toEqual([]);
    await page.close();
  });

  it('saves a new site unplaced with the township chosen; it appears under 未放置', async () => {
    const townships = (await (await h.client.api.townships.$get()).json()).townships;
    const township = townships[3]!;
    const name = `${township.name}测试实践站（未放置）`;
    const page = await openApp();
    await page.getByTestId('tab-unplaced').click();
    await page.getByTestId('unplaced-township').selectOption(township.code);
    const listedBefore = await page.getByTestId('unplaced-item').count();

    await page.getByTestId('new-site-button').click();
    expect(await page.getByTestId('new-site-township').inputValue()).toBe(township.code);
    // With a township chosen, only its villages are offered.
    const villageOptions = await page.getByTestId('new-site-village').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(villageOptions.filter(Boolean).every((c) => c.startsWith(township.code))).toBe(true);
    await page.getByTestId('new-site-name').fill(name);
    await page.getByTestId('new-site-status').selectOption('planned');
    await page.getByTestId('new-site-demonstration').check();
    await shot(page, 'new-site-form');
    await page.getByTestId('new-site-unplaced').click();

    await page.getByTestId('site-panel').waitFor();
    expect(await page.getByTestId('site-title').innerText()).toBe(name);
    expect(await page.getByTestId('site-coords').innerText()).toBe('未放置');
    const [created] = await sitesNamed(name);
    expect(created!.geometry).toBeNull();
    expect(created!.properties).toMatchObject({ kind: 'station', status: 'planned', demonstration: true, placed: false, townshipCode: township.code, villageCode: null });
    const item = page.locator(`[data-testid=unplaced-item][data-site-id="${created!.id}"]`);
    await item.waitFor();
    expect(await item.innerText()).toContain(name);
    expect(await page.getByTestId('unplaced-item').count()).toBe(listedBefore + 1);
    await shot(page, 'new-site-unplaced');
    await page.close();
  });

  it('shows the error for an empty name (before placing, and from the API), and offers a venue type only for volunteer sites', async () => {
    const page = await openApp();
    const before = (await allSites()).length;
    await page.getByTestId('new-site-button').click();
    await page.getByTestId('new-site-kind').selectOption('volunteer_site');
    await page.getByTestId('new-site-venueType').selectOption('park');
    await page.getByTestId('new-site-name').fill('   ');

    // Checked with the API's schema before the map click is asked for.
    await page.getByTestId('new-site-place').click();
    const error = page.getByTestId('new-site-error');
    await error.waitFor();
    // Said in the UI's language from the stable code, not the schema's English message.
    expect(await error.innerText()).toContain('必填');
    expect(await error.innerText()).not.toContain('Name is required');
    expect(await page.getByTestId('placing-banner').count()).toBe(0);
    expect(await page.locator('.new-site-form .field.invalid [data-testid=new-site-name]').count()).toBe(1);

    // Saved unplaced, the API itself refuses it and the form shows its message and issue.
    await page.getByTestId('new-site-unplaced').click();
    await expect.poll(() => error.innerText()).toContain('提交的内容有误');
    expect(await error.innerText()).toContain('必填');
    await shot(page, 'new-site-error');
    expect((await allSites()).length).toBe(before);

    await page.getByTestId('new-site-name').fill('朝天区测试志愿服务站');
    await page.getByTestId('new-site-unplaced').click();
    await page.getByTestId('site-panel').waitFor();
    const [created] = await sitesNamed('朝天区测试志愿服务站');
    expect(created!.properties).toMatchObject({ kind: 'volunteer_site', venueType: 'park', townshipCode: null, placed: false });
    await page.close();
  });

  it('works on a phone: the form is a bottom sheet that shrinks while placing, the hint stays visible', async () => {
    const b = await boundary();
    const page = await h.newPage({ width: 390, height: 844 });
    await page.goto(h.baseUrl + '/');
    await waitForMap(page);
    await page.getByTestId('panel-toggle').click();
    await page.getByTestId('new-site-button').click();
    await page.getByTestId('new-site-form').waitFor();
    await page.waitForTimeout(400); // the left panel slides away
    await page.getByTestId('new-site-kind').selectOption('point');
    await page.getByTestId('new-site-name').fill('手机新增实践点');
    await shot(page, 'mobile-new-site-form');
    await page.getByTestId('new-site-place').click();
    const banner = (await page.getByTestId('placing-banner').boundingBox())!;
    const sheet = (await page.getByTestId('right-panel').boundingBox())!;
    expect(banner.y + banner.height).toBeLessThan(sheet.y); // not hidden behind the sheet
    await shot(page, 'mobile-new-site-placing');

    // A pixel between the banner and the sheet that lies inside the district.
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    const candidates = await page.evaluate(
      ([top, bottom]) => {
        const out: { x: number; y: number; lng: number; lat: number }[] = [];
        for (let y = top; y < bottom; y += 20)
          for (let x = 60; x < 330; x += 30) {
            const ll = window.__map!.unproject([x, y]);
            out.push({ x, y, lng: ll.lng, lat: ll.lat });
          }
        return out;
      },
      [Math.ceil(banner.y + banner.height - mapBox.y + 20), Math.floor(sheet.y - mapBox.y - 20)] as const,
    );
    const inside = candidates.find((p) => inDistrict(b, [p.lng, p.lat]))!;
    expect(inside).toBeDefined();
    await clickMapPixel(page, inside);
    await page.getByTestId('site-panel').waitFor();
    const [created] = await sitesNamed('手机新增实践点');
    expect(created!.properties).toMatchObject({ kind: 'point', placed: true });
    await shot(page, 'mobile-new-site-placed');
    await page.close();
  });

  it('deletes a seeded site from its details panel after a confirm step; the map and the coverage numbers follow', async () => {
    const placed = (await allSites()).filter((f) => f.geometry);
    // An existing township institute with no other site within 150 m, so a click on it hits only it.
    const target = placed.find(
      (f) =>
        f.properties.kind === 'institute' &&
        f.properties.status === 'existing' &&
        placed.every((g) => g.id === f.id || distance(f.geometry!.coordinates, g.geometry!.coordinates, { units: 'meters' }) > 150),
    )!;
    expect(target).toBeDefined();
    const coverageBefore = await (await h.client.api.coverage.$get({ query: {} })).json();

    const page = await openApp();
    await page.getByTestId('tab-coverage').click();
    await page.waitForSelector('[data-testid=coverage-headline][data-state=ready]', { timeout: 60_000 });
    expect(Number(await page.getByTestId('cov-sites').innerText())).toBe(coverageBefore.totals.sites);

    const px = await centreOn(page, target.geometry!.coordinates as [number, number], 15);
    await clickMapPixel(page, px);
    const panel = page.getByTestId('site-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-site-id')).toBe(target.id);

    // Cancelling the confirm step keeps the site.
    await page.getByTestId('site-delete').click();
    await page.getByTestId('site-delete-no').click();
    expect(await page.getByTestId('site-delete-confirm').count()).toBe(0);

    await page.getByTestId('site-delete').click();
    const confirm = page.getByTestId('site-delete-confirm');
    expect(await confirm.innerText()).toContain(`“${target.properties.name}”`);
    await shot(page, 'site-delete-confirm');
    await page.getByTestId('site-delete-yes').click();
    await panel.waitFor({ state: 'detached' });

    const gone = await h.client.api.sites[':id'].$get({ param: { id: target.id } });
    expect(gone.status).toBe(404);
    await expect.poll(async () => (await renderedSiteIds(page)).includes(target.id)).toBe(false);
    // The coverage view fetched again: one facility fewer, equal to what the API now says.
    const coverageAfter = await (await h.client.api.coverage.$get({ query: {} })).json();
    expect(coverageAfter.totals.sites).toBe(coverageBefore.totals.sites - 1);
    await expect.poll(() => page.getByTestId('cov-sites').innerText(), { timeout: 30_000 }).toBe(String(coverageAfter.totals.sites));
    await waitForIdle(page);
    await shot(page, 'site-deleted');
    expect(h.pageErrors).toEqual([]);
    await page.close();
  });
});
