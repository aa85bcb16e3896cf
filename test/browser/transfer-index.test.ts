/**
 * The institutions' transformation index in the browser on the demo data: a visitor sees the ranking
 * (chart and table) and opens an institution's breakdown (numbers only); the demo researcher (a
 * member of 吉林大学) opens his organisation's breakdown from the organisation page and sees the
 * links to the records behind it. Screenshots at 1366 and 390 px.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { DEMO_PASSWORD, JLU_MANAGER } from './org-helpers';
import { ADMIN } from './pairing-helpers';
import { SCREENSHOTS, launchBrowser, shoot } from './support';

let platform: RunningPlatform;
let browser: Browser;
const dataDir = mkdtempSync(join(tmpdir(), 'kz-transfer-index-'));

interface Ranking { total: number; rows: { rank: number; org: { id: string; name: string }; score: number }[] }
let ranking: Ranking;

beforeAll(async () => {
  platform = await startPlatform({ DATA_DIR: dataDir, SEED_DEMO: 'true', MEILI_BIN: '/nonexistent' }, 170_000);
  browser = await launchBrowser();
  ranking = (await (await fetch(`${platform.url}/api/transfer-index`)).json()) as Ranking;
  // What the demo shows (read in the report): the top of the ranking.
  console.log('transfer index (demo):', ranking.total, JSON.stringify(ranking.rows.slice(0, 12).map((r) => [r.rank, r.org.name, r.score])));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('transformation index', () => {
  it('ranks several demo institutions with different non-zero scores', () => {
    const scored = ranking.rows.filter((r) => r.score > 0);
    expect(scored.length).toBeGreaterThanOrEqual(3);
    expect(new Set(scored.map((r) => r.score)).size).toBeGreaterThanOrEqual(3);
  });

  it('a visitor sees the ranking and an institution’s breakdown (numbers only)', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${platform.url}/transfer-index`);
    await page.locator('[data-testid=transfer-index-table] .el-table__row').first().waitFor();
    expect(await page.locator('[data-testid=transfer-index-table] .el-table__row').count()).toBe(ranking.rows.length);
    await page.locator('[data-testid=transfer-index-chart] canvas').waitFor();
    // Every indicator is recorded now (projects funded come from the funded projects).
    await expect.poll(() => page.locator('[data-testid=transfer-index-formula]').innerText()).toContain('立项项目及达成里程碑数');
    expect(await page.locator('[data-testid=transfer-index-formula]').innerText()).not.toContain('暂未记录');
    await shoot(page, 'transfer-index-ranking-1366');
    await page.locator('[data-testid=transfer-index-org-link]').first().click();
    await page.locator('[data-testid=transfer-index-breakdown] .el-table__row').first().waitFor();
    expect(await page.locator('[data-testid=transfer-index-breakdown] .el-table__row').count()).toBe(10);
    expect(await page.locator('[data-testid=transfer-index-rank]').innerText()).toContain(`第 1 名`);
    expect(await page.locator('[data-testid=transfer-index-audience]').innerText()).toContain('仅显示数值');
    expect(await page.locator('[data-testid=transfer-index-record]').count()).toBe(0);
    await shoot(page, 'transfer-index-breakdown-visitor-1366');
    await context.close();
  });

  it('the demo researcher opens his organisation’s breakdown with links to its records', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${platform.url}/login`);
    await page.locator('[data-testid=login-identifier] input').fill(JLU_MANAGER);
    await page.locator('[data-testid=login-password] input').fill(DEMO_PASSWORD);
    await page.locator('[data-testid=login-submit]').click();
    await expect.poll(() => page.locator('[data-testid=home-role]').count(), { timeout: 15_000 }).toBe(1);
    await page.goto(`${platform.url}/org`);
    await page.locator('[data-testid=org-transfer-index]').click();
    await page.locator('[data-testid=transfer-index-breakdown] .el-table__row').first().waitFor();
    expect(await page.locator('h1').innerText()).toContain('吉林大学');
    expect(await page.locator('[data-testid=transfer-index-audience]').innerText()).toContain('本机构成员');
    await page.locator('[data-testid=transfer-index-record]').first().waitFor();
    expect(await page.locator('[data-testid=transfer-index-record]').count()).toBeGreaterThan(0);
    const href = await page.locator('[data-testid=transfer-index-record]').first().getAttribute('href');
    expect(href).toMatch(/^\/(results|deals|commissioners)\/[0-9a-f]{24}/);
    await shoot(page, 'transfer-index-breakdown-member-390');
    // The first screen as a phone shows it (the full page is long with the records list).
    await page.screenshot({ path: resolve(SCREENSHOTS, 'transfer-index-breakdown-member-390-top.png') });
    await page.goto(`${platform.url}/transfer-index`);
    await page.locator('[data-testid=transfer-index-table] .el-table__row').first().waitFor();
    await shoot(page, 'transfer-index-ranking-390');
    await context.close();
  });

  it('an administrator changes the weights (a new version) and the ranking is recomputed', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${platform.url}/login`);
    await page.locator('[data-testid=login-identifier] input').fill(ADMIN);
    await page.locator('[data-testid=login-password] input').fill(DEMO_PASSWORD);
    await page.locator('[data-testid=login-submit]').click();
    await expect.poll(() => page.locator('[data-testid=home-role]').count(), { timeout: 15_000 }).toBe(1);
    await page.goto(`${platform.url}/transfer-index`);
    await page.locator('[data-testid=transfer-index-edit]').click();
    await page.locator('[data-testid=weight-results_listed] input').fill('10');
    await page.locator('[data-testid=weight-results_listed] input').blur();
    await expect.poll(() => page.locator('[data-testid=weights-sum]').innerText()).toContain('95');
    expect(await page.locator('[data-testid=weights-save]').isDisabled()).toBe(true);
    await page.locator('[data-testid=weight-contract_value] input').fill('20');
    await page.locator('[data-testid=weight-contract_value] input').blur();
    await expect.poll(() => page.locator('[data-testid=weights-sum]').innerText()).toContain('100');
    await shoot(page, 'transfer-index-admin-weights-1366');
    await page.locator('[data-testid=weights-save]').click();
    await expect.poll(() => page.locator('[data-testid=transfer-index-formula]').innerText()).toContain('权重版本 1');
    const after = (await (await fetch(`${platform.url}/api/transfer-index`)).json()) as Ranking & { formula: { version: number; weights: Record<string, number> } };
    expect([after.formula.version, after.formula.weights.results_listed, after.formula.weights.contract_value]).toEqual([1, 10, 20]);
    expect(await page.locator('[data-testid=transfer-index-export]').getAttribute('href')).toContain('/api/admin/transfer-index.xlsx');
    await context.close();
  });
});
