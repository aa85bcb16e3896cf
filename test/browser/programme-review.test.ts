/**
 * Expert review in the browser (issue 15): the administrator opens the reviewers dialog of the
 * current call's accepted application, assigns the proposed demo researcher (conflicts greyed), the
 * researcher scores it from his workbench (weighted total live) and submits, and the administrator
 * sees the score in the call's ranking. Screenshots at 1366 and 390 px.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, TERM } from './pairing-helpers';
import { shoot, useDemoPlatform } from './support';

const RESEARCHER = 'researcher@demo.kezhuan.cn';
const RESEARCHER_NAME = '李明';
const demo = useDemoPlatform('review');

describe('expert review', () => {
  it('goes assign a proposed reviewer → reviewer scores and submits → the score is in the ranking', async () => {
    const admin = await demo.signedIn(ADMIN);
    const calls = (await (await admin.request.get(`${demo.url}/api/calls?year=${TERM}`)).json()) as { items: { id: string; status: string }[] };
    const callId = calls.items.find((c) => c.status === 'published')!.id;

    await admin.goto(`${demo.url}/admin/calls/${callId}/applications`);
    const row = admin.locator('[data-testid=admin-applications] tr', { has: admin.locator('[data-testid=app-status][data-status=accepted]') }).first();
    await row.waitFor({ timeout: 15_000 });
    const title = (await row.locator('td').first().innerText()).trim();
    await row.locator('[data-testid=open-reviewers]').click();
    const dialog = admin.locator('[data-testid=reviewers-dialog]');
    await dialog.locator('[data-testid=proposal]').first().waitFor({ timeout: 15_000 });
    const proposal = dialog.locator('[data-testid=proposal]', { hasText: RESEARCHER_NAME });
    await proposal.locator('.el-checkbox').click();
    await shoot(admin, 'programme-review-assign-1366');
    await dialog.locator('[data-testid=assign-reviewers]').click();
    await expect.poll(() => dialog.locator('[data-testid=assigned-review]', { hasText: RESEARCHER_NAME }).count(), { timeout: 15_000 }).toBe(1);

    // The researcher scores it from his workbench.
    const rev = await demo.newPage({ width: 390, height: 844, isMobile: true });
    await demo.signIn(rev, RESEARCHER);
    await rev.goto(`${demo.url}/reviews`);
    await rev.locator('[data-testid=review-item]', { hasText: title }).filter({ hasText: '待评审' }).filter({ hasText: `${TERM} ·` }).click();
    const inputs = rev.locator('[data-testid=criterion-score] input');
    await inputs.first().waitFor({ timeout: 15_000 });
    for (let i = 0; i < (await inputs.count()); i += 1) {
      await inputs.nth(i).fill('80');
      await inputs.nth(i).press('Tab');
    }
    await expect.poll(() => rev.locator('[data-testid=weighted-total]').innerText()).toContain('80');
    await rev.locator('[data-testid=recommendation] .el-radio').first().click();
    await shoot(rev, 'programme-review-score-390');
    await rev.locator('[data-testid=review-submit]').click();
    await rev.locator('.el-message-box .el-button--primary').click();
    await expect.poll(() => rev.locator('[data-testid=review-submit]').count(), { timeout: 15_000 }).toBe(0);

    // The administrator sees it in the ranking.
    await admin.goto(`${demo.url}/admin/calls/${callId}/applications`);
    await admin.locator('.el-tabs__item', { hasText: '评分排名' }).click();
    const ranked = admin.locator('[data-testid=ranking] tr', { hasText: title });
    await expect.poll(() => ranked.locator('[data-testid=ranking-mean]').innerText(), { timeout: 15_000 }).toBe('80');
    await shoot(admin, 'programme-review-ranking-1366');
    await Promise.all([admin.context().close(), rev.context().close()]);
  });
});
