/**
 * Account recovery in Debian's Chromium against the real platform: a user who forgot the password
 * resets it with the code from the development log transport; an administrator unlocks a locked
 * account and disables another from the accounts tab.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { launchBrowser, loggedCode as loggedCodeIn, shoot } from './support';

const DEMO_PASSWORD = 'Kezhuan2026demo';
let platform: RunningPlatform;
let browser: Browser;
const dataDir = mkdtempSync(join(tmpdir(), 'kz-browser-'));

beforeAll(async () => {
  platform = await startPlatform({ DATA_DIR: dataDir, SEED_DEMO: 'true', MEILI_BIN: '/nonexistent' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The last reset code the log transport wrote for `to`. */
const loggedCode = (to: string) => loggedCodeIn(platform.output, to);

async function login(page: Page, identifier: string, password: string): Promise<void> {
  await page.goto(`${platform.url}/login`);
  await page.locator('[data-testid=login-identifier] input').fill(identifier);
  await page.locator('[data-testid=login-password] input').fill(password);
  await page.locator('[data-testid=login-submit]').click();
}

describe('account recovery in the browser', () => {
  it('resets a forgotten password with the code sent by email, then signs in with the new one', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${platform.url}/login`);
    await page.locator('[data-testid=login-identifier] input').fill('researcher@demo.kezhuan.cn');
    await page.locator('[data-testid=login-forgot]').click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toContain('找回密码');
    expect(await page.locator('[data-testid=reset-identifier] input').inputValue()).toBe('researcher@demo.kezhuan.cn');
    await page.locator('[data-testid=reset-submit]').click();
    await expect.poll(() => page.locator('[data-testid=reset-sent]').textContent(), { timeout: 15_000 }).toContain('验证码已发送');
    await expect.poll(() => loggedCode('researcher@demo.kezhuan.cn'), { timeout: 15_000 }).toMatch(/^\d{6}$/);
    await page.locator('[data-testid=reset-code] input').fill(loggedCode('researcher@demo.kezhuan.cn') ?? '');
    await page.locator('[data-testid=reset-password] input').fill('password12');
    await page.locator('[data-testid=reset-submit]').click();
    await expect.poll(() => page.locator('body').textContent(), { timeout: 15_000 }).toContain('密码太常见');
    await shoot(page, 'account-01-reset-common-password');
    await page.locator('[data-testid=reset-password] input').fill('Songhua-river-2031');
    await page.locator('[data-testid=reset-submit]').click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('/login');
    await shoot(page, 'account-02-reset-done');
    await login(page, 'researcher@demo.kezhuan.cn', 'Songhua-river-2031');
    await expect.poll(() => page.locator('[data-testid=home-role]').textContent(), { timeout: 15_000 }).toContain('科研');
    expect(errors).toEqual([]);
  });

  it('lets an administrator unlock a locked account and disable another', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page, 'admin@demo.kezhuan.cn', DEMO_PASSWORD);
    await expect.poll(() => page.url(), { timeout: 15_000 }).not.toContain('/login');

    // Someone fails 100 times on the enterprise account (this also spends this address's hour).
    const anon = await fetch(`${platform.url}/api/auth/session`);
    const cookie = anon.headers.get('set-cookie')?.split(';')[0] ?? '';
    const { csrfToken } = (await anon.json()) as { csrfToken: string };
    for (let i = 0; i < 100; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          fetch(`${platform.url}/api/auth/login`, {
            method: 'POST',
            headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
            body: JSON.stringify({ identifier: 'enterprise@demo.kezhuan.cn', password: `Wrong-guess-${i + j}` }),
          }),
        ),
      );
    }

    await page.goto(`${platform.url}/admin/orgs`);
    await page.locator('[data-testid=admin-tab-users]').click();
    await page.getByLabel('邮箱 / 手机号 / 姓名').fill('enterprise@demo');
    await page.locator('[data-testid=admin-users-search]').click();
    await expect.poll(() => page.locator('[data-testid=user-state-locked]').count(), { timeout: 15_000 }).toBe(1);
    await shoot(page, 'account-03-admin-locked');
    await page.locator('[data-testid=user-unlock]').click();
    await expect.poll(() => page.locator('[data-testid=user-state-locked]').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.locator('[data-testid=admin-users-table]').textContent(), { timeout: 15_000 }).toContain('正常');

    await page.locator('[data-testid=user-disable]').click();
    await expect.poll(() => page.locator('.el-message-box').textContent(), { timeout: 15_000 }).toContain('无法登录');
    await shoot(page, 'account-04-admin-disable-confirm');
    await page.locator('.el-message-box .el-button--primary').click();
    await expect.poll(() => page.locator('[data-testid=user-state-disabled]').count(), { timeout: 15_000 }).toBe(1);
    await shoot(page, 'account-05-admin-disabled');

    await page.locator('[data-testid=admin-tab-audit]').click();
    await expect.poll(() => page.locator('body').textContent(), { timeout: 15_000 }).toContain('停用账号');
    await expect.poll(() => page.locator('body').textContent(), { timeout: 15_000 }).toContain('解锁账号');
    expect(errors).toEqual([]);
  });
});
