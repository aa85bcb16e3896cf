/**
 * Programmes in the browser (issue 15): the demo enterprise opens the open call from 项目申报, sees
 * its eligibility, fills its draft application (title, description, budget, the required document)
 * and submits it; the administrator returns it with a reason from the call's applications table; the
 * enterprise reads the reason, fixes the application and submits it again; the administrator accepts
 * it. Then the same application goes on (the call → application → review → funding →
 * milestone report): the administrator assigns the demo researcher as reviewer, who scores it; the
 * administrator funds it with its score in view; the enterprise reports a milestone of the project
 * and the administrator accepts the report. Screenshots at 1366 and 390 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, ENTERPRISE } from './pairing-helpers';
import { navTo, shoot, useDemoPlatform } from './support';

const demo = useDemoPlatform('programme');
const RESEARCHER = 'researcher@demo.kezhuan.cn';
const RESEARCHER_NAME = '李明';
/** The application the first test submits and gets accepted; the second takes it further. */
const accepted = { callId: '', title: '' };
const PDF = Buffer.from('%PDF-1.4\n% feasibility study\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** An Element Plus input by test id: el-input passes the id to its <input>/<textarea>, others keep it on the wrapper. */
const field = (page: Page, id: string) => page.locator(`input[data-testid=${id}], textarea[data-testid=${id}], [data-testid=${id}] input`).first();

async function confirmBox(page: Page): Promise<void> {
  await page.locator('.el-message-box .el-button--primary').click();
}

async function submitApplication(page: Page): Promise<void> {
  await page.locator('[data-testid=app-submit]').click();
  await confirmBox(page);
  await expect.poll(() => page.locator('[data-testid=app-status]').getAttribute('data-status'), { timeout: 15_000 }).toBe('submitted');
}

/** The administrator's formal check of `title` on the call's applications page. */
async function check(page: Page, callId: string, title: string, decide: (dialog: Page) => Promise<void>): Promise<void> {
  await page.goto(`${demo.url}/admin/calls/${callId}/applications`);
  const row = page.locator('[data-testid=admin-applications] tr', { hasText: title });
  await row.locator('[data-testid=open-check]').click();
  await page.locator('[data-testid=check-dialog]').waitFor();
  await decide(page);
}

describe('applying to a programme call', () => {
  it('goes enterprise → submit → returned with a reason → fixed and resubmitted → accepted', async () => {
    const ent = await demo.signedIn(ENTERPRISE);
    await navTo(ent, 'nav-calls');
    await ent.locator('[data-testid=call-item]').first().waitFor();
    await shoot(ent, 'programme-calls-1366');
    await ent.locator('[data-testid=call-item]', { has: ent.locator('[data-testid=call-status]', { hasText: '申报中' }) }).first().click();
    await expect.poll(() => ent.locator('[data-testid=eligibility-summary]').innerText(), { timeout: 15_000 }).toContain('满足全部申报条件');
    const callId = /\/calls\/([0-9a-f]{24})/.exec(ent.url())?.[1] ?? '';
    expect(callId).toMatch(/^[0-9a-f]{24}$/);
    await shoot(ent, 'programme-call-1366');

    // The demo enterprise's draft: fill it in and attach the required document.
    await ent.locator('[data-testid=continue-application]').click();
    await field(ent, 'app-title').waitFor();
    const title = '汽车内饰件低VOC材料中试及产业化（浏览器测试）';
    await field(ent, 'app-title').fill(title);
    await field(ent, 'app-description').fill('与合作高校联合完成低VOC内饰材料的中试验证，建设年产5000吨生产线，满足主机厂新标准。');
    await field(ent, 'budget-requested').fill('700000');
    await field(ent, 'budget-item').click();
    await expect.poll(() => ent.locator('[data-testid=total-requested]').innerText()).toMatch(/\d/);
    await ent.locator('[data-testid=app-save]').click();
    await ent.locator('[data-testid=doc-row] input[type=file]').first().setInputFiles({ name: '可行性研究报告.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => ent.locator('[data-testid=doc-row] a').count(), { timeout: 15_000 }).toBe(1);
    await shoot(ent, 'programme-form-1366');
    await submitApplication(ent);
    const appUrl = ent.url();

    // The administrator returns it with a reason.
    const admin = await demo.signedIn(ADMIN);
    await check(admin, callId, title, async (p) => {
      await field(p, 'reason-field').fill('经费预算');
      await field(p, 'reason-text').fill('设备购置费请附主要设备报价单');
      await shoot(p, 'programme-check-1366');
      await p.locator('[data-testid=check-return]').click();
    });
    await expect.poll(() => admin.locator('[data-testid=admin-applications] tr', { hasText: title }).locator('[data-testid=app-status]').getAttribute('data-status'), { timeout: 15_000 }).toBe('returned');

    // The enterprise reads the reason, fixes the application and submits again.
    await ent.goto(appUrl);
    await expect.poll(() => ent.locator('[data-testid=return-reasons]').innerText(), { timeout: 15_000 }).toContain('设备购置费请附主要设备报价单');
    await field(ent, 'app-description').fill('与合作高校联合完成低VOC内饰材料的中试验证，建设年产5000吨生产线；设备报价单已作为附件补充。');
    await submitApplication(ent);

    // The administrator accepts it.
    await check(admin, callId, title, async (p) => {
      await p.locator('[data-testid=check-accept]').click();
    });
    await expect.poll(() => admin.locator('[data-testid=admin-applications] tr', { hasText: title }).locator('[data-testid=app-status]').getAttribute('data-status'), { timeout: 15_000 }).toBe('accepted');
    await shoot(admin, 'programme-admin-1366');
    Object.assign(accepted, { callId, title });

    // My applications at 390 px shows the accepted one.
    const mob = await demo.newPage({ width: 390, height: 844, isMobile: true });
    await demo.signIn(mob, ENTERPRISE);
    await mob.goto(`${demo.url}/applications`);
    await expect.poll(() => mob.locator('[data-testid=application-item]', { hasText: title }).locator('[data-testid=app-status]').getAttribute('data-status'), { timeout: 15_000 }).toBe('accepted');
    await shoot(mob, 'programme-mine-390');
    await mob.goto(appUrl);
    await mob.locator('[data-testid=eligibility]').waitFor();
    await shoot(mob, 'programme-application-390');
    await Promise.all([ent.context().close(), admin.context().close(), mob.context().close()]);
  });

  it('takes the accepted application on: review → funding → milestone report accepted', async () => {
    const { callId, title } = accepted;
    expect(title).not.toBe('');
    const admin = await demo.signedIn(ADMIN);

    // Review: the administrator assigns the proposed demo researcher (no conflict with the applicants).
    await admin.goto(`${demo.url}/admin/calls/${callId}/applications`);
    const row = admin.locator('[data-testid=admin-applications] tr', { hasText: title });
    await row.locator('[data-testid=open-reviewers]').click();
    const dialog = admin.locator('[data-testid=reviewers-dialog]');
    await dialog.locator('[data-testid=proposal]').first().waitFor({ timeout: 15_000 });
    await dialog.locator('[data-testid=proposal]', { hasText: RESEARCHER_NAME }).locator('.el-checkbox').click();
    await dialog.locator('[data-testid=assign-reviewers]').click();
    await expect.poll(() => dialog.locator('[data-testid=assigned-review]', { hasText: RESEARCHER_NAME }).count(), { timeout: 15_000 }).toBe(1);

    // The reviewer scores every criterion 80 and submits.
    const rev = await demo.signedIn(RESEARCHER);
    await rev.goto(`${demo.url}/reviews`);
    await rev.locator('[data-testid=review-item]', { hasText: title }).click();
    const inputs = rev.locator('[data-testid=criterion-score] input');
    await inputs.first().waitFor({ timeout: 15_000 });
    for (let i = 0; i < (await inputs.count()); i += 1) {
      await inputs.nth(i).fill('80');
      await inputs.nth(i).press('Tab');
    }
    await rev.locator('[data-testid=recommendation] .el-radio').first().click();
    await rev.locator('[data-testid=review-submit]').click();
    await confirmBox(rev);
    await expect.poll(() => rev.locator('[data-testid=review-submit]').count(), { timeout: 15_000 }).toBe(0);

    // Funding: the score is on the funding page; the administrator funds it.
    await admin.goto(`${demo.url}/admin/calls/${callId}/funding`);
    const fundRow = admin.locator('[data-testid=funding-table] tr', { hasText: title });
    await expect.poll(() => fundRow.locator('[data-testid=score-cell]').innerText(), { timeout: 15_000 }).toBe('80.0 (1/1)');
    await fundRow.locator('[data-testid=open-decision]').click();
    await admin.locator('[data-testid=decision-dialog]').waitFor();
    await admin.locator('[data-testid=confirm-decision]').click();
    const projectLink = fundRow.locator('a', { hasText: '查看项目' });
    await expect.poll(() => projectLink.count(), { timeout: 15_000 }).toBe(1);
    await shoot(admin, 'programme-chain-funding-1366');
    const projectPath = (await projectLink.getAttribute('href')) ?? '';
    expect(projectPath).toMatch(/^\/projects\/[0-9a-f]{24}$/);

    // The enterprise reports the project's first milestone; the administrator accepts the report.
    const ent = await demo.newPage({ width: 390, height: 844, isMobile: true });
    await demo.signIn(ent, ENTERPRISE);
    await ent.goto(`${demo.url}${projectPath}`);
    await expect.poll(() => ent.locator('[data-testid=project-title]').innerText(), { timeout: 15_000 }).toContain(title);
    const milestone = ent.locator('[data-testid=milestone]', { has: ent.locator('[data-testid=milestone-state]', { hasText: '待报告' }) }).first();
    const name = (await milestone.locator('strong').first().innerText()).trim();
    await milestone.locator('[data-testid=report-milestone]').click();
    const report = ent.locator('[data-testid=report-dialog]');
    await report.waitFor();
    await report.locator('textarea[data-testid=report-evidence]').fill('中试验收报告（浏览器测试，申报到里程碑全流程）');
    await report.locator('[data-testid=report-submit]').click();
    await expect.poll(() => ent.locator('[data-testid=milestone]', { hasText: name }).locator('[data-testid=milestone-state]').innerText(), { timeout: 15_000 }).toBe('已报告待验收');
    await shoot(ent, 'programme-chain-report-390');
    await admin.goto(`${demo.url}${projectPath}`);
    const toAccept = admin.locator('[data-testid=milestone]', { hasText: name });
    await toAccept.locator('[data-testid=accept-milestone]').click();
    await expect.poll(() => toAccept.locator('[data-testid=milestone-state]').innerText(), { timeout: 15_000 }).toBe('已验收');
    await Promise.all([admin.context().close(), rev.context().close(), ent.context().close()]);
  });
});
