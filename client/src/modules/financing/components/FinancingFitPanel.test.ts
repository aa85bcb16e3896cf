// @vitest-environment happy-dom
import type { FinancingFitItem, FinancingFitView } from '@kezhuan/shared';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../../../i18n';
import FinancingFitPanel from './FinancingFitPanel.vue';

const NEED = 'a'.repeat(24);
const item = (over: Partial<FinancingFitItem> & { pid: string; title: string }): FinancingFitItem => ({
  product: {
    id: over.pid, org: { id: 'b'.repeat(24), name: '吉林银行科技支行（示范）', city: '220100', kind: 'bank' }, kind: 'ip_pledge', title: over.title, description: '以专利质押的流动资金贷款',
    conditions: { maturities: [], industries: [], cities: [], amountMin: 500_000, amountMax: 5_000_000, termMonthsMin: null, termMonthsMax: null, rateText: '', documents: [] },
    status: 'active', mine: false, createdAt: '2026-03-01T00:00:00Z', updatedAt: '2026-03-01T00:00:00Z',
  },
  fits: true, score: 1, reasons: [], unmet: [], ...over,
});
let answer: { status: number; body: unknown };
let urls: string[] = [];

beforeEach(() => {
  void setLocale('zh-CN', false);
  setActivePinia(createPinia());
  urls = [];
  vi.stubGlobal('fetch', (input: string) => {
    urls.push(String(input));
    return Promise.resolve(new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } }));
  });
});
afterEach(() => vi.unstubAllGlobals());

async function mountPanel() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
  const w = mount(FinancingFitPanel, { props: { subject: 'need', id: NEED }, global: { plugins: [i18n, router, ElementPlus] } });
  await flushPromises();
  return w;
}

describe('FinancingFitPanel', () => {
  it('shows each product with its verdict, reasons and unmet conditions, linking to the product with the subject', async () => {
    const view: FinancingFitView = {
      subject: 'need',
      items: [
        item({ pid: 'c'.repeat(24), title: '知识产权质押贷款', reasons: [{ zh: '金额200万元在产品额度内（50万元至500万元）', en: 'within range' }] }),
        item({ pid: 'd'.repeat(24), title: '延边科技担保', fits: false, score: 0, unmet: [{ zh: '产品只面向所在地为延边朝鲜族自治州的项目，此处为长春市', en: 'Yanbian only' }] }),
      ],
    };
    answer = { status: 200, body: view };
    const w = await mountPanel();
    expect(urls[0]).toContain(`/api/financing/fit?subject=need&id=${NEED}`);
    const rows = w.findAll('[data-testid=fin-fit-item]');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.get('[data-testid=fin-fit-verdict]').text()).toBe('符合条件');
    expect(rows[0]?.get('[data-testid=fin-fit-reason]').text()).toBe('✓ 金额200万元在产品额度内（50万元至500万元）');
    expect(rows[0]?.text()).toContain('吉林银行科技支行（示范） · 银行 · 50万元 – 500万元');
    expect(rows[0]?.get('[data-testid=fin-fit-product]').attributes('href')).toBe(`/financing/products/${'c'.repeat(24)}?link=need:${NEED}`);
    expect(rows[1]?.get('[data-testid=fin-fit-verdict]').text()).toBe('差一项条件');
    expect(rows[1]?.get('[data-testid=fin-fit-unmet]').text()).toContain('延边朝鲜族自治州');
  });

  it('says so when nothing fits, and offers a retry when loading fails', async () => {
    answer = { status: 200, body: { subject: 'need', items: [] } };
    expect((await mountPanel()).get('[data-testid=fin-fit-empty]').text()).toBe('暂时没有合适的融资产品');
    answer = { status: 500, body: { error: { code: 'INTERNAL', message: '服务器内部错误' } } };
    const w = await mountPanel();
    expect(w.get('[data-testid=fin-fit-error]').text()).toContain('加载失败');
    answer = { status: 200, body: { subject: 'need', items: [item({ pid: 'c'.repeat(24), title: '科技保险' })] } };
    await w.get('[data-testid=fin-fit-error] button').trigger('click');
    await flushPromises();
    expect(w.findAll('[data-testid=fin-fit-item]')).toHaveLength(1);
  });
});
