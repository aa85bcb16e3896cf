/**
 * Large-instrument sharing in the browser, as a visitor: the nav's 仪器共享 opens the search; 电镜
 * finds the demo's electron microscopes; the city facet narrows them to 吉林市; the instrument page
 * shows parameters, sample requirements, price, the weekly opening grid, the institution and the
 * booking slot. Screenshots at 1366 px and 390 px.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { navTo, shoot, signInPage, useDemoPlatform } from './support';

const demo = useDemoPlatform('instruments');

beforeAll(async () => {
  // The demo instruments are indexed by the start-up reconciliation: wait until they are searchable.
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const found = (await (await fetch(`${demo.url}/api/instruments`)).json()) as { total?: number };
    if ((found.total ?? 0) >= 100) {
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
});

describe('instrument search', () => {
  it('a visitor searches 电镜, filters by city and opens an instrument page', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${demo.url}/`);
    await page.getByTestId('nav-logo').waitFor();
    // The entry sits in the bar, or under 更多 when the bar is full.
    await navTo(page, 'nav-instruments');
    await page.waitForURL(/\/instruments$/);
    await page.getByTestId('ins-card').first().waitFor();

    await page.locator('input[data-testid=ins-q], [data-testid=ins-q] input').first().fill('电镜');
    await page.getByTestId('ins-search').click();
    await page.waitForURL(/q=%E7%94%B5%E9%95%9C/);
    await expect.poll(async () => (await page.getByTestId('ins-card-name').allInnerTexts()).every((n) => /电镜|电子显微镜/.test(n))).toBe(true);
    const all = Number((await page.getByTestId('ins-count').innerText()).replace(/\D/g, ''));
    expect(all).toBeGreaterThanOrEqual(10);
    expect(await page.getByTestId('ins-card-price').first().innerText()).toMatch(/¥[\d,]+ \/ (机时|样)/);
    expect(await page.getByTestId('ins-card-hours').first().innerText()).toMatch(/开放时间：周/);
    await shoot(page, 'instrument-search-dianjing');

    // 吉林市: the electron microscopes of 东北电力大学 only.
    await page.getByTestId('ins-facet-city-220200').click();
    await page.waitForURL(/city=220200/);
    await expect.poll(async () => Number((await page.getByTestId('ins-count').innerText()).replace(/\D/g, ''))).toBeLessThan(all);
    await expect.poll(async () => (await page.getByTestId('ins-card').allInnerTexts()).every((c) => c.includes('吉林市') && c.includes('东北电力大学'))).toBe(true);
    await shoot(page, 'instrument-search-jilin-city');

    const name = (await page.getByTestId('ins-card-name').first().innerText()).trim();
    await page.getByTestId('ins-card').first().click();
    await page.waitForURL(/\/instruments\/[0-9a-f]{24}$/);
    await page.getByTestId('ins-page').waitFor();
    expect(await page.getByTestId('ins-page-name').innerText()).toBe(name);
    expect(await page.getByTestId('ins-page-params').innerText()).toContain('分辨率');
    expect(await page.getByTestId('ins-page-samples').innerText()).toMatch(/\S/);
    expect(await page.getByTestId('ins-page-price').innerText()).toMatch(/¥/);
    expect(await page.getByTestId('ins-page-org').innerText()).toBe('东北电力大学');
    expect(await page.getByTestId('ins-opening-grid').locator('.kz-ins-grid__cell--open').count()).toBeGreaterThan(0);
    await page.getByTestId('ins-booking-slot').waitFor();
    await shoot(page, 'instrument-page');

    // The institution link lists its instruments.
    await page.getByTestId('ins-page-org').click();
    await page.waitForURL(/\/instruments\?org=[0-9a-f]{24}/);
    await expect.poll(async () => (await page.getByTestId('ins-card').allInnerTexts()).every((c) => c.includes('东北电力大学'))).toBe(true);

    // A phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${demo.url}/instruments?q=${encodeURIComponent('核磁共振')}`);
    await page.getByTestId('ins-card').first().waitFor();
    await shoot(page, 'instrument-search-390');
    await page.getByTestId('ins-card').first().click();
    await page.getByTestId('ins-page').waitFor();
    await shoot(page, 'instrument-page-390');

    // Nothing found: the empty state says so.
    await page.goto(`${demo.url}/instruments?q=${encodeURIComponent('粒子对撞机')}`);
    await page.getByTestId('ins-empty').waitFor();
    await page.close();
  });

  it('a researcher of 吉林大学 sees his institution’s instruments and the form to list one', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await signInPage(context, demo.url, 'researcher@demo.kezhuan.cn');
    await page.goto(`${demo.url}/me/instruments`);
    await page.getByTestId('ins-mine-row').first().waitFor();
    expect(await page.getByTestId('ins-mine-row').count()).toBeGreaterThanOrEqual(20);
    await shoot(page, 'instrument-mine');
    await page.getByTestId('ins-mine-add').click();
    await page.getByTestId('ins-form-name').waitFor();
    await shoot(page, 'instrument-form');
    // The server's schema checks the form before sending: an empty name is refused in place.
    await page.getByTestId('ins-form-save').click();
    await expect.poll(() => page.locator('.el-form-item__error').count()).toBeGreaterThan(0);
    await context.close();
  });
});
