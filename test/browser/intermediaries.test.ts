/**
 * Intermediaries in the browser: the demo intermediary publishes a service from "my services", the
 * catalogue filters find it, an enterprise orders it into a deal room the intermediary opened by an
 * introduction, the intermediary accepts on its home, uploads a report and delivers from the room's
 * intermediary panel, the enterprise downloads it, accepts and rates; the scorecard counts it.
 * Screenshots at 1366 and 390 px.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiSession, type ApiSession } from '../support/api';
import { DEMO_PASSWORD, shoot, useDemoPlatform } from './support';

let broker: ApiSession;
let dealId = '';
let freeResult = '';
let entOrgName = '';
let orgId = '';
const demo = useDemoPlatform('intermediaries');
const report = join(demo.dataDir, '评估报告.pdf');

beforeAll(async () => {
  writeFileSync(report, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]));
  broker = await apiSession(demo.url, 'intermediary@demo.kezhuan.cn', DEMO_PASSWORD);
  const me = (await broker.get('/api/auth/session')).body as { user: { org: { id: string } } };
  orgId = me.user.org.id;
  for (const [kind, title, price] of [
    ['consulting', '技术转移全流程咨询', { mode: 'negotiable' }],
    ['training', '技术经理人实务培训', { mode: 'fixed', amount: 3800 }],
  ] as const) {
    await broker.post('/api/intermediary-services', {
      kind, title, price, turnaroundDays: 20, description: '面向高校院所和企业，提供从需求梳理、成果筛选到合同谈判的全流程专业服务。', disciplines: [], industries: [],
    });
  }
  // The test introduces a researcher's result to the demo enterprise; the demo has rooms between these
  // organisations already, so it takes a result that is in none of them.
  const researcher = await apiSession(demo.url, 'researcher@demo.kezhuan.cn', DEMO_PASSWORD);
  const results = (await researcher.get('/api/me/results?status=published&pageSize=50')).body as { items: { id: string }[] };
  const enterprise = await apiSession(demo.url, 'enterprise@demo.kezhuan.cn', DEMO_PASSWORD);
  const rooms = (await enterprise.get('/api/deals?pageSize=100')).body as { items: { listing: { id: string } }[] };
  const taken = new Set(rooms.items.map((r) => r.listing.id));
  freeResult = results.items.find((r) => !taken.has(r.id))!.id;
  entOrgName = ((await enterprise.get('/api/auth/session')).body as { user: { org: { name: string } } }).user.org.name;
}, 240_000);

const visible = (page: Page, testid: string) => expect.poll(() => page.locator(`[data-testid=${testid}]`).count(), { timeout: 15_000 }).toBeGreaterThan(0);

describe('intermediaries in the browser', () => {
  it('publishes a service, finds it in the catalogue, and takes an order from order to rated delivery', async () => {
    const im = await demo.signedIn('intermediary@demo.kezhuan.cn');
    // The intermediary introduces the researcher's result to the demo enterprise from the result's page: a room with all three opens.
    await im.goto(`${demo.url}/results/${freeResult}`);
    await im.locator('[data-testid=im-introduce-open]').click();
    await im.locator('[data-testid=im-introduce-org] input').fill(entOrgName.slice(0, 4));
    await im.locator('.el-select-dropdown__item').filter({ hasText: entOrgName }).first().click();
    await im.locator('[data-testid=im-introduce-note]').fill('双方技术与需求高度契合');
    await shoot(im, 'intermediaries-introduce-1366');
    await im.locator('[data-testid=im-introduce-send]').click();
    await expect.poll(() => im.url(), { timeout: 15_000 }).toMatch(/\/deals\/[0-9a-f]{24}$/);
    dealId = im.url().split('/').at(-1)!;
    const introduced = (await broker.get(`/api/deals/${dealId}`)).body as { origin: string; parties: { party: string }[] };
    expect(introduced.origin).toBe('introduction');
    expect(introduced.parties.map((p) => p.party).sort()).toEqual(['demand', 'intermediary', 'supply']);
    await im.goto(`${demo.url}/me/intermediary/services`);
    await visible(im, 'im-mine-row');
    // The demo's catalogue and the two services above are there; the form adds one more.
    const mine = await im.locator('[data-testid=im-mine-row]').count();
    const catalogue = ((await broker.get('/api/intermediary-services?pageSize=50')).body as { total: number }).total;
    const cardBefore = (await broker.get(`/api/intermediaries/${orgId}/scorecard`)).body as { ordersDelivered: number; rating: { count: number } };
    await im.locator('[data-testid=im-mine-add]').click();
    await im.locator('[data-testid=im-form-title]').fill('专利价值快速评估');
    await im.locator('[data-testid=im-form-description]').fill('依据技术成熟度、知识产权状况和市场前景，出具成果价值评估报告，供交易双方定价参考。');
    await im.locator('[data-testid=im-form-mode] label').nth(1).click();
    await im.locator('[data-testid=im-form-min] input').fill('20000');
    await im.locator('[data-testid=im-form-max] input').fill('50000');
    await shoot(im, 'intermediaries-service-form-1366');
    await im.locator('[data-testid=im-form-save]').click();
    await expect.poll(() => im.locator('[data-testid=im-mine-row]').count(), { timeout: 15_000 }).toBe(mine + 1);
    await shoot(im, 'intermediaries-my-services-1366');

    // The public catalogue: the kind filter finds the new service.
    const visitor = await demo.newPage();
    await visitor.goto(`${demo.url}/intermediaries/services?kind=evaluation`);
    await visible(visitor, 'im-card');
    expect(await visitor.locator('[data-testid=im-card-title]').allTextContents()).toContain('专利价值快速评估');
    await visitor.goto(`${demo.url}/intermediaries/services`);
    await expect.poll(() => visitor.locator('[data-testid=im-card]').count(), { timeout: 15_000 }).toBe(catalogue + 1);
    await shoot(visitor, 'intermediaries-catalogue-1366');
    await visitor.locator('[data-testid=im-card]').filter({ hasText: '专利价值快速评估' }).click();
    await visible(visitor, 'im-scorecard');
    expect(await visitor.locator('[data-testid=im-svc-price]').textContent()).toContain('20,000');
    await shoot(visitor, 'intermediaries-service-1366');

    // The enterprise orders the evaluation in the room's panel.
    const ent = await demo.signedIn('enterprise@demo.kezhuan.cn', { width: 390 });
    await ent.goto(`${demo.url}/deals/${dealId}?tab=intermediary`);
    await visible(ent, 'deal-intermediary-order-open');
    await ent.locator('[data-testid=deal-intermediary-order-open]').click();
    await ent.locator('[data-testid=deal-intermediary-order-service]').click();
    await ent.locator('.el-select-dropdown__item').filter({ hasText: '专利价值快速评估' }).click();
    await ent.locator('[data-testid=deal-intermediary-order-note]').fill('请评估普通许可的合理费用区间');
    await ent.locator('[data-testid=deal-intermediary-order-send]').click();
    await expect.poll(() => ent.locator('[data-testid=deal-order-status]').first().textContent(), { timeout: 15_000 }).toBe('待接单');
    await shoot(ent, 'intermediaries-panel-ordered-390');

    // The intermediary accepts on its home, then uploads and delivers in the panel.
    await im.goto(`${demo.url}/me/intermediary`);
    await visible(im, 'im-home-order-accept');
    await shoot(im, 'intermediaries-home-1366');
    await im.locator('[data-testid=im-home-order-accept]').click();
    await expect.poll(() => im.locator('[data-testid=im-home-order-accept]').count(), { timeout: 15_000 }).toBe(0);
    // The old address of the panel lands on the room's tab.
    await im.goto(`${demo.url}/deals/${dealId}/intermediary`);
    await expect.poll(() => new URL(im.url()).search).toBe('?tab=intermediary');
    await visible(im, 'deal-order-upload');
    await im.locator('[data-testid=deal-order-upload]').setInputFiles(report);
    await visible(im, 'deal-order-file');
    await im.locator('[data-testid=deal-order-summary]').fill('评估价值区间 80–120 万元，建议按普通许可、分期支付。');
    await shoot(im, 'intermediaries-panel-deliver-1366');
    await im.locator('[data-testid=deal-order-deliver]').click();
    await expect.poll(() => im.locator('[data-testid=deal-order-status]').first().textContent(), { timeout: 15_000 }).toBe('已交付待验收');

    // The enterprise downloads the report, accepts and rates.
    await ent.reload();
    await visible(ent, 'deal-order-rate-form');
    const href = await ent.locator('[data-testid=deal-order-file]').getAttribute('href');
    const download = await ent.evaluate(async (u) => (await fetch(u!)).status, href);
    expect(download).toBe(200);
    await ent.locator('[data-testid=deal-order-score] .el-rate__item').nth(3).click();
    await ent.locator('[data-testid=deal-order-rate]').click();
    await visible(ent, 'deal-order-rating');
    await shoot(ent, 'intermediaries-panel-rated-390');

    // The scorecard counts the delivery and the rating.
    await visitor.setViewportSize({ width: 390, height: 844 });
    await visitor.goto(`${demo.url}/intermediaries/${orgId}`);
    await visible(visitor, 'im-scorecard');
    const cardAfter = (await broker.get(`/api/intermediaries/${orgId}/scorecard`)).body as { ordersDelivered: number; rating: { count: number } };
    expect(cardAfter.ordersDelivered).toBe(cardBefore.ordersDelivered + 1);
    expect(cardAfter.rating.count).toBe(cardBefore.rating.count + 1);
    await expect.poll(() => visitor.locator('[data-testid=im-score-delivered]').textContent(), { timeout: 15_000 }).toContain(String(cardAfter.ordersDelivered));
    await shoot(visitor, 'intermediaries-scorecard-390');
    await visitor.goto(`${demo.url}/intermediaries/services`);
    await visible(visitor, 'im-card');
    await shoot(visitor, 'intermediaries-catalogue-390');
    const overflow = await visitor.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }, 240_000);
});
