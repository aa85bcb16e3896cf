/**
 * Issue #13's "done when": the whole 双千 flow through the pages, on the demo data (~300 commissioners,
 * ~300 open requests). A researcher registers and joins 吉林大学 (its manager admits him), applies for
 * next year's term, the university endorses, the administrator approves; an enterprise files a
 * request preferring him; the administrator runs the pairing of that term from /admin/pairing (its
 * only commissioner, one place, against every open request) and confirms it; both sides accept; they
 * agree the service, the commissioner logs a visit and the enterprise confirms it. No API calls but
 * the registration code read from the log transport.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { approveAsManager, fillRegistrationJoining, jluManager, submitRegistration } from './org-helpers';
import { ADMIN, ENTERPRISE, NEXT_TERM } from './pairing-helpers';
import { shoot, signInPage, useDemoPlatform } from './support';

const demo = useDemoPlatform('browser-sq');
const NAME = '林特派';
const EMAIL = 'lin.tepai@example.cn';
const TITLE = '玉米淀粉得率偏低';

const contexts: BrowserContext[] = [];
async function context(width = 1366): Promise<BrowserContext> {
  const c = await demo.browser.newContext({ locale: 'zh-CN', viewport: { width, height: 900 } });
  contexts.push(c);
  return c;
}

/** Picks an option of an Element Plus select, typing `typed` first when given. */
async function choose(page: Page, testid: string, label: string, typed?: string, multiple = false): Promise<void> {
  await page.locator(`[data-testid=${testid}]`).click();
  if (typed) {
    await page.keyboard.type(typed);
  }
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click();
  if (multiple) {
    await page.keyboard.press('Escape');
  }
}

async function confirmBox(page: Page): Promise<void> {
  await page.locator('.el-message-box__btns .el-button--primary').click();
}

describe('双千 from application to a confirmed visit', () => {
  it('application → endorsement → approval → request → run → confirm → accept → visit → confirmed', async () => {
    const errors: string[] = [];
    const watch = (p: Page) => p.on('pageerror', (e) => errors.push(e.message));

    // The researcher registers joining 吉林大学; its manager admits him.
    const me = await (await context()).newPage();
    watch(me);
    await fillRegistrationJoining(me, demo.url, { email: EMAIL, phone: '13843119911', name: NAME }, '吉林大学');
    await submitRegistration(me, demo.platform.output, EMAIL);
    const manager = await jluManager(demo.browser, demo.url);
    contexts.push(manager.context());
    await approveAsManager(manager, demo.url, NAME);

    // He applies for next year's term (one place, 长春's 农安县).
    await me.goto(demo.url);
    await expect.poll(() => me.locator('[data-testid=cm-home-apply]').count(), { timeout: 20_000 }).toBe(1);
    await me.locator('[data-testid=cm-home-apply]').click();
    await expect.poll(() => me.locator('[data-testid=cm-form]').count(), { timeout: 20_000 }).toBe(1);
    await me.locator('[data-testid=cm-term] label').nth(1).click();
    await me.locator('[data-testid=cm-expertise] textarea').fill('玉米淀粉湿磨工艺与淀粉得率提升，浸泡、研磨、分离工序的参数优化与质量控制。');
    for (const k of ['玉米淀粉', '湿磨工艺']) {
      await me.locator('[data-testid=cm-keywords] input').fill(k);
      await me.keyboard.press('Enter');
    }
    await choose(me, 'cm-disciplines', '食品科学技术', '食品', true);
    await choose(me, 'cm-industries', '农副食品加工业', '农副食品', true);
    await me.locator('details', { hasText: '长春市' }).locator('summary').click();
    await me.locator('[data-testid=region-county-220122]').click();
    await me.locator('[data-testid=cm-capacity] input').fill('1');
    await me.locator('[data-testid=cm-submit]').click();
    await expect.poll(() => me.locator('[data-testid=cm-app-status]').textContent(), { timeout: 20_000 }).toBe('待所在单位推荐');

    // The university endorses; the administrator approves.
    await manager.goto(`${demo.url}/org`);
    const endorse = manager.locator('[data-testid=cm-endorse-item]', { hasText: NAME });
    await expect.poll(() => endorse.count(), { timeout: 20_000 }).toBe(1);
    await endorse.locator('[data-testid=cm-endorse]').click();
    await confirmBox(manager);
    await expect.poll(() => manager.locator('[data-testid=cm-endorse-item]', { hasText: NAME }).count(), { timeout: 20_000 }).toBe(0);
    const admin = await signInPage(await context(), demo.url, ADMIN);
    watch(admin);
    await admin.goto(`${demo.url}/admin/commissioners`);
    const review = admin.locator('[data-testid=cm-review-table] tr', { hasText: NAME });
    await expect.poll(() => review.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await review.first().locator('[data-testid=cm-review-detail]').click();
    await expect.poll(async () => {
      const box = await admin.locator('[data-testid=cm-detail-approve]').boundingBox();
      return box !== null && box.x + box.width <= 1366;
    }, { timeout: 10_000 }).toBe(true);
    await admin.locator('[data-testid=cm-detail-approve]').click();
    await confirmBox(admin);
    await expect.poll(() => admin.locator('[data-testid=cm-review-table] tr', { hasText: NAME }).count(), { timeout: 20_000 }).toBe(0);
    await me.reload();
    await expect.poll(() => me.locator('[data-testid=cm-app-status]').textContent(), { timeout: 20_000 }).toBe('已获批');

    // The enterprise files a request from the form, preferring him (found among the demo commissioners by his expertise).
    const ent = await signInPage(await context(), demo.url, ENTERPRISE);
    watch(ent);
    await ent.goto(`${demo.url}/service-requests/new`);
    await ent.locator('[data-testid=sr-title] input').fill(TITLE);
    await ent.locator('[data-testid=sr-problem] textarea').fill('湿磨法生产玉米淀粉，淀粉得率比同行低约两个百分点，浸泡和分离工序疑有问题，需要专家现场诊断。');
    for (const k of ['玉米淀粉', '湿磨工艺']) {
      await ent.locator('[data-testid=sr-keywords] input').fill(k);
      await ent.keyboard.press('Enter');
    }
    await choose(ent, 'sr-industry', 'C13', 'C13');
    await choose(ent, 'sr-city', '长春市');
    await choose(ent, 'sr-county', '农安县');
    await choose(ent, 'sr-preferred', NAME, '湿磨');
    await ent.locator('[data-testid=sr-save-open]').click();
    const mine = ent.locator('[data-testid=sr-item]', { hasText: TITLE });
    await expect.poll(() => mine.locator('[data-testid=sr-status]').textContent(), { timeout: 15_000 }).toBe('待配对');

    // The administrator runs next year's pairing from the pairing page and confirms it: one pair, his.
    await admin.goto(`${demo.url}/admin/pairing?term=${NEXT_TERM}`);
    await expect.poll(() => admin.locator('[data-testid=pairing-runs]').textContent(), { timeout: 15_000 }).toContain('该年度还没有配对记录');
    await admin.locator('[data-testid=pairing-start-submit]').click();
    await expect.poll(() => admin.locator('[data-testid=pairing-run-status]').textContent(), { timeout: 60_000 }).toContain('待确认');
    const rows = admin.locator('[data-testid=pairing-pairs] .el-table__body tr.el-table__row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    expect(await rows.locator('[data-testid=pairing-pair-request]').textContent()).toBe(TITLE);
    expect(await rows.locator('[data-testid=pairing-pair-commissioner]').textContent()).toBe(NAME);
    await admin.locator('[data-testid=pairing-confirm]').click();
    await confirmBox(admin);
    await expect.poll(() => admin.locator('[data-testid=pairing-run-status]').textContent(), { timeout: 15_000 }).toContain('已确认');
    await shoot(admin, 'sq-flow-01-run-confirmed');

    // Both sides accept on "my pairings".
    await ent.goto(`${demo.url}/me/pairings`);
    await expect.poll(() => ent.locator('[data-testid=pairing-item]').count(), { timeout: 15_000 }).toBe(1);
    expect(await ent.locator('[data-testid=pairing-other]').textContent()).toBe(NAME);
    await ent.locator('[data-testid=pairing-item] summary').click();
    await ent.locator('[data-testid=pairing-accept]').click();
    await expect.poll(() => ent.locator('[data-testid=pairing-answer-enterprise]').textContent(), { timeout: 15_000 }).toBe('已接受');
    await me.goto(`${demo.url}/me/pairings?side=commissioner`);
    await expect.poll(() => me.locator('[data-testid=pairing-item]').count(), { timeout: 15_000 }).toBe(1);
    await me.locator('[data-testid=pairing-accept]').click();
    await expect.poll(() => me.locator('[data-testid=pairing-status]').textContent(), { timeout: 15_000 }).toBe('已达成');

    // They agree the service; he logs a visit; the enterprise confirms it.
    await me.locator('[data-testid=pairing-service]').click();
    await me.locator('[data-testid=agreement-new]').click();
    await me.locator('[data-testid=agreement-goals] textarea').fill('诊断浸泡与分离工序，淀粉得率提高一个百分点以上');
    await me.locator('[data-testid=agreement-save]').click();
    await expect.poll(() => me.locator('[data-testid=agreement-status]').textContent(), { timeout: 15_000 }).toBe('待企业确认');
    const serviceUrl = me.url();
    await ent.goto(serviceUrl);
    await ent.locator('[data-testid=agreement-confirm]').click();
    await expect.poll(() => ent.locator('[data-testid=agreement-status]').textContent(), { timeout: 15_000 }).toBe('已确认');
    await me.reload();
    await me.locator('[data-testid=entry-problems] textarea').fill('现场查看浸泡罐与旋流分离器，取样测定各工序淀粉损失');
    await me.locator('[data-testid=entry-outcomes] textarea').fill('浸泡时间不足、亚硫酸浓度偏低，给出调整方案');
    await me.locator('[data-testid=entry-submit]').click();
    await expect.poll(() => me.locator('[data-testid=entry-status]').textContent(), { timeout: 15_000 }).toBe('待企业确认');
    await ent.reload();
    await ent.locator('[data-testid=entry-confirm]').click();
    await expect.poll(() => ent.locator('[data-testid=entry-status]').textContent(), { timeout: 15_000 }).toBe('已确认');
    await expect.poll(() => ent.locator('[data-testid=service-hours]').textContent()).toMatch(/[1-9]/);
    await shoot(ent, 'sq-flow-02-visit-confirmed');

    // The administrator's dashboard for that term counts him and the confirmed visit.
    await admin.goto(`${demo.url}/admin/pairing/dashboard?term=${NEXT_TERM}`);
    await expect.poll(() => admin.locator('[data-testid=programme-gauge-commissioners] .kz-gauge__n').textContent(), { timeout: 15_000 }).toBe('1');
    expect(await admin.locator('[data-testid=programme-active]').textContent()).toBe('1');
    await shoot(admin, 'sq-flow-03-dashboard');
    expect(errors).toEqual([]);
    await Promise.all(contexts.map((c) => c.close()));
  });
});
