/**
 * Contracts and the technology market in the browser: the demo enterprise shows interest in a result
 * of the demo university and the room is taken to 签约 over the API; the researcher then records the
 * contract on the room's contract page (the comparable-deals hint beside the amount), registers it
 * (the page turns read-only), the DOCX draft downloads; the public /market page and the
 * administrator's full view (with export) draw their charts. Screenshots at 1366 and 390 px.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiSession, type ApiSession } from '../support/api';
import { ADMIN, DEMO_PASSWORD, ENTERPRISE } from './pairing-helpers';
import { JLU_MANAGER } from './org-helpers';
import { shoot, useDemoPlatform } from './support';

let dealId = '';
let resultId = '';
const demo = useDemoPlatform('contract');

async function firstPublished(s: ApiSession, kind: 'results' | 'needs'): Promise<string> {
  const r = await s.get(`/api/me/${kind}?status=published&scope=org&pageSize=1`);
  const id = (r.body as { items: { id: string }[] }).items[0]?.id;
  if (!id) {
    throw new Error(`no published ${kind}: ${JSON.stringify(r.body)}`);
  }
  return id;
}

beforeAll(async () => {
  const ent = await apiSession(demo.url, ENTERPRISE, DEMO_PASSWORD);
  const res = await apiSession(demo.url, JLU_MANAGER, DEMO_PASSWORD);
  resultId = await firstPublished(res, 'results');
  const interest = await ent.post('/api/match-feedback', { needId: await firstPublished(ent, 'needs'), resultId, verdict: 'interested' });
  dealId = (interest.body as { deal: string }).deal;
  expect(dealId, JSON.stringify(interest.body)).toMatch(/^[0-9a-f]{24}$/);
  expect((await res.post(`/api/deals/${dealId}/stage`, { to: 'negotiation' })).status).toBe(200);
  expect((await ent.post(`/api/deals/${dealId}/stage`, { to: 'signing' })).status).toBe(200);
  expect((await res.post(`/api/deals/${dealId}/stage`, { to: 'signing' })).status).toBe(200);
}, 240_000);

async function still(page: Page, name: string): Promise<void> {
  await expect.poll(() => page.locator('.el-message').count(), { timeout: 10_000 }).toBe(0);
  await page.waitForTimeout(700);
  await shoot(page, name);
}

describe('a deal room’s contract', () => {
  it('is recorded with the comparable hint, registered, then read-only; the draft downloads', async () => {
    const page = await demo.newPage({ acceptDownloads: true });
    await demo.signIn(page, JLU_MANAGER);
    await page.goto(`${demo.url}/deals/${dealId}?tab=contract`);
    await page.locator('[data-testid=contract-form]').waitFor();
    await expect.poll(() => page.locator('[data-testid=contract-comparable]').innerText()).toMatch(/同类型|不足 3 份/);
    await page.locator('[data-testid=contract-amount] input').fill('1250000');
    await page.locator('[data-testid=contract-payment-kind] label').nth(1).click();
    await page.locator('[data-testid=contract-payment-text] textarea').fill('签约后 10 日内付 30%，验收合格后付 70%');
    await shoot(page, 'contract-form-1366');
    await page.locator('[data-testid=contract-save]').click();
    await expect.poll(() => page.locator('[data-testid=contract-amount-value]').innerText()).toBe('¥1,250,000');

    const download = page.waitForEvent('download');
    await page.locator('[data-testid=contract-docx]').click();
    expect((await download).suggestedFilename()).toMatch(/\.docx$/);

    await page.locator('[data-testid=contract-reg-number-input] input').fill('bad');
    await page.locator('[data-testid=contract-register]').click();
    await expect.poll(() => page.locator('[data-testid=contract-registration] .el-form-item__error').count()).toBe(1);
    await page.locator('[data-testid=contract-reg-number-input] input').fill('2026220100000123');
    await page.locator('[data-testid=contract-register]').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await expect.poll(() => page.locator('[data-testid=contract-reg-number]').innerText()).toBe('2026220100000123');
    expect(await page.locator('[data-testid=contract-form]').count()).toBe(0);
    await still(page, 'contract-registered-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await still(page, 'contract-registered-390');
    // The result's page shows comparable contracts: one transfer, so a count and no amount.
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${demo.url}/results/${resultId}`);
    await expect.poll(() => page.locator('[data-testid=result-comparable]').innerText(), { timeout: 15_000 }).toContain('技术转让');
    expect(await page.locator('[data-testid=result-comparable]').innerText()).not.toContain('1,250,000');
    await still(page, 'result-comparable-1366');
    await page.context().close();
  });
});

describe('the technology market page', () => {
  it('shows the public aggregates to anyone and the full view with export to administrators', async () => {
    const page = await demo.newPage();
    // The figures are the API's (the demo's contracts and the one recorded above).
    const admin = await apiSession(demo.url, ADMIN, DEMO_PASSWORD);
    const full = (await admin.get('/api/admin/market/stats')).body as { contracts: { count: number; amount: number }; registration: { rate: number | null } };
    const digits = (s: string) => s.replace(/[^\d]/g, '');
    await page.goto(`${demo.url}/market`);
    await expect.poll(() => page.locator('[data-testid=market-count]').innerText()).toBe(String(full.contracts.count));
    await expect.poll(() => page.locator('[data-testid=market-stage-chart] canvas').count(), { timeout: 15_000 }).toBe(1);
    // The public view shows the total only over three contracts or more (k-anonymity).
    const shown = await page.locator('[data-testid=market-amount]').innerText();
    expect(shown === '—').toBe(full.contracts.count < 3);
    expect(await page.locator('[data-testid=market-export]').count()).toBe(0);
    await still(page, 'market-public-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await still(page, 'market-public-390');

    await page.setViewportSize({ width: 1366, height: 900 });
    await demo.signIn(page, ADMIN);
    await page.goto(`${demo.url}/market`);
    await expect.poll(async () => digits(await page.locator('[data-testid=market-amount]').innerText())).toBe(String(Math.round(full.contracts.amount)));
    expect(await page.locator('[data-testid=market-registration]').innerText()).toBe(`${Math.round(full.registration.rate! * 1000) / 10}%`);
    expect(await page.locator('[data-testid=market-export]').getAttribute('href')).toContain('/api/admin/market/stats.xlsx');
    await still(page, 'market-admin-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await still(page, 'market-admin-390');
    await page.context().close();
  });
});
