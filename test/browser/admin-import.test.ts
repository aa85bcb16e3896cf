/**
 * Bulk import in the browser: the administrator opens the import page, downloads the CSV template
 * of research results, uploads a file built from it with one bad row (sees the row and the message,
 * nothing is imported), then a valid file with "publish directly" on (sees it reach done with the
 * count), and finds an imported title on the search page.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiSession, type ApiSession } from '../support/api';
import { DEMO_PASSWORD, navTo, shoot, useDemoPlatform } from './support';

const EXAMPLE_TITLE = '玉米秸秆制备聚乳酸关键技术（示例）';
const TITLES = { rejected: '长白山蓝莓花青素低温提取工艺', first: '人参皂苷定向转化酶制剂', second: '黑土地秸秆覆盖还田免耕播种机具' };
let admin: ApiSession;
let universityUscc: string;
const demo = useDemoPlatform('import');

beforeAll(async () => {
  admin = await apiSession(demo.url, 'admin@demo.kezhuan.cn', DEMO_PASSWORD);
  // Imported results belong to a registered university: one of the demo organisations.
  const orgs = (await admin.get('/api/orgs?type=university&pageSize=1')).body as { items: { uscc: string }[] };
  universityUscc = orgs.items[0]!.uscc;
});

/** The template's example row, made a row of ours: our university, our title, and any other change. */
function rowFrom(example: string, title: string, replace: [from: string, to: string][] = []): string {
  let row = example.replace(/^[^,]*/, universityUscc).replace(EXAMPLE_TITLE, title);
  for (const [from, to] of replace) {
    expect(row).toContain(from);
    row = row.replace(from, to);
  }
  return row;
}

async function upload(page: Page, name: string, text: string): Promise<void> {
  await page.locator('[data-testid=import-upload] input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

const progress = (page: Page) => page.locator('[data-testid=import-progress]');

/** A screenshot once the progress bar (0.6 s) and the table's loading mask have finished animating. */
async function still(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(800);
  await shoot(page, name);
}

describe('bulk import of research results', () => {
  it('shows the bad row and imports nothing, then imports a valid file that becomes searchable', async () => {
    const page = await demo.newPage({ width: 1280, height: 1000, acceptDownloads: true });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await demo.signIn(page, 'admin@demo.kezhuan.cn');

    await navTo(page, 'nav-admin-imports');
    await expect.poll(() => page.url()).toMatch(/\/admin\/imports$/);
    await expect.poll(() => page.locator('[data-testid=import-history]').textContent()).toContain('还没有导入记录');
    await expect.poll(() => page.locator('.el-message').count(), { timeout: 10_000 }).toBe(0); // the sign-in toast, over the menu
    await shoot(page, '20-import-page');

    // The template, as the administrator downloads it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=import-template-csv]').click()]);
    expect(download.suggestedFilename()).toBe('科技成果导入模板.csv');
    const [header, example] = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(header).toContain('成果名称');
    expect(example).toContain(EXAMPLE_TITLE);

    // A file the browser refuses, and one the server refuses: both say why, in Chinese.
    await upload(page, '说明.txt', 'x');
    await expect.poll(() => page.locator('[data-testid=import-upload-error]').textContent()).toContain('无法识别“说明.txt”的格式');
    await upload(page, '成果.xlsx', `${header}\r\n${example}\r\n`);
    await expect.poll(() => page.locator('[data-testid=import-upload-error]').textContent()).toContain('文件不是 XLSX 工作簿');

    // One good row and one with a city outside Jilin, to be published directly: the file fails as a whole.
    await page.locator('[data-testid=import-publish]').click();
    const bad = [header, rowFrom(example!, TITLES.rejected), rowFrom(example!, TITLES.first, [['长春市', '火星市']]), ''].join('\r\n');
    await upload(page, '成果-有误.csv', bad);
    await expect.poll(() => progress(page).locator('[data-testid=import-status-failed]').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('[data-testid=import-upload-error]').count()).toBe(0);
    const jobs = (await admin.get('/api/admin/imports?pageSize=1')).body as { items: { id: string }[] };
    const detail = (await admin.get(`/api/admin/imports/${jobs.items[0]!.id}`)).body as { committed: number; errors: { row: number; field: string; message: string; messageEn: string }[] };
    expect(detail.committed).toBe(0);
    expect(detail.errors.map((e) => [e.row, e.field])).toEqual([[3, '所在市']]);
    await expect.poll(() => page.locator('[data-testid=import-error-row]').allTextContents()).toEqual(['3']);
    expect(await page.locator('[data-testid=import-error-message]').allTextContents()).toEqual([detail.errors[0]!.message]);
    expect(await page.locator('[data-testid=import-errors-table]').textContent()).toContain('所在市');
    expect(await progress(page).locator('[data-testid=import-count-committed]').textContent()).toContain('0');
    expect(await progress(page).locator('[data-testid=import-count-invalid]').textContent()).toContain('1');
    expect(await page.locator('[data-testid=import-errors-download]').getAttribute('href')).toBe(`/api/admin/imports/${jobs.items[0]!.id}/errors.csv`);
    await still(page, '21-import-errors');

    // The valid file, published directly (the switch is still on).
    const good = [header, rowFrom(example!, TITLES.first), rowFrom(example!, TITLES.second), ''].join('\r\n');
    await upload(page, '成果-第一批.csv', good);
    await expect.poll(() => progress(page).locator('[data-testid=import-status-done]').count(), { timeout: 30_000 }).toBe(1);
    expect(await progress(page).locator('[data-testid=import-job-file]').textContent()).toBe('成果-第一批.csv');
    expect(await page.locator('[data-testid=import-phase]').textContent()).toContain('导入完成：已导入 2 条科技成果');
    expect(await progress(page).locator('[data-testid=import-count-committed]').textContent()).toContain('2');
    expect(await page.locator('[data-testid=import-progress-bar]').getAttribute('aria-valuenow')).toBe('100');
    expect(await page.locator('[data-testid=import-errors]').count()).toBe(0);
    const history = page.locator('[data-testid=import-history] .el-table__body tr');
    await expect.poll(() => history.count()).toBe(2);
    expect(await history.first().textContent()).toContain('成果-第一批.csv');
    await still(page, '22-import-done');

    // Clicking the failed job in the history shows its problems again.
    await history.nth(1).click();
    await expect.poll(() => page.locator('[data-testid=import-error-row]').allTextContents(), { timeout: 10_000 }).toEqual(['3']);
    // The same problems in English.
    await page.locator('[data-testid=lang-switch]').click();
    await expect.poll(() => page.locator('[data-testid=import-error-message]').allTextContents()).toEqual([detail.errors[0]!.messageEn]);
    expect(await page.locator('[data-testid=import-errors-table]').textContent()).toContain('City');
    await shoot(page, '22-import-errors-en');
    await page.locator('[data-testid=lang-switch]').click();

    // Published at once: findable on the search page once the index has caught up.
    await expect
      .poll(
        async () => {
          await page.goto(`${demo.url}/search/results?q=${encodeURIComponent('人参皂苷')}`);
          await page.locator('[data-testid=search-total]').filter({ hasText: /\d/ }).waitFor({ timeout: 10_000 });
          return page.locator('[data-testid=search-hit-title]').allTextContents();
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toContain(TITLES.first);
    await shoot(page, '23-import-searchable');
    // The good row of the rejected file was not published with it (nor imported at all: committed 0 above).
    const rejected = (await (await fetch(`${demo.url}/api/search/results?q=${encodeURIComponent(TITLES.rejected)}`)).json()) as { hits: { title: string }[] };
    expect(rejected.hits.map((h) => h.title)).not.toContain(TITLES.rejected);
    expect(pageErrors).toEqual([]);
  });
});

describe('bulk import of the 双千 lists', () => {
  it('offers commissioners and service requests; the templates import as they are on the demo data', async () => {
    const page = await demo.newPage({ width: 390, acceptDownloads: true });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await demo.signIn(page, 'admin@demo.kezhuan.cn');
    await page.goto(`${demo.url}/admin/imports`);
    for (const [kind, label, file, what] of [
      ['commissioners', '科技特派员', '科技特派员导入模板.csv', '科技特派员'],
      ['serviceRequests', '企业服务需求', '企业服务需求导入模板.csv', '企业服务需求'],
    ] as const) {
      await page.locator(`[data-testid=import-kind-${kind}]`).click();
      expect(await page.locator(`[data-testid=import-kind-${kind}]`).textContent()).toContain(label);
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=import-template-csv]').click()]);
      expect(download.suggestedFilename()).toBe(file);
      if (kind === 'commissioners') {
        await page.locator('[data-testid=import-publish]').click();
        await expect.poll(() => page.locator('.el-message').count(), { timeout: 10_000 }).toBe(0);
        await shoot(page, '24-import-commissioners-390');
      }
      await upload(page, file, readFileSync((await download.path())!, 'utf8'));
      await expect.poll(() => page.locator('[data-testid=import-phase]').textContent(), { timeout: 30_000 }).toContain(`导入完成：已导入 1 条${what}`);
    }
    await still(page, '25-import-requests-done-390');
    expect(pageErrors).toEqual([]);
  });
});
