/** Debian's Chromium driven by playwright-core (never a downloaded browser). */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from '../support/platform';

export const SCREENSHOTS = resolve(ROOT, 'test-results/screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page screenshot under test-results/screenshots/ (look at them). */
export async function shoot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = resolve(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A new page signed in through the login form; resolves once the home page greets the role. */
export async function signInPage(context: BrowserContext, baseUrl: string, email: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.locator('[data-testid=login-identifier] input').fill(email);
  await page.locator('[data-testid=login-password] input').fill(password);
  await page.locator('[data-testid=login-submit]').click();
  await expect.poll(() => page.locator('[data-testid=home-role]').count(), { timeout: 15_000 }).toBe(1);
  return page;
}

/** The last 6-digit code the development log transport mailed to `to` (reset, registration). */
export function loggedCode(output: readonly string[], to: string): string | undefined {
  const line = output.filter((l) => l.includes('log-mail') && l.includes(to)).at(-1);
  return line ? /验证码是 (\d{6})/.exec(line)?.[1] : undefined;
}

/**
 * Registration's second step on the register page: after the filled form was submitted, waits for
 * "code sent", types the code the log transport mailed to `email` and creates the account.
 */
export async function enterRegistrationCode(page: Page, output: readonly string[], email: string): Promise<void> {
  await expect.poll(() => page.locator('[data-testid=reg-code-sent]').count(), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => loggedCode(output, email), { timeout: 15_000 }).toMatch(/^\d{6}$/);
  await page.locator('[data-testid=reg-code] input').fill(loggedCode(output, email) ?? '');
  await page.locator('[data-testid=reg-submit]').click();
}

/**
 * Opens a header entry by its test id: on the bar, or in the group (资源服务, 数据, 我的, 管理) that holds
 * it; on a phone through the menu and its section.
 */
export async function navTo(page: Page, testid: string): Promise<void> {
  const phoneMenu = page.locator('[data-testid=nav-menu]');
  if (await phoneMenu.isVisible()) {
    await phoneMenu.click();
    const link = page.locator(`[data-testid=m-${testid}]`);
    await page.locator('.kz-phone-nav').waitFor();
    if (!(await link.isVisible())) {
      await page.locator('.kz-phone-nav__list > li', { has: link }).locator('button.kz-phone-nav__section').click();
    }
    await link.click();
    return;
  }
  const entry = page.locator(`.kz-header [data-testid=${testid}]`);
  if (!(await entry.isVisible())) {
    // `has` looks inside each group: the entry's own selector, without the header around it.
    await page.locator('.kz-header .kz-nav-group', { has: page.locator(`[data-testid=${testid}]`) }).locator('button.kz-nav-link').click();
  }
  await entry.click();
}
