/**
 * Financing in the browser: the demo enterprise sees the products that fit its published need in the
 * need page's 融资方案 block (with the reasons), opens one of the demo bank's and applies linked to the
 * need; the demo financier finds it in his inbox and approves it with terms; the enterprise sees the
 * answer in the thread. Screenshots at 1366 and 390 px.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from '../support/api';
import { DEMO_PASSWORD, SCREENSHOTS, shoot, useDemoPlatform } from './support';

const BANK = '吉林银行长春科技支行（示范）';
let needId = '';
let productTitle = '';
const demo = useDemoPlatform('financing');

interface Fit { items: { fits: boolean; product: { title: string; org: { name: string } } }[] }

beforeAll(async () => {
  // A published need of the demo enterprise for which one of the demo bank's products is among the first five shown.
  const enterprise = await apiSession(demo.url, 'enterprise@demo.kezhuan.cn', DEMO_PASSWORD);
  const needs = (await enterprise.get('/api/me/needs?status=published&pageSize=50')).body as { items: { id: string }[] };
  for (const n of needs.items) {
    const fit = (await enterprise.get(`/api/financing/fit?subject=need&id=${n.id}`)).body as Fit;
    const hit = fit.items.slice(0, 5).find((i) => i.fits && i.product.org.name === BANK);
    if (hit) {
      needId = n.id;
      productTitle = hit.product.title;
      break;
    }
  }
}, 240_000);

const visible = (page: Page, testid: string) => expect.poll(() => page.locator(`[data-testid=${testid}]`).count(), { timeout: 15_000 }).toBeGreaterThan(0);

describe('financing in the browser', () => {
  it('an enterprise finds fitting products on its need page and applies; the financier approves; the enterprise sees the answer', async () => {
    expect(needId, 'a demo need with a fitting product of the demo bank').not.toBe('');
    const ent = await demo.signedIn('enterprise@demo.kezhuan.cn');
    await ent.goto(`${demo.url}/needs/${needId}`);
    await visible(ent, 'fin-fit-item');
    const row = ent.locator('[data-testid=fin-fit-item]').filter({ hasText: productTitle }).first();
    expect(await row.locator('[data-testid=fin-fit-verdict]').textContent()).toContain('符合条件');
    expect(await row.locator('[data-testid=fin-fit-reason]').count()).toBeGreaterThan(0);
    await row.scrollIntoViewIfNeeded();
    await shoot(ent, 'financing-need-fit-1366');
    await ent.locator('[data-testid=fin-fit]').screenshot({ path: join(SCREENSHOTS, 'financing-need-fit-panel-1366.png') });
    await row.locator('[data-testid=fin-fit-product]').click();

    // The product page: conditions, and the form with the need linked.
    await visible(ent, 'fin-apply-form');
    expect(await ent.locator('[data-testid=fin-prod-title]').textContent()).toBe(productTitle);
    expect(await ent.locator('[data-testid=fin-apply-link]').textContent()).toContain('我的需求');
    await ent.locator('[data-testid=fin-apply-amount] input').fill('1000000');
    await ent.locator('[data-testid=fin-apply-purpose]').fill('电池包壳体一体化压铸中试线设备和模具采购');
    await shoot(ent, 'financing-apply-1366');
    await ent.locator('[data-testid=fin-apply-submit]').click();
    await expect.poll(() => ent.url(), { timeout: 15_000 }).toMatch(/\/financing\/applications\/[0-9a-f]{24}$/);
    const appPath = new URL(ent.url()).pathname;
    await expect.poll(() => ent.locator('[data-testid=fin-app-status]').textContent(), { timeout: 15_000 }).toBe('已提交');
    // The enterprise attaches its business plan (checked by content on the server).
    await ent.locator('[data-testid=fin-file-input]').setInputFiles({ name: '商业计划书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
    await expect.poll(() => ent.locator('[data-testid=fin-app-file]').count(), { timeout: 15_000 }).toBe(1);
    await ent.locator('[data-testid=fin-app-files]').screenshot({ path: join(SCREENSHOTS, 'financing-files-1366.png') });

    // The financier answers from his inbox: approve with terms.
    const fin = await demo.signedIn('finance@demo.kezhuan.cn');
    await fin.goto(`${demo.url}/financing/inbox`);
    await visible(fin, 'fin-apps-item');
    await fin.locator(`[data-testid=fin-apps-item] a[href="${appPath}"]`).click();
    await visible(fin, 'fin-answer-form');
    expect(await fin.locator('[data-testid=fin-app-file]').textContent()).toContain('商业计划书.pdf');
    await fin.locator('[data-testid=fin-answer-approve]').click();
    await fin.locator('[data-testid=fin-answer-amount] input').fill('800000');
    await fin.locator('[data-testid=fin-answer-rate]').fill('LPR+30BP');
    await fin.locator('[data-testid=fin-answer-note]').fill('经审核同意授信，请携带材料到支行办理');
    await shoot(fin, 'financing-answer-1366');
    await fin.locator('[data-testid=fin-answer-send]').click();
    await expect.poll(() => fin.locator('[data-testid=fin-app-status]').textContent(), { timeout: 15_000 }).toBe('已批准');

    // The enterprise sees the answer and the terms (at 390 px too).
    await ent.reload();
    await expect.poll(() => ent.locator('[data-testid=fin-app-status]').textContent(), { timeout: 15_000 }).toBe('已批准');
    expect(await ent.locator('[data-testid=fin-app-terms]').textContent()).toContain('80万元，12 个月，LPR+30BP');
    expect(await ent.locator('[data-testid=fin-app-step-note]').allTextContents()).toContain('经审核同意授信，请携带材料到支行办理');
    await shoot(ent, 'financing-answered-1366');
    const phone = await demo.signedIn('enterprise@demo.kezhuan.cn', { width: 390 });
    await phone.goto(`${demo.url}${appPath}`);
    await visible(phone, 'fin-app-thread');
    await shoot(phone, 'financing-answered-390');
    await phone.goto(`${demo.url}/financing`);
    await visible(phone, 'fin-card');
    await shoot(phone, 'financing-catalogue-390');
    await ent.goto(`${demo.url}/financing`);
    await visible(ent, 'fin-card');
    await shoot(ent, 'financing-catalogue-1366');
  });
});
