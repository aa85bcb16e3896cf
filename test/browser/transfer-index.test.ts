/**
 * The institutions' transformation index in the browser on the demo data: a visitor sees the ranking
 * (chart and table) and opens an institution's breakdown (numbers only); the demo researcher (a
 * member of 吉林大学) opens his organisation's breakdown from the organisation page and sees the
 * links to the records behind it. Screenshots at 1366 and 390 px.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { JLU_MANAGER } from './org-helpers';
import { ADMIN } from './pairing-helpers';
import { SCREENSHOTS, shoot, useDemoPlatform } from './support';

const demo = useDemoPlatform('transfer-index');

interface Ranking { total: number; rows: { rank: number; org: { id: string; name: string }; score: number }[] }
let ranking: Ranking;

beforeAll(async () => {
  ranking = (await (await fetch(`${demo.url}/api/transfer-index`)).json()) as Ranking;
  // What the demo shows (read in the report): the top of the ranking.
  console.log('transfer index (demo):', ranking.total, JSON.stringify(ranking.rows.slice(0, 12).map((r) => [r.rank, r.org.name, r.score])));
}, 240_000);

describe('transformation index', () => {
  it('ranks several demo institutions with different non-zero scores', () => {
    const scored = ranking.rows.filter((r) => r.score > 0);
    expect(scored.length).toBeGreaterThanOrEqual(3);
    expect(new Set(scored.map((r) => r.score)).size).toBeGreaterThanOrEqual(3);
  });

  it('a visitor sees the ranking and an institution’s breakdown (numbers only)', async () => {
    const page = await demo.newPage();
    await page.goto(`${demo.url}/transfer-index`);
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
    await page.context().close();
  });

  it('the demo researcher opens his organisation’s breakdown with links to its records', async () => {
    const page = await demo.signedIn(JLU_MANAGER, { width: 390, height: 844 });
    await page.goto(`${demo.url}/org`);
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
    await page.goto(`${demo.url}/transfer-index`);
    await page.locator('[data-testid=transfer-index-table] .el-table__row').first().waitFor();
    await shoot(page, 'transfer-index-ranking-390');
    await page.context().close();
  });

  it('an administrator changes the weights (a new version) and the ranking is recomputed', async () => {
    const page = await demo.signedIn(ADMIN);
    await page.goto(`${demo.url}/transfer-index`);
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
    const after = (await (await fetch(`${demo.url}/api/transfer-index`)).json()) as Ranking & { formula: { version: number; weights: Record<string, number> } };
    expect([after.formula.version, after.formula.weights.results_listed, after.formula.weights.contract_value]).toEqual([1, 10, 20]);
    expect(await page.locator('[data-testid=transfer-index-export]').getAttribute('href')).toContain('/api/admin/transfer-index.xlsx');
    await page.context().close();
  });
});
