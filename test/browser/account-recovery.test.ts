/**
 * Account recovery in Debian's Chromium against the real platform: a user who forgot the password
 * resets it with the code from the development log transport; an administrator unlocks a locked
 * account and disables another from the accounts tab.
 */
import { describe, expect, it } from 'vitest';
import { loggedCode as loggedCodeIn, shoot, useDemoPlatform } from './support';

const demo = useDemoPlatform('browser');

/** The last reset code the log transport wrote for `to`. */
const loggedCode = (to: string) => loggedCodeIn(demo.platform.output, to);

describe('account recovery in the browser', () => {
  it('resets a forgotten password with the code sent by email, then signs in with the new one', async () => {
    const page = await demo.newPage({ width: 1280 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${demo.url}/login`);
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
    await demo.signIn(page, 'researcher@demo.kezhuan.cn', 'Songhua-river-2031');
    await expect.poll(() => page.locator('[data-testid=home-role]').textContent(), { timeout: 15_000 }).toContain('科研');
    expect(errors).toEqual([]);
  });

  it('lets an administrator unlock a locked account and disable another', async () => {
    const page = await demo.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await demo.signIn(page, 'admin@demo.kezhuan.cn');
    await expect.poll(() => page.url(), { timeout: 15_000 }).not.toContain('/login');

    // Someone fails 100 times on the enterprise account (this also spends this address's hour).
    const anon = await fetch(`${demo.url}/api/auth/session`);
    const cookie = anon.headers.get('set-cookie')?.split(';')[0] ?? '';
    const { csrfToken } = (await anon.json()) as { csrfToken: string };
    for (let i = 0; i < 100; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          fetch(`${demo.url}/api/auth/login`, {
            method: 'POST',
            headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
            body: JSON.stringify({ identifier: 'enterprise@demo.kezhuan.cn', password: `Wrong-guess-${i + j}` }),
          }),
        ),
      );
    }

    await page.goto(`${demo.url}/admin/orgs`);
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
