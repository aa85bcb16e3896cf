/**
 * Expert review in the browser (issue 15): the administrator opens the reviewers dialog of the
 * current call's accepted application, assigns the proposed demo researcher (conflicts greyed), the
 * researcher scores it from his workbench (weighted total live) and submits, and the administrator
 * sees the score in the call's ranking. Screenshots at 1366 and 390 px.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { ADMIN, DEMO_PASSWORD, TERM } from './pairing-helpers';
import { launchBrowser, shoot } from './support';

const RESEARCHER = 'researcher@demo.kezhuan.cn';
const RESEARCHER_NAME = '李明';
let platform: RunningPlatform;
let browser: Browser;
const dataDir = mkdtempSync(join(tmpdir(), 'kz-review-'));

beforeAll(async () => {
  platform = await startPlatform({ DATA_DIR: dataDir, SEED_DEMO: 'true', MEILI_BIN: '/nonexistent' }, 170_000);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page, who: string): Promise<void> {
  await page.goto(`${platform.url}/login`);
  await page.locator('[data-testid=login-identifier] input').fill(who);
  await page.locator('[data-testid=login-password] input').fill(DEMO_PASSWORD);
  await page.locator('[data-testid=login-submit]').click();
  await expect.poll(() => page.locator('[data-testid=home-role]').count(), { timeout: 15_000 }).toBe(1);
}

describe('expert review', () => {
  it('goes assign a proposed reviewer → reviewer scores and submits → the score is in the ranking', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const admin = await ctx.newPage();
    await signIn(admin, ADMIN);
    const calls = (await (await admin.request.get(`${platform.url}/api/calls?year=${TERM}`)).json()) as { items: { id: string; status: string }[] };
    const callId = calls.items.find((c) => c.status === 'published')!.id;

    await admin.goto(`${platform.url}/admin/calls/${callId}/applications`);
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
    const rctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true });
    const rev = await rctx.newPage();
    await signIn(rev, RESEARCHER);
    await rev.goto(`${platform.url}/reviews`);
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
    await admin.goto(`${platform.url}/admin/calls/${callId}/applications`);
    await admin.locator('.el-tabs__item', { hasText: '评分排名' }).click();
    const ranked = admin.locator('[data-testid=ranking] tr', { hasText: title });
    await expect.poll(() => ranked.locator('[data-testid=ranking-mean]').innerText(), { timeout: 15_000 }).toBe('80');
    await shoot(admin, 'programme-review-ranking-1366');
    await Promise.all([ctx.close(), rctx.close()]);
  });
});
