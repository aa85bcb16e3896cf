/** Debian's Chromium driven by playwright-core (never a downloaded browser). */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_TEMPLATE_ENV, ROOT, startPlatform, type RunningPlatform } from '../support/platform';

/** The password of every demo account (`server/src/seed/demo-accounts.ts`). */
export const DEMO_PASSWORD = 'Kezhuan2026demo';

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

/** Signs `page` in through the login form; resolves once the home page greets the role. */
export async function signIn(page: Page, baseUrl: string, who: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('[data-testid=login-identifier] input').fill(who);
  await page.locator('[data-testid=login-password] input').fill(password);
  await page.locator('[data-testid=login-submit]').click();
  await expect.poll(() => page.locator('[data-testid=home-role]').count(), { timeout: 15_000 }).toBe(1);
}

/** A new page signed in through the login form; resolves once the home page greets the role. */
export async function signInPage(context: BrowserContext, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const page = await context.newPage();
  await signIn(page, baseUrl, email, password);
  return page;
}

/** The viewport's size, the locale, and any other option of the context (isMobile, acceptDownloads, …). */
export interface PageOptions extends Omit<BrowserContextOptions, 'viewport'> {
  width?: number;
  height?: number;
}

/** A page in a browser context of its own (its own cookies): zh-CN, 1366×900 unless told otherwise. */
export async function newPage(browser: Browser, { width = 1366, height = 900, locale = 'zh-CN', ...context }: PageOptions = {}): Promise<Page> {
  return (await browser.newContext({ ...context, locale, viewport: { width, height } })).newPage();
}

/** The running demo platform and browser of a test file (read them inside hooks and tests). */
export interface DemoPlatform {
  readonly platform: RunningPlatform;
  readonly browser: Browser;
  /** The platform's base URL. */
  readonly url: string;
  /** The platform's data folder: made at once, removed after the file's tests. */
  readonly dataDir: string;
  /** `newPage` in this file's browser. */
  newPage(options?: PageOptions): Promise<Page>;
  /** `signIn` on this platform. */
  signIn(page: Page, who: string, password?: string): Promise<void>;
  /** A new page (`newPage`) signed in as `who`. */
  signedIn(who: string, options?: PageOptions, password?: string): Promise<Page>;
}

/**
 * Starts the platform on a copy of the demo data (test/setup/demo-template.ts) and Debian's Chromium
 * before the file's tests, and closes both and removes the data folder after them. Call it at the top
 * of the file: its beforeAll runs before the file's own (which may then seed over the API), its
 * afterAll after the file's own (vitest's default `sequence.hooks: 'stack'`).
 */
export function useDemoPlatform(prefix: string): DemoPlatform {
  const dataDir = mkdtempSync(join(tmpdir(), `kz-${prefix}-`));
  let platform: RunningPlatform | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    // Starting takes longer than the default on a busy machine.
    platform = await startPlatform({ DATA_DIR: dataDir, ...DEMO_TEMPLATE_ENV }, 170_000);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) {
      throw new Error(`${what} is not started yet: use it inside hooks and tests`);
    }
    return value;
  };
  const demo: DemoPlatform = {
    dataDir,
    get platform() {
      return started(platform, 'the platform');
    },
    get browser() {
      return started(browser, 'the browser');
    },
    get url() {
      return started(platform, 'the platform').url;
    },
    newPage: (options) => newPage(demo.browser, options),
    signIn: (page, who, password) => signIn(page, demo.url, who, password),
    signedIn: async (who, options, password) => {
      const page = await newPage(demo.browser, options);
      await signIn(page, demo.url, who, password);
      return page;
    },
  };
  return demo;
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
