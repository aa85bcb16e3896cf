/**
 * Funding and funded projects in the browser (issue 15): the administrator opens the open call's
 * funding page from the call management, funds an accepted application within the budget (the budget
 * bar moves, the row links to the new project); the demo enterprise opens its funded project from
 * 我的申报 → 我的立项项目, reports a pending milestone; the administrator accepts the report.
 * Screenshots at 1366 and 390 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, ENTERPRISE } from './pairing-helpers';
import { shoot, useDemoPlatform } from './support';

const demo = useDemoPlatform('funding');

const budgetText = (page: Page) => page.locator('[data-testid=budget-bar]').innerText();

describe('funding decision and funded projects', () => {
  it('admin funds an accepted application; the enterprise reports a milestone of its project; admin accepts it', async () => {
    const admin = await demo.signedIn(ADMIN);
    const calls = (await (await fetch(`${demo.url}/api/calls?pageSize=50`)).json()) as { items: { id: string; status: string }[] };
    const open = calls.items.find((c) => c.status === 'published')!;
    await admin.goto(`${demo.url}/admin/calls`);
    await admin.locator(`[data-testid=admin-call-funding][href="/admin/calls/${open.id}/funding"]`).click();
    await admin.locator('[data-testid=budget-bar]').waitFor();
    const before = await budgetText(admin);
    const row = admin.locator('[data-testid=funding-table] tr', { has: admin.locator('[data-testid=open-decision]') }).first();
    const title = (await row.locator('a').first().innerText()).trim();
    await expect.poll(() => row.locator('[data-testid=score-cell]').innerText()).toBe('—');
    await row.locator('[data-testid=open-decision]').click();
    await admin.locator('[data-testid=decision-dialog]').waitFor();
    await shoot(admin, 'funding-dialog-1366');
    await admin.locator('[data-testid=confirm-decision]').click();
    const decided = admin.locator('[data-testid=funding-table] tr', { hasText: title });
    await expect.poll(() => decided.locator('a', { hasText: '查看项目' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await budgetText(admin)).not.toBe(before);
    await shoot(admin, 'funding-page-1366');

    // The enterprise: 我的申报 → 我的立项项目 → its project, reports the first pending milestone.
    const ent = await demo.signedIn(ENTERPRISE);
    await ent.goto(`${demo.url}/applications`);
    await ent.locator('[data-testid=my-projects-link]').click();
    await ent.locator('[data-testid=project-link]').first().click();
    await ent.locator('[data-testid=project-title]').waitFor();
    const projectUrl = ent.url();
    const milestone = ent.locator('[data-testid=milestone]', { has: ent.locator('[data-testid=milestone-state]', { hasText: '待报告' }) }).first();
    const name = (await milestone.locator('strong').first().innerText()).trim();
    await milestone.locator('[data-testid=report-milestone]').click();
    const dialog = ent.locator('[data-testid=report-dialog]');
    await dialog.waitFor();
    await dialog.locator('textarea[data-testid=report-evidence]').fill('生产线验收报告及现场照片（浏览器测试）');
    await dialog.locator('[data-testid=report-submit]').click();
    const reported = ent.locator('[data-testid=milestone]', { hasText: name });
    await expect.poll(() => reported.locator('[data-testid=milestone-state]').innerText(), { timeout: 15_000 }).toBe('已报告待验收');
    await shoot(ent, 'project-page-1366');
    await ent.setViewportSize({ width: 390, height: 844 });
    await shoot(ent, 'project-page-390');

    // The administrator accepts the report on the project page.
    await admin.goto(projectUrl);
    const toAccept = admin.locator('[data-testid=milestone]', { hasText: name });
    await toAccept.locator('[data-testid=accept-milestone]').click();
    await expect.poll(() => toAccept.locator('[data-testid=milestone-state]').innerText(), { timeout: 15_000 }).toBe('已验收');
    await shoot(admin, 'project-page-admin-1366');
    await ent.context().close();
    await admin.context().close();
  });
  it('the lead links its project to its results, deals and pairings from the project page', async () => {
    const ent = await demo.signedIn(ENTERPRISE);
    await ent.goto(`${demo.url}/me/projects`);
    await ent.locator('[data-testid=project-link]').first().click();
    await ent.locator('[data-testid=project-title]').waitFor();
    await ent.locator('[data-testid=edit-links]').click();
    const dialog = ent.locator('[data-testid=links-dialog]');
    await dialog.waitFor();
    const picked: string[] = [];
    for (const kind of ['results', 'deals', 'pairings']) {
      const select = dialog.locator(`[data-testid=links-${kind}]`);
      await select.click();
      const option = ent.locator(`.kz-links-popper-${kind} .el-select-dropdown__item:not(.is-selected)`).first();
      await option.waitFor({ timeout: 5_000 }).catch(() => undefined);
      if (await option.count()) {
        picked.push((await option.locator('span').first().innerText()).trim());
        await option.click();
      }
      await dialog.locator('.el-dialog__title').click();
    }
    // The demo enterprise takes part in deals, so there is always something to link.
    expect(picked.length).toBeGreaterThan(0);
    await shoot(ent, 'project-links-dialog-1366');
    await dialog.locator('[data-testid=links-save]').click();
    await expect.poll(() => dialog.isVisible(), { timeout: 15_000 }).toBe(false);
    const links = ent.locator('[data-testid=project-links]');
    for (const title of picked) {
      await expect.poll(() => links.innerText()).toContain(title);
    }
    await ent.reload();
    await ent.locator('[data-testid=project-links]').waitFor();
    for (const title of picked) {
      expect(await ent.locator('[data-testid=project-links]').innerText()).toContain(title);
    }
    await shoot(ent, 'project-links-1366');
    await ent.context().close();
  });
  it('a visitor finds the funded projects from the calls page, without links into them', async () => {
    const page = await demo.newPage();
    await page.goto(`${demo.url}/calls`);
    await page.locator('[data-testid=public-projects-link]').click();
    await page.locator('[data-testid=project-table]').waitFor();
    await expect.poll(() => page.locator('[data-testid=project-title-cell]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=project-link]').count()).toBe(0);
    expect(await page.locator('[data-testid=project-table]').innerText()).not.toContain('逾期');
    // By programme: only that programme's projects stay.
    await page.locator('[data-testid=projects-filter-type]').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '重大科技成果转化项目' }).click();
    await expect.poll(async () => {
      const rows = await page.locator('[data-testid=project-table] tbody tr').allInnerTexts();
      return rows.length > 0 && rows.every((r) => r.includes('重大科技成果转化项目'));
    }, { timeout: 15_000 }).toBe(true);
    await shoot(page, 'public-projects-1366');
    await page.context().close();
  });
});
