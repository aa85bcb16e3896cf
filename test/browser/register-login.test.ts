/**
 * A newcomer registers as an enterprise with a new organisation, lands on the enterprise home page,
 * logs out and logs in again with the mobile number — in Debian's Chromium, against the real platform.
 */
import { describe, expect, it } from 'vitest';
import { loggedCode, shoot, useDemoPlatform } from './support';

const demo = useDemoPlatform('browser');

describe('registration and login in the browser', () => {
  it('registers an enterprise user with a new organisation, then logs out and in by mobile number', async () => {
    const page = await demo.newPage({ width: 1280 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${demo.url}/`);
    await expect.poll(() => page.title()).toContain('科转');
    await shoot(page, '01-landing');

    await page.goto(`${demo.url}/register`);
    await page.locator('[data-testid=reg-role-enterprise]').click();
    await page.locator('[data-testid=reg-email] input').fill('liu.gong@changchun-xcl.cn');
    await page.locator('[data-testid=reg-phone] input').fill('13843112345');
    await page.locator('[data-testid=reg-password] input').fill('Jilin-research-2026');
    await page.locator('[data-testid=reg-name] input').fill('刘工');
    await page.locator('[data-testid=reg-org-new]').click();
    await page.locator('[data-testid=reg-org-name] input').fill('长春新材料科技有限公司');
    await page.locator('[data-testid=reg-org-uscc] input').fill('91220100MA0000001L');
    await page.locator('[data-testid=reg-org-city]').click();
    await page.getByRole('option', { name: '长春市' }).click();
    await shoot(page, '02-register-filled');
    await page.locator('[data-testid=reg-submit]').click();

    // Step 2: the code mailed to the address (the development log transport); nothing exists before it.
    await expect.poll(() => page.locator('[data-testid=reg-code-sent]').textContent(), { timeout: 15_000 }).toContain('liu.gong@changchun-xcl.cn');
    await expect.poll(() => loggedCode(demo.platform.output, 'liu.gong@changchun-xcl.cn'), { timeout: 15_000 }).toMatch(/^\d{6}$/);
    expect(await page.locator('[data-testid=reg-resend]').isDisabled()).toBe(true); // cooling down
    expect(await page.locator('[data-testid=reg-resend]').textContent()).toMatch(/\d+ 秒后可重新发送/);
    const code = loggedCode(demo.platform.output, 'liu.gong@changchun-xcl.cn') ?? '';
    await page.locator('[data-testid=reg-code] input').fill(code === '000000' ? '000001' : '000000');
    await page.locator('[data-testid=reg-submit]').click();
    await expect.poll(() => page.locator('body').textContent(), { timeout: 15_000 }).toContain('验证码不正确或已过期');
    await shoot(page, '02b-register-code');
    await page.locator('[data-testid=reg-code] input').fill(code);
    await page.locator('[data-testid=reg-submit]').click();

    await expect.poll(() => page.locator('[data-testid=home-role]').textContent(), { timeout: 15_000 }).toContain('企业');
    await expect.poll(() => page.locator('body').textContent()).toContain('刘工');
    await shoot(page, '03-enterprise-home');

    await page.locator('[data-testid=nav-logout]').click();
    await page.goto(`${demo.url}/login`);
    await page.locator('[data-testid=login-identifier] input').fill('13843112345');
    await page.locator('[data-testid=login-password] input').fill('Jilin-research-2026');
    await page.locator('[data-testid=login-submit]').click();
    await expect.poll(() => page.locator('[data-testid=home-role]').textContent(), { timeout: 15_000 }).toContain('企业');

    await page.locator('[data-testid=lang-switch]').click();
    await expect.poll(() => page.locator('[data-testid=home-role]').textContent()).toMatch(/Enterprise/i);
    await shoot(page, '04-enterprise-home-en');
    expect(errors).toEqual([]);
  });

  it('answers a registered email like a free one: the same "code sent", and its owner gets a notice instead of a code', async () => {
    const page = await demo.newPage({ width: 1280 });
    await page.goto(`${demo.url}/register`);
    await page.locator('[data-testid=reg-role-enterprise]').click();
    await page.locator('[data-testid=reg-email] input').fill('enterprise@demo.kezhuan.cn');
    await page.locator('[data-testid=reg-phone] input').fill('13843100999');
    await page.locator('[data-testid=reg-password] input').fill('Jilin-research-2026');
    await page.locator('[data-testid=reg-name] input').fill('冒名者');
    await page.locator('[data-testid=reg-org-new]').click();
    await page.locator('[data-testid=reg-org-name] input').fill('长春冒名科技有限公司');
    await page.locator('[data-testid=reg-org-uscc] input').fill('91220100MA0000002P');
    await page.locator('[data-testid=reg-org-city]').click();
    await page.getByRole('option', { name: '长春市' }).click();
    await page.locator('[data-testid=reg-submit]').click();
    await expect.poll(() => page.locator('[data-testid=reg-code-sent]').textContent(), { timeout: 15_000 }).toContain('enterprise@demo.kezhuan.cn');
    await expect
      .poll(() => demo.platform.output.filter((l) => l.includes('log-mail') && l.includes('enterprise@demo.kezhuan.cn')).join('\n'), { timeout: 15_000 })
      .toContain('有人尝试用您的邮箱注册');
    expect(loggedCode(demo.platform.output, 'enterprise@demo.kezhuan.cn')).toBeUndefined();
  });

  it('shows server field errors inline in Chinese', async () => {
    const page = await demo.browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${demo.url}/login`);
    await page.locator('[data-testid=login-identifier] input').fill('enterprise@demo.kezhuan.cn');
    await page.locator('[data-testid=login-password] input').fill('wrong-password-1');
    await page.locator('[data-testid=login-submit]').click();
    await expect.poll(() => page.locator('body').textContent()).toContain('账号或密码错误');
    await shoot(page, '05-login-error');
  });
});
