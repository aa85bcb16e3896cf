/**
 * An empty search in the browser: a typo finds nothing, the page says so truthfully (no filters were
 * set, so it does not blame them), offers "您是不是要找：碳纤维" from the index's own vocabulary,
 * says what the other tab has, keeps export and save off, and the suggestion leads to hits.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { shoot, useDemoPlatform } from './support';

const demo = useDemoPlatform('search');

beforeAll(async () => {
  // The demo needs include 碳纤维 (吉林化纤); wait until the index has them.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const found = (await (await fetch(`${demo.url}/api/search/needs?q=${encodeURIComponent('碳纤维')}`)).json()) as { total: number };
    if (found.total > 0) {
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
});

describe('empty search results', () => {
  it('suggests the word the index knows, counts the other tab, and disables export and save', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1280, height: 900 } });
    // 碳纤堆: neither a word nor a homophone of one.
    await page.goto(`${demo.url}/search/needs?q=${encodeURIComponent('碳纤堆')}`);
    const empty = page.getByTestId('search-empty');
    await empty.waitFor();
    expect(await empty.innerText()).toContain('没有找到与“碳纤堆”匹配的需求');
    expect(await empty.innerText()).not.toContain('筛选');
    await expect.poll(async () => (await page.getByTestId('search-suggestion').textContent())?.replace(/\s+/g, '')).toContain('您是不是要找：碳纤维');
    expect(await page.getByTestId('search-other').innerText()).toContain('都没有找到');
    expect(await page.getByTestId('search-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('export-xlsx').getAttribute('href')).toBeNull();
    await shoot(page, 'search-empty-suggestion');

    await page.getByTestId('search-suggestion').locator('.el-link').click();
    await page.waitForURL(/q=%E7%A2%B3%E7%BA%A4%E7%BB%B4/);
    await page.locator('.kz-hits li').first().waitFor();
    expect(await page.getByTestId('search-save').isDisabled()).toBe(false);
    expect(await page.getByTestId('export-xlsx').getAttribute('href')).toContain('/api/search/needs/export');

    // 镀层 (connector plating) is among the demo needs, not the results: the results tab says where to look.
    await page.goto(`${demo.url}/search/results?q=${encodeURIComponent('镀层')}`);
    await page.getByTestId('search-empty').waitFor();
    const other = page.getByTestId('search-other');
    expect(await other.innerText()).toMatch(/“找需求”中有 \d+ 条结果/);
    await shoot(page, 'search-empty-other-tab');
    await other.locator('.el-link').click();
    await page.waitForURL(/\/search\/needs/);
    await page.locator('.kz-hits li').first().waitFor();
    await page.close();
  });
});
