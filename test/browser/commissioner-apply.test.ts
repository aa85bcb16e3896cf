/**
 * The commissioner programme's sign-up in the browser: a researcher joins 吉林大学, applies for next
 * year's term, the university's manager endorses, the province's administrator approves, and the
 * public directory finds him by his expertise and opens his profile — in Debian's Chromium,
 * against the real platform with demo data. Screenshots: zh at 1366 and 390 px, and English.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { approveAsManager, fillRegistrationJoining, jluManager, submitRegistration } from './org-helpers';
import { shoot, useDemoPlatform } from './support';

const demo = useDemoPlatform('browser-cm');
const NAME = '孙研究员';
const EXPERTISE = '长期从事玉米淀粉改性与发酵工艺放大研究，可为农产品加工企业解决中试放大和质量控制问题。';

/** Picks an option of a filterable multiple select by typing part of its label. */
async function pickOption(page: Page, testid: string, typed: string, label: string): Promise<void> {
  await page.locator(`[data-testid=${testid}]`).click();
  await page.keyboard.type(typed);
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click();
  await page.keyboard.press('Escape');
}

/** Declares a stake: types part of an enterprise's name and picks it from the matches. */
async function pickStake(page: Page, testid: string, typed: string, name: string): Promise<void> {
  await page.locator(`input[data-testid=${testid}-q]`).fill(typed);
  const option = page.locator(`[data-testid=${testid}-option]`, { hasText: name });
  await expect.poll(() => option.count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await option.first().click();
}

/** Confirms the open ElMessageBox. */
async function confirmBox(page: Page): Promise<void> {
  await page.locator('.el-message-box__btns .el-button--primary').click();
}

describe('commissioner application in the browser', () => {
  it('apply → the organisation endorses → the administrator approves → directory and profile', async () => {
    const page = await demo.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // A researcher of 吉林大学 (approved by its manager) opens the application from his home page.
    await fillRegistrationJoining(page, demo.url, { email: 'sun.yanjiu@example.cn', phone: '13843117788', name: NAME }, '吉林大学');
    await submitRegistration(page, demo.platform.output, 'sun.yanjiu@example.cn');
    const manager = await jluManager(demo.browser, demo.url);
    await approveAsManager(manager, demo.url, NAME);
    await page.goto(demo.url);
    await expect.poll(() => page.locator('[data-testid=cm-home-apply]').count(), { timeout: 20_000 }).toBe(1);
    await page.locator('[data-testid=cm-home-apply]').click();

    // The application: next year's term, expertise, keywords, fields, areas (a whole 州 and one county), capacity.
    await expect.poll(() => page.locator('[data-testid=cm-form]').count(), { timeout: 20_000 }).toBe(1);
    await page.locator('[data-testid=cm-term] label').nth(1).click();
    await page.locator('[data-testid=cm-expertise] textarea').fill(EXPERTISE);
    for (const k of ['玉米淀粉', '发酵工艺']) {
      await page.locator('[data-testid=cm-keywords] input').fill(k);
      await page.keyboard.press('Enter');
    }
    await pickOption(page, 'cm-disciplines', '食品', '食品科学技术');
    await pickOption(page, 'cm-industries', '农副食品', '农副食品加工业');
    await page.locator('details', { hasText: '延边朝鲜族自治州' }).locator('summary').click();
    await page.locator('[data-testid=region-city-222400]').click();
    await page.locator('details', { hasText: '长春市' }).locator('summary').click();
    await page.locator('[data-testid=region-county-220122]').click();
    await page.locator('[data-testid=cm-capacity] input').fill('3');
    await page.locator('[data-testid=cm-availability] input').fill('寒暑假可驻企');
    expect(await page.locator('[data-testid=region-chosen-222400]').textContent()).toBe('全市');
    // Declared stakes: two enterprises found as he types, shown as tags.
    await pickStake(page, 'cm-stakes', '长春宏远汽车零部件有限公司', '长春宏远汽车零部件有限公司');
    await pickStake(page, 'cm-stakes', '吉林市江城碳纤维复合材料有限公司', '吉林市江城碳纤维复合材料有限公司');
    expect(await page.locator('[data-testid=cm-stakes-tag]').allTextContents()).toEqual(['长春宏远汽车零部件有限公司', '吉林市江城碳纤维复合材料有限公司']);
    await page.locator('input[data-testid=cm-stakes-q]').fill('');
    await shoot(page, 'cm-01-apply-form-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, 'cm-01b-apply-form-390');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.locator('[data-testid=cm-submit]').click();
    await expect.poll(() => page.locator('[data-testid=cm-app-status]').textContent(), { timeout: 20_000 }).toBe('待所在单位推荐');
    await shoot(page, 'cm-02-awaiting-endorsement');

    // The university's manager endorses on 我的单位.
    await manager.goto(`${demo.url}/org`);
    const item = manager.locator('[data-testid=cm-endorse-item]', { hasText: NAME });
    await expect.poll(() => item.count(), { timeout: 20_000 }).toBe(1);
    await pickStake(manager, 'cm-org-stakes', '松原金穗玉米生物科技有限公司', '松原金穗玉米生物科技有限公司');
    await shoot(manager, 'cm-03-org-endorse');
    await item.locator('[data-testid=cm-endorse]').click();
    await confirmBox(manager);
    await expect.poll(() => manager.locator('[data-testid=cm-endorse-item]', { hasText: NAME }).count(), { timeout: 20_000 }).toBe(0);

    // The administrator reviews (the queue shows endorsed applications) and approves.
    const admin = await demo.signedIn('admin@demo.kezhuan.cn');
    await admin.goto(`${demo.url}/admin/commissioners`);
    const row = admin.locator('[data-testid=cm-review-table] tr', { hasText: NAME });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await row.first().locator('[data-testid=cm-review-detail]').click();
    await expect.poll(() => admin.locator('[data-testid=cm-detail]').textContent(), { timeout: 10_000 }).toContain('农安县');
    const detail = (await admin.locator('[data-testid=cm-detail]').textContent()) ?? '';
    expect(detail).toContain('长春宏远汽车零部件有限公司、吉林市江城碳纤维复合材料有限公司');
    expect(detail).toContain('松原金穗玉米生物科技有限公司');
    // The drawer slides in: shoot once its approve button sits inside the window.
    await expect.poll(async () => {
      const box = await admin.locator('[data-testid=cm-detail-approve]').boundingBox();
      return box !== null && box.x + box.width <= 1366;
    }, { timeout: 10_000 }).toBe(true);
    await shoot(admin, 'cm-04-admin-detail');
    await admin.locator('[data-testid=cm-detail-approve]').click();
    await confirmBox(admin);
    await expect.poll(() => admin.locator('[data-testid=cm-review-table] tr', { hasText: NAME }).count(), { timeout: 20_000 }).toBe(0);

    // The applicant sees the approval, and his home page says so.
    await page.reload();
    await expect.poll(() => page.locator('[data-testid=cm-app-status]').textContent(), { timeout: 20_000 }).toBe('已获批');
    await page.goto(demo.url);
    await expect.poll(() => page.locator('[data-testid=cm-home-status]').textContent(), { timeout: 20_000 }).toBe('已获批');
    expect(await page.locator('[data-testid=cm-home-pairings]').textContent()).toBe('当前结对 0 个');
    await shoot(page, 'cm-05-home-approved');

    // A visitor on a phone finds him in the directory by his expertise and opens his profile.
    const visitor = await demo.newPage({ width: 390, height: 844, isMobile: true });
    visitor.on('pageerror', (e) => errors.push(e.message));
    await visitor.goto(`${demo.url}/commissioners`);
    await visitor.locator('[data-testid=cm-dir-q] input').fill('玉米淀粉');
    await visitor.locator('[data-testid=cm-dir-search]').click();
    const card = visitor.locator('[data-testid=cm-card]', { hasText: NAME });
    await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(1);
    expect(await card.locator('[data-testid=cm-card-capacity]').textContent()).toContain('尚可服务 3/3');
    expect(visitor.url()).toContain('q=');
    await shoot(visitor, 'cm-06-directory-390');
    await card.click();
    await expect.poll(() => visitor.locator('[data-testid=cm-profile-name]').textContent(), { timeout: 20_000 }).toBe(NAME);
    expect(await visitor.locator('[data-testid=cm-profile-expertise]').textContent()).toBe(EXPERTISE);
    await shoot(visitor, 'cm-07-profile-390');

    // The same directory in English at desktop width.
    const en = await demo.browser.newContext({ locale: 'en', viewport: { width: 1366, height: 900 } });
    const enPage = await en.newPage();
    await enPage.addInitScript(() => localStorage.setItem('kz.locale', 'en'));
    // A county of 延边 finds him too: he serves the whole 州.
    await enPage.goto(`${demo.url}/commissioners?city=222400&county=222403`);
    await expect.poll(() => enPage.locator('[data-testid=cm-card]', { hasText: NAME }).count(), { timeout: 20_000 }).toBe(1);
    expect(await enPage.locator('h1').first().textContent()).toBe('Science commissioner directory');
    await shoot(enPage, 'cm-08-directory-en');

    expect(errors).toEqual([]);
    await Promise.all([page.context().close(), manager.context().close(), admin.context().close(), visitor.context().close(), en.close()]);
  });
});
