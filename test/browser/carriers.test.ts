/**
 * Innovation carriers in the browser: the demo enterprise's manager (宏远汽车零部件) applies for an
 * incubator, the province's administrator recognises it with a certificate, and the public
 * directory's incubator tab lists it and opens its page — in Debian's Chromium, against the real
 * platform with demo data (the plan's carriers). Screenshots: directory, apply form, review queue,
 * carrier page at 1366 px, and the directory at 390 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { navTo, shoot, useDemoPlatform } from './support';

const demo = useDemoPlatform('browser-cr');
const NAME = '宏远汽车零部件科技企业孵化器';

/** The input (or textarea) an Element Plus field with this test id renders: the id sits on it or on a wrapper. */
const field = (page: Page, testid: string) => page.locator(`[data-testid=${testid}]`).locator('xpath=descendant-or-self::input | descendant-or-self::textarea').first();

describe('innovation carriers in the browser', () => {
  it('an enterprise member applies for an incubator → the administrator recognises it → it is in the directory', async () => {
    const errors: string[] = [];
    const page = await demo.signedIn('enterprise@demo.kezhuan.cn');
    page.on('pageerror', (e) => errors.push(e.message));

    // The directory (the one nav entry) shows the plan's carriers: the incubator tab has 长春光机所's.
    await navTo(page, 'nav-carriers');
    await expect.poll(() => page.locator('[data-testid=cr-card]').count(), { timeout: 15_000 }).toBeGreaterThan(5);
    await page.locator('.el-tabs__item', { hasText: '科技企业孵化器' }).click();
    await expect.poll(() => page.locator('[data-testid=cr-card]').allTextContents(), { timeout: 15_000 }).toEqual(expect.arrayContaining([expect.stringContaining('长春光机所光电子科技企业孵化器')]));
    await shoot(page, 'carriers-directory');

    // Apply: an empty form shows field messages; the filled one goes through.
    await page.locator('[data-testid=cr-apply-link]').click();
    await page.locator('[data-testid=cr-apply-submit]').click();
    await expect.poll(() => page.locator('.el-form-item__error').count()).toBeGreaterThan(0);
    await field(page, 'cr-apply-name').fill(NAME);
    await field(page, 'cr-apply-summary').fill('依托汽车零部件产业链，孵化轻量化材料与汽车电子初创企业，提供中试车间和检测设备共享。');
    await field(page, 'cr-apply-field').fill('汽车零部件');
    await field(page, 'cr-apply-area').fill('8000');
    await field(page, 'cr-apply-area').blur();
    await shoot(page, 'carriers-apply');
    await page.locator('[data-testid=cr-apply-submit]').click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('/carriers/mine');
    const mine = page.locator('[data-testid=cr-mine-card]', { hasText: NAME });
    await expect.poll(() => mine.locator('[data-testid=cr-mine-status]').textContent(), { timeout: 15_000 }).toBe('待审核');

    // Not public yet.
    const visitor = await demo.newPage({ width: 390, height: 844 });
    await visitor.goto(`${demo.url}/carriers?type=incubator`);
    await expect.poll(() => visitor.locator('[data-testid=cr-card]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await visitor.locator('[data-testid=cr-card]', { hasText: NAME }).count()).toBe(0);

    // The administrator recognises it from the queue.
    const admin = await demo.signedIn('admin@demo.kezhuan.cn');
    admin.on('pageerror', (e) => errors.push(e.message));
    await admin.goto(`${demo.url}/admin/carriers`);
    const card = admin.locator('[data-testid=cr-admin-card]', { hasText: NAME });
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    await card.locator('[data-testid=cr-admin-cert]').locator('xpath=descendant-or-self::input').first().fill('吉科孵认〔2026〕021号');
    await shoot(admin, 'carriers-admin-queue');
    await card.locator('[data-testid=cr-admin-recognise]').click();
    await expect.poll(() => admin.locator('[data-testid=cr-admin-card]', { hasText: NAME }).count(), { timeout: 15_000 }).toBe(0);

    // Now in the directory's incubator tab, with its page.
    await visitor.goto(`${demo.url}/carriers?type=incubator`);
    const listed = visitor.locator('[data-testid=cr-card]', { hasText: NAME });
    await expect.poll(() => listed.count(), { timeout: 15_000 }).toBe(1);
    await shoot(visitor, 'carriers-directory-390');
    await listed.locator('[data-testid=cr-card-link]').click();
    await expect.poll(() => visitor.locator('[data-testid=cr-page-name]').textContent(), { timeout: 15_000 }).toBe(NAME);
    await expect.poll(() => visitor.locator('[data-testid=cr-activity]').first().textContent()).toContain('技术需求');
    expect(await visitor.locator('.kz-cr-details').textContent()).toContain('吉科孵认〔2026〕021号');
    await visitor.setViewportSize({ width: 1366, height: 900 });
    await shoot(visitor, 'carriers-page');

    // The applicant's "my carriers" shows it recognised.
    await page.reload();
    await expect.poll(() => page.locator('[data-testid=cr-mine-card]', { hasText: NAME }).locator('[data-testid=cr-mine-status]').textContent(), { timeout: 15_000 }).toBe('已认定');
    expect(errors).toEqual([]);
    await Promise.all([page.context().close(), visitor.context().close(), admin.context().close()]);
  }, 240_000);
});
