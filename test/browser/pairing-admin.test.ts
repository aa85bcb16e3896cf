/**
 * The administrator's side of the 双千 pairing in the browser: with three approved commissioners of
 * next year's term (a pool of its own: the demo data's ~300 commissioners serve this year) and three
 * open requests beside the demo's ~300 set up over the API, the administrator picks the term on
 * /admin/pairing, starts a run, sees the
 * bar reach 100 %, reviews the pairs with their explanations, swaps one pair's commissioner (the page
 * shows the re-checked total), runs a stable matching and compares the two runs, confirms the first,
 * and opens the programme dashboard, whose charts are drawn; the public 双千 page shows counts only.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from '../support/api';
import { ADMIN, approvedCommissioner, DEMO_PASSWORD, ENTERPRISE, NEXT_TERM, openRequest } from './pairing-helpers';
import { navTo, shoot, useDemoPlatform } from './support';

const demo = useDemoPlatform('pairing');
const term = NEXT_TERM;
const OURS = ['周材料', '吴发酵', '郑综合'];

beforeAll(async () => {
  const voc = { expertise: '高分子材料改性，汽车内饰材料的VOC控制与配方改进', keywords: ['VOC', '内饰材料'], industries: ['C36'] };
  const corn = { expertise: '玉米深加工，生物发酵工艺与酶制剂应用', keywords: ['玉米深加工', '发酵'], industries: ['C13'] };
  await approvedCommissioner(demo.platform, { name: '周材料', n: 11, term, cities: ['220100'], ...voc });
  await approvedCommissioner(demo.platform, { name: '吴发酵', n: 12, term, cities: ['220200'], ...corn });
  await approvedCommissioner(demo.platform, { name: '郑综合', n: 13, term, cities: ['220100'], ...voc, keywords: ['VOC', '发酵'], industries: ['C36', 'C13'] });
  const ent = await apiSession(demo.url, ENTERPRISE, DEMO_PASSWORD);
  await openRequest(ent, { title: '内饰件VOC超标', problem: '汽车内饰件VOC超标，需要改进配方。', keywords: ['VOC', '内饰材料'], industry: 'C36', city: '220100' });
  await openRequest(ent, { title: '座椅面料气味治理', problem: '座椅面料的VOC释放量偏高，需要配方改进。', keywords: ['VOC'], industry: 'C36', city: '220100' });
  await openRequest(ent, { title: '玉米发酵转化率低', problem: '玉米发酵工艺转化率低，酶制剂成本高。', keywords: ['发酵', '玉米深加工'], industry: 'C13', city: '220200' });
}, 240_000);

/** A screenshot once bars and toasts have settled. */
async function still(page: Page, name: string): Promise<void> {
  await expect.poll(() => page.locator('.el-message').count(), { timeout: 10_000 }).toBe(0);
  await page.waitForTimeout(700);
  await shoot(page, name);
}

const bar = (page: Page) => page.locator('[data-testid=pairing-progress-bar]');

describe('administrator pairing page and programme dashboard', () => {
  it('runs, reviews, edits, compares and confirms a pairing, then shows the dashboard with charts', async () => {
    const page = await demo.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await demo.signIn(page, ADMIN);
    // 双千配对 lives in the administrator's 管理 group.
    await navTo(page, 'nav-admin-pairing');
    await expect.poll(() => page.url()).toMatch(/\/admin\/pairing(\?term=\d+)?$/);
    // Next year's term: this test's pool; the address keeps it.
    await page.locator('[data-testid=pairing-term] input').fill(String(term));
    await page.locator('[data-testid=pairing-term] input').press('Enter');
    await expect.poll(() => page.url()).toContain(`term=${term}`);
    await expect.poll(() => page.locator('[data-testid=pairing-runs]').textContent()).toContain('该年度还没有配对记录');

    // An optimal run with the default options: the bar reaches 100 % and the pairs come with their reasons.
    await page.locator('[data-testid=pairing-start-submit]').click();
    await expect.poll(() => bar(page).getAttribute('aria-valuenow'), { timeout: 60_000 }).toBe('100');
    await expect.poll(() => page.locator('[data-testid=pairing-run-status]').textContent()).toContain('待确认');
    const rows = page.locator('[data-testid=pairing-pairs] .el-table__body tr.el-table__row');
    // Its pairs (one page: three commissioners of two places each) hold only this term's commissioners, each
    // of them at least once, and this test's requests beside demo requests that suit them.
    const firstTotal = await page.locator('[data-testid=pairing-total]').textContent();
    let pairCount = Number(/共 (\d+) 对，总分 [\d.]+/.exec(firstTotal ?? '')?.[1]);
    expect(pairCount).toBeGreaterThanOrEqual(3);
    expect(pairCount).toBeLessThanOrEqual(6);
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(pairCount);
    const commissioners = await page.locator('[data-testid=pairing-pair-commissioner]').allTextContents();
    expect(new Set(commissioners)).toEqual(new Set(OURS));
    expect(await page.locator('[data-testid=pairing-pair-request]').allTextContents()).toEqual(expect.arrayContaining(['内饰件VOC超标', '玉米发酵转化率低']));
    // The find box narrows the table to a request by part of its title, or to a commissioner's pairs.
    await page.locator('input[data-testid=pairing-filter-q]').fill('玉米发酵');
    await expect.poll(() => page.locator('[data-testid=pairing-pair-request]').allTextContents()).toEqual(['玉米发酵转化率低']);
    await page.locator('input[data-testid=pairing-filter-q]').fill('周材料');
    await expect.poll(async () => new Set(await page.locator('[data-testid=pairing-pair-commissioner]').allTextContents())).toEqual(new Set(['周材料']));
    await page.locator('input[data-testid=pairing-filter-q]').fill('');
    await expect.poll(() => rows.count()).toBe(pairCount);
    await rows.first().locator('.el-table__expand-icon').click();
    await expect.poll(() => page.locator('[data-testid=pairing-parts]').first().textContent()).toContain('文本相关度');
    await still(page, '60-pairing-review');

    // Swap the commissioner of the corn request for 郑综合 (or 吴发酵): with ~300 open requests every
    // place is taken, so first remove one of the target's other pairs; each edit shows the re-checked total.
    const corn = rows.filter({ hasText: '玉米发酵转化率低' });
    const before = await corn.locator('[data-testid=pairing-pair-commissioner]').textContent();
    const target = before === '郑综合' ? '吴发酵' : '郑综合';
    const targetRow = rows.filter({ has: page.locator('[data-testid=pairing-pair-commissioner]', { hasText: target }) }).filter({ hasNotText: '玉米发酵转化率低' });
    await targetRow.first().locator('[data-testid=pairing-remove]').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    pairCount -= 1;
    await expect.poll(() => page.locator('.el-message--success').textContent(), { timeout: 10_000 }).toMatch(new RegExp(`已移除，现总分 [\\d.]+（${pairCount} 对）`));
    await expect.poll(() => rows.count()).toBe(pairCount);
    await expect.poll(() => page.locator('.el-message').count(), { timeout: 10_000 }).toBe(0);
    await corn.locator('[data-testid=pairing-swap]').click();
    await page.locator('[data-testid=pairing-swap-select]').click();
    const option = page.locator('.el-select-dropdown__item', { hasText: target });
    await expect.poll(() => option.isVisible(), { timeout: 10_000 }).toBe(true);
    await option.click();
    await page.locator('[data-testid=pairing-swap-submit]').click();
    await expect.poll(() => page.locator('.el-message--success').textContent(), { timeout: 10_000 }).toMatch(new RegExp(`已更换，现总分 [\\d.]+（${pairCount} 对）`));
    await expect.poll(() => rows.filter({ hasText: '玉米发酵转化率低' }).locator('[data-testid=pairing-pair-commissioner]').textContent()).toBe(target);
    expect(await rows.filter({ hasText: '玉米发酵转化率低' }).textContent()).toContain('人工调整');
    const optimalId = ((await page.evaluate(async (t) => (await fetch(`/api/admin/pairing-runs?term=${t}`)).json(), term)) as { items: { id: string }[] }).items[0]!.id;

    // A stable matching beside it, compared with the first: blocking pairs 0 and the price of stability.
    await page.locator('[data-testid=pairing-algorithm-stable]').click();
    await page.locator('[data-testid=pairing-start-submit]').click();
    await expect.poll(() => page.locator('[data-testid=pairing-stability]').textContent(), { timeout: 60_000 }).toContain('阻塞对 0 个');
    const runRows = page.locator('[data-testid=pairing-runs] .el-table__body tr.el-table__row');
    await expect.poll(() => runRows.count(), { timeout: 10_000 }).toBe(2);
    await runRows.nth(1).locator('[data-testid=pairing-run-compare-a]').click();
    await runRows.nth(0).locator('[data-testid=pairing-run-compare-b]').click();
    await page.locator('[data-testid=pairing-compare-run]').click();
    await expect.poll(() => page.locator('[data-testid=pairing-compare-delta]').textContent(), { timeout: 10_000 }).toContain('总分变化');
    expect(await page.locator('[data-testid=pairing-compare-added]').textContent()).toContain('需求');
    await still(page, '61-pairing-compare');

    // Confirm the first (edited) run.
    await runRows.nth(1).locator('[data-testid=pairing-run-open]').click();
    await expect.poll(() => page.locator('[data-testid=pairing-total]').textContent(), { timeout: 10_000 }).toContain(`共 ${pairCount} 对`);
    await page.locator('[data-testid=pairing-confirm]').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await expect.poll(() => page.locator('[data-testid=pairing-run-status]').textContent(), { timeout: 15_000 }).toContain('已确认');
    expect(((await page.evaluate(async (id) => (await fetch(`/api/admin/pairing-runs/${id}`)).json(), optimalId)) as { status: string }).status).toBe('confirmed');
    await expect.poll(() => page.locator('[data-testid=pairing-confirm]').count()).toBe(0);

    // The programme dashboard: gauges against the plan, a drawn chart, the export link.
    await page.locator('[data-testid=pairing-dashboard-link]').click();
    await expect.poll(() => page.locator('[data-testid=programme-gauge-commissioners]').textContent(), { timeout: 10_000 }).toContain('/ 1000');
    expect(page.url()).toContain(`term=${term}`);
    expect(await page.locator('[data-testid=programme-gauge-commissioners] .kz-gauge__n').textContent()).toBe('3');
    await expect.poll(() => page.locator('[data-testid=programme-chart] canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=programme-table-city]').textContent()).toContain('长春市');
    const href = await page.locator('[data-testid=programme-export]').getAttribute('href');
    expect(href).toBe(`/api/admin/service-summary.xlsx?term=${term}&lang=zh-CN`);
    const xlsx = await page.evaluate(async (h) => {
      const r = await fetch(h);
      return { status: r.status, type: r.headers.get('content-type'), bytes: (await r.arrayBuffer()).byteLength };
    }, href!);
    expect(xlsx).toMatchObject({ status: 200, type: expect.stringContaining('spreadsheetml') });
    expect(xlsx.bytes).toBeGreaterThan(1000);
    await page.locator('.el-tabs__item', { hasText: '按区县' }).click();
    await expect.poll(() => page.locator('[data-testid=programme-table-county]').textContent()).toContain('未限定区县');
    await page.locator('.el-tabs__item', { hasText: '按市（州）' }).click();
    await still(page, '62-programme-dashboard');

    // The same in English.
    await page.locator('[data-testid=lang-switch]').click();
    await expect.poll(() => page.locator('[data-testid=programme-dashboard] h1').textContent()).toContain('Double Thousand');
    await expect.poll(() => page.locator('[data-testid=programme-table-city]').textContent()).toContain('Changchun');
    await still(page, '63-programme-dashboard-en');
    await page.locator('[data-testid=lang-switch]').click();

    // Narrow screens: the pairing page and the dashboard.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${demo.url}/admin/pairing?term=${term}`);
    await expect.poll(() => page.locator('[data-testid=pairing-runs] .el-table__body tr.el-table__row').count(), { timeout: 15_000 }).toBe(2);
    await page.locator('[data-testid=pairing-runs] .el-table__body tr.el-table__row').nth(1).locator('[data-testid=pairing-run-open]').click();
    await expect.poll(() => page.locator('[data-testid=pairing-pairs] .el-table__body tr.el-table__row').count(), { timeout: 10_000 }).toBe(pairCount);
    await still(page, '64-pairing-390');
    await page.goto(`${demo.url}/admin/pairing/dashboard`);
    await expect.poll(() => page.locator('[data-testid=programme-chart] canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await still(page, '65-programme-dashboard-390');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('shows the public the programme in counts only, with a chart', async () => {
    const page = await demo.newPage();
    await page.goto(`${demo.url}/shuangqian`);
    await expect.poll(() => page.locator('[data-testid=programme-gauge-commissioners]').textContent(), { timeout: 15_000 }).toContain('/ 1000');
    await expect.poll(() => page.locator('[data-testid=programme-chart] canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const text = (await page.locator('[data-testid=shuangqian-page]').textContent()) ?? '';
    for (const name of ['周材料', '吴发酵', '郑综合', '宏远']) {
      expect(text).not.toContain(name);
    }
    await still(page, '66-shuangqian-public');
    // An anonymous visitor does not get the administrators' figures.
    expect((await fetch(`${demo.url}/api/admin/service-summary?term=${term}`)).status).toBe(401);
    await page.close();
  });
});
