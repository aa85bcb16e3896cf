/**
 * The plan-target dashboard in the browser, on the demo data: the administrator opens /plan (the
 * 2011–2015 plan's targets with the demo's manual entries), enters a count with its evidence for
 * 重大科技成果转化项目 in 白山市 (counted from the funded projects: the entry is kept as evidence, the value stays), and sees the entry with its evidence; a visitor
 * sees the public summary (values and charts, no entries, no export). Screenshots at 1366 and 390 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiSession } from '../support/api';
import { ADMIN, DEMO_PASSWORD } from './pairing-helpers';
import { shoot, useDemoPlatform } from './support';

const demo = useDemoPlatform('plan');
const EVIDENCE = '吉科协发〔2014〕7号《关于批准建立企业院士工作站的通知》：白山市 2 个';

const valueOf = (page: Page, key: string) => page.locator(`[data-testid=plan-target-${key}] [data-testid=plan-target-value]`).innerText();

describe('the plan-target dashboard', () => {
  it('an administrator enters a count with evidence and the dashboard shows it', async () => {
    const page = await demo.signedIn(ADMIN);
    await page.goto(`${demo.url}/plan`);
    await expect.poll(() => page.locator('[data-testid=plan-title]').innerText(), { timeout: 15_000 }).toContain('十二五');
    await expect.poll(() => page.locator('[data-testid^=plan-target-]').filter({ has: page.locator('[data-testid=plan-target-value]') }).count()).toBe(11);
    await expect.poll(() => page.locator('[data-testid=plan-city-chart] canvas').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.locator('[data-testid=plan-year-chart] canvas').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('[data-testid=plan-export]').getAttribute('href')).toContain('/api/admin/plans/jilin-2011-2015/dashboard.xlsx');
    const before = Number(await valueOf(page, 'major_projects'));
    // A cell (白山市, year) the demo left empty: one entry per cell.
    const admin = await apiSession(demo.url, ADMIN, DEMO_PASSWORD);
    const full = (await admin.get('/api/admin/plans/jilin-2011-2015/dashboard')).body as { entries: { target: string; city: string; year: number }[] };
    const taken = new Set(full.entries.filter((e) => e.target === 'major_projects' && e.city === '220600').map((e) => e.year));
    const year = [2011, 2012, 2013, 2014, 2015].find((y) => !taken.has(y))!;

    await page.locator('[data-testid=plan-target-major_projects]').click();
    await page.locator('[data-testid=plan-entry-add]').click();
    const dialog = page.locator('[data-testid=plan-entry-dialog]');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.locator('[data-testid=plan-entry-city]').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '白山市' }).click();
    await dialog.locator('[data-testid=plan-entry-year]').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: String(year) }).click();
    await dialog.locator('[data-testid=plan-entry-count] input').fill('2');
    await dialog.locator('textarea[data-testid=plan-entry-evidence]').fill(EVIDENCE);
    await dialog.locator('input[data-testid=plan-entry-url]').fill('https://kjt.jl.gov.cn/kjdt/2014/7.html');
    await shoot(page, 'plan-entry-dialog-1366');
    await dialog.locator('[data-testid=plan-entry-save]').click();
    await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(false);
    // Major projects are counted from the funded projects (programme.major_transformation): the entry is
    // kept as evidence in the list but does not change the counted value.
    await expect.poll(() => page.locator('[data-testid=plan-entries]').innerText()).toContain(EVIDENCE);
    expect(Number(await valueOf(page, 'major_projects'))).toBe(before);
    await expect.poll(() => page.locator('[data-testid=plan-entries]').innerText()).toContain(EVIDENCE);
    await shoot(page, 'plan-dashboard-admin-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, 'plan-dashboard-admin-390');
    await page.context().close();
  });

  it('a visitor sees the public summary: values and charts, no entries, no export', async () => {
    const page = await demo.newPage();
    await page.goto(`${demo.url}/market`);
    await page.locator('[data-testid=market-plan-link]').click();
    await expect.poll(() => page.locator('[data-testid=plan-title]').innerText(), { timeout: 15_000 }).toContain('十二五');
    const pub = (await (await fetch(`${demo.url}/api/plans/jilin-2011-2015/dashboard`)).json()) as { targets: { key: string; value: number }[] };
    const ws = pub.targets.find((x) => x.key === 'major_projects')!;
    await expect.poll(() => valueOf(page, 'major_projects')).toBe(String(ws.value));
    await expect.poll(() => page.locator('[data-testid=plan-year-chart] canvas').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('[data-testid=plan-entries]').count()).toBe(0);
    expect(await page.locator('[data-testid=plan-export]').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('吉科发');
    await shoot(page, 'plan-dashboard-public-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, 'plan-dashboard-public-390');
    await page.context().close();
  });
});
