/** Steps the organisation browser tests share: registering and asking to join, the demo manager, API reads. */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD, enterRegistrationCode, signInPage } from './support';

export { DEMO_PASSWORD };
/** 吉林大学's manager among the demo accounts. */
export const JLU_MANAGER = 'researcher@demo.kezhuan.cn';

/** A GET from inside the page with its session cookie. */
export async function api(page: Page, path: string): Promise<{ status: number; body: unknown }> {
  return page.evaluate(async (p) => {
    const res = await fetch(p, { credentials: 'same-origin' });
    return { status: res.status, body: (await res.json()) as unknown };
  }, path);
}

export interface Newcomer {
  email: string;
  phone: string;
  name: string;
}

/** Fills the registration form as a researcher asking to join an existing organisation (not yet submitted). */
export async function fillRegistrationJoining(page: Page, baseUrl: string, who: Newcomer, orgName: string): Promise<void> {
  await page.goto(`${baseUrl}/register`);
  await page.locator('[data-testid=reg-role-researcher]').click();
  await page.locator('[data-testid=reg-email] input').fill(who.email);
  await page.locator('[data-testid=reg-phone] input').fill(who.phone);
  await page.locator('[data-testid=reg-password] input').fill('Jilin-research-2026');
  await page.locator('[data-testid=reg-name] input').fill(who.name);
  await page.locator('[data-testid=reg-org-existing]').click();
  await page.locator('[data-testid=reg-org-search]').click();
  await page.keyboard.type(orgName);
  await page.locator('[data-testid=reg-org-option]', { hasText: orgName }).first().click();
}

/**
 * Submits the filled registration form, types the code the log transport mailed to `email` (the
 * platform's `output`) and resolves once the banner says the request waits on the managers.
 */
export async function submitRegistration(page: Page, output: readonly string[], email: string): Promise<void> {
  await page.locator('[data-testid=reg-submit]').click();
  await enterRegistrationCode(page, output, email);
  await expect.poll(() => page.locator('[data-testid=membership-banner]').textContent(), { timeout: 15_000 }).toContain('等待该机构管理员批准');
}

/** 吉林大学's manager approves `name`'s request on "my organisation". */
export async function approveAsManager(manager: Page, baseUrl: string, name: string): Promise<void> {
  await manager.goto(`${baseUrl}/org`);
  await expect.poll(() => manager.locator('[data-testid=org-pending]').textContent(), { timeout: 20_000 }).toContain(name);
  await manager.locator('[data-testid=org-pending] tr', { hasText: name }).locator('[data-testid=member-approve]').click();
  await expect.poll(() => manager.locator('[data-testid=org-members]').textContent(), { timeout: 20_000 }).toContain(name);
}

/** A zh-CN desktop context with the demo manager of 吉林大学 signed in. */
export async function jluManager(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  return signInPage(context, baseUrl, JLU_MANAGER, DEMO_PASSWORD);
}
