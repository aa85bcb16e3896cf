/**
 * What a newcomer sees first: the home page with its search box, counts, newest listings and city
 * chips, what it costs to load, page titles, and the header at phone and laptop widths.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { navTo, SCREENSHOTS, shoot, useDemoPlatform } from './support';

const demo = useDemoPlatform('home');

beforeAll(async () => {
  // The demo results are indexed in the background after start: wait until search has them all.
  const deadline = Date.now() + 120_000;
  let last = -1;
  while (Date.now() < deadline) {
    const { total } = (await (await fetch(`${demo.url}/api/search/results?pageSize=1`)).json()) as { total: number };
    if (total > 1000 && total === last) {
      break;
    }
    last = total;
    await new Promise((r) => setTimeout(r, 2000));
  }
});

/** Horizontal overflow of the page and of the header, in CSS pixels (0 when everything fits). */
async function overflow(page: Page): Promise<{ page: number; header: number }> {
  return page.evaluate(() => {
    const header = document.querySelector('.kz-header__inner');
    return {
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      header: header ? header.scrollWidth - header.clientWidth : 0,
    };
  });
}

/** How far the menu's last entry (or 更多) reaches into the tools on its right, in CSS pixels (≤ 0: apart). */
async function menuOverlap(page: Page): Promise<number> {
  return page.evaluate(() => {
    const items = Array.from(document.querySelectorAll('.kz-menu > li')).filter((e) => (e as HTMLElement).offsetParent !== null);
    const tools = document.querySelector('.kz-header__tools');
    const last = items.at(-1);
    return last && tools ? last.getBoundingClientRect().right - tools.getBoundingClientRect().left : 0;
  });
}

describe('the home page', () => {
  it('starts with search, counts and the newest listings, and loads in under 600 KB', async () => {
    const context = await demo.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let transferred = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      transferred += e.encodedDataLength;
    });
    await page.goto(`${demo.url}/`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('[data-testid=home-latest-results] li').count(), { timeout: 20_000 }).toBe(5);
    await expect.poll(() => page.locator('[data-testid=home-latest-needs] li').count()).toBeGreaterThan(0);
    expect(Number(await page.locator('[data-testid=stat-results]').textContent())).toBeGreaterThan(100);
    expect(Number(await page.locator('[data-testid=stat-needs]').textContent())).toBeGreaterThan(0);
    // The search box comes first on the page.
    const searchTop = (await page.locator('[data-testid=search-input]').first().boundingBox())!.y;
    const latestTop = (await page.locator('[data-testid=home-latest-results]').boundingBox())!.y;
    expect(searchTop).toBeLessThan(latestTop);
    await page.waitForLoadState('networkidle');
    await shoot(page, '20-home-anonymous');
    console.log(`home page first visit: ${Math.round(transferred / 1024)} KB transferred`);
    expect(transferred).toBeLessThan(600 * 1024);
    expect(transferred).toBeGreaterThan(50 * 1024);

    // A city chip opens the search filtered by that city.
    await page.locator('[data-testid=home-city-222400]').click();
    await expect.poll(() => page.url()).toContain('/search/results?city=222400');
    await context.close();
  });

  it('searches from the home page and names the query and the listing in the page title', async () => {
    const page = await demo.newPage({ width: 1280 });
    await page.goto(`${demo.url}/`);
    await page.locator('[data-testid=search-input] input').fill('人参');
    await page.locator('[data-testid=search-input] input').press('Enter');
    await expect.poll(() => page.url()).toContain(`q=${encodeURIComponent('人参')}`);
    await expect.poll(() => page.title()).toContain('人参');
    const first = page.locator('[data-testid=search-hit-title]').first();
    await expect.poll(() => first.count(), { timeout: 15_000 }).toBe(1);
    const title = ((await first.textContent()) ?? '').trim();
    await first.click();
    await expect.poll(() => page.url()).toMatch(/\/results\/[0-9a-f]{24}$/);
    await expect.poll(() => page.title()).toContain(title);
    await page.context().close();
  });
});

describe('the header', () => {
  it('fits a 390 px phone when signed in', async () => {
    const page = await demo.signedIn('researcher@demo.kezhuan.cn', { width: 390, height: 844, isMobile: true });
    await page.waitForLoadState('networkidle');
    await shoot(page, '21-home-phone-390');
    expect(await overflow(page)).toEqual({ page: 0, header: 0 });
    await page.context().close();
  });

  for (const width of [1024, 1280, 1366]) {
    it(`keeps an enterprise member's menu clear of the language switch and his name at ${width} px`, async () => {
      const page = await demo.signedIn('enterprise@demo.kezhuan.cn', { width, height: 800 });
      await page.waitForLoadState('networkidle');
      await page.locator('.kz-header').screenshot({ path: join(SCREENSHOTS, `23-enterprise-header-${width}.png`) });
      expect(await overflow(page)).toEqual({ page: 0, header: 0 });
      expect(await menuOverlap(page)).toBeLessThanOrEqual(0);
      await page.context().close();
    });

    it(`shows every admin entry without overflow at ${width} px`, async () => {
      const page = await demo.signedIn('admin@demo.kezhuan.cn', { width, height: 800 });
      await page.waitForLoadState('networkidle');
      await page.setViewportSize({ width, height: 800 });
      const header = page.locator('.kz-header');
      await header.screenshot({ path: join(SCREENSHOTS, `22-admin-header-${width}.png`) });
      expect(await overflow(page)).toEqual({ page: 0, header: 0 });
      expect(await menuOverlap(page)).toBeLessThanOrEqual(0);
      // Every administrator's page is in the 管理 group.
      await page.locator('[data-testid=nav-group-admin]').click();
      for (const id of ['nav-admin-review', 'nav-admin-orgs', 'nav-admin-commissioners', 'nav-admin-imports', 'nav-admin-pairing', 'nav-admin-calls', 'nav-admin-carriers']) {
        await expect.poll(() => page.locator(`.kz-header [data-testid=${id}]`).isVisible()).toBe(true);
      }
      await page.keyboard.press('Escape');
      // English labels are longer: the bar still clears the tools; then back to Chinese (the account remembers).
      await page.locator('[data-testid=lang-switch]').click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
      await header.screenshot({ path: join(SCREENSHOTS, `22-admin-header-en-${width}.png`) });
      expect(await overflow(page)).toEqual({ page: 0, header: 0 });
      expect(await menuOverlap(page)).toBeLessThanOrEqual(0);
      await page.locator('[data-testid=lang-switch]').click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      await expect.poll(() => page.evaluate(async () => ((await (await fetch('/api/auth/session')).json()) as { user: { locale: string } }).user.locale)).toBe('zh-CN');
      await page.context().close();
    });
  }

  it('opens a group from the keyboard and closes it with Escape or a click elsewhere', async () => {
    const page = await demo.signedIn('enterprise@demo.kezhuan.cn');
    const button = page.locator('[data-testid=nav-group-resources]');
    const expanded = () => button.getAttribute('aria-expanded');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    expect(await expanded()).toBe('false');
    await button.focus();
    await page.keyboard.press('ArrowDown');
    expect(await expanded()).toBe('true');
    await expect.poll(focused).toBe('nav-intermediaries');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('nav-commissioners');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    // Wraps around to the last item.
    expect(await page.locator('#kz-nav-menu-resources [role=menuitem]').last().evaluate((e) => e === document.activeElement)).toBe(true);
    await shoot(page, '24-nav-dropdown-1366');
    await page.keyboard.press('Escape');
    expect(await expanded()).toBe('false');
    await expect.poll(focused).toBe('nav-group-resources');
    expect(await page.locator('[data-testid=nav-instruments]').isVisible()).toBe(false);
    // Enter opens it; a click elsewhere closes it.
    await page.keyboard.press('Enter');
    expect(await expanded()).toBe('true');
    await page.locator('[data-testid=home-latest-results]').click({ position: { x: 5, y: 5 } });
    expect(await expanded()).toBe('false');
    // 我的 holds the member's pages; choosing one goes there and closes the group.
    await navTo(page, 'nav-my-listings');
    await expect.poll(() => page.url()).toContain('/me/listings');
    expect(await page.locator('[data-testid=nav-group-mine]').getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[data-testid=nav-group-mine]').evaluate((e) => e.parentElement?.classList.contains('is-active'))).toBe(true);
    await page.context().close();
  });

  it('shows the groups as sections of the phone menu', async () => {
    const page = await demo.signedIn('enterprise@demo.kezhuan.cn', { width: 390, height: 844, isMobile: true, hasTouch: true });
    await page.locator('[data-testid=nav-menu]').tap();
    const section = page.locator('[data-testid=m-nav-group-data]');
    expect(await section.getAttribute('aria-expanded')).toBe('false');
    await section.tap();
    expect(await section.getAttribute('aria-expanded')).toBe('true');
    await page.locator('[data-testid=m-nav-group-mine]').tap();
    await page.waitForTimeout(400);
    await shoot(page, '25-nav-phone-menu-390');
    await page.locator('[data-testid=m-nav-plan]').tap();
    await expect.poll(() => page.url()).toContain('/plan');
    await expect.poll(() => page.locator('.kz-phone-nav').isVisible()).toBe(false);
    expect(await overflow(page)).toEqual({ page: 0, header: 0 });
    await page.context().close();
  });

  it('fits the English bar of a member at 1366 px', async () => {
    const page = await demo.signedIn('researcher@demo.kezhuan.cn');
    await page.locator('[data-testid=lang-switch]').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.waitForLoadState('networkidle');
    await shoot(page, '26-home-en-1366');
    expect(await overflow(page)).toEqual({ page: 0, header: 0 });
    expect(await menuOverlap(page)).toBeLessThanOrEqual(0);
    await page.locator('[data-testid=lang-switch]').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.context().close();
  });
});
