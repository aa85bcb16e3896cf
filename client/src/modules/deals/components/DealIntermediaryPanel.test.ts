// @vitest-environment happy-dom
import type { DealDetailView, DealIntermediaryView, ServiceOrderView } from '@kezhuan/shared';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../../../i18n';
import DealIntermediaryPanel from './DealIntermediaryPanel.vue';

const DEAL = 'a'.repeat(24);
const FIRM = { id: 'b'.repeat(24), name: '长春技术转移中心' };
const person = { id: 'c'.repeat(24), name: '王强' };
let view: DealIntermediaryView;
let calls: { method: string; url: string; body: unknown }[] = [];

const deal = (myParty: DealDetailView['myParty']): DealDetailView => ({
  id: DEAL, stage: 'negotiation', origin: 'interest', listing: { kind: 'result', id: 'd'.repeat(24), title: '聚乳酸' }, parties: [], myParty, unread: 0,
  lastMessageAt: null, createdAt: '2026-03-01T00:00:00Z', updatedAt: '2026-03-01T00:00:00Z', via: null, proposal: null, moves: [], history: [], reads: [],
});
const order = (o: Partial<ServiceOrderView>): ServiceOrderView => ({
  id: 'e'.repeat(24), deal: DEAL, service: { id: 'f'.repeat(24), kind: 'evaluation', title: '价值评估' }, org: FIRM, party: 'demand', status: 'requested',
  note: null, agreedPrice: 30000, delivery: null, file: null, rating: null, steps: [{ kind: 'order', by: person, at: '2026-03-01T00:00:00Z', note: null }], createdAt: '2026-03-01T00:00:00Z', ...o,
});

beforeEach(() => {
  void setLocale('zh-CN', false);
  setActivePinia(createPinia());
  calls = [];
  view = { intermediary: null, invitations: [], orders: [], myParty: 'demand' };
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
    calls.push({ method: init?.method ?? 'GET', url: String(input), body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return Promise.resolve(new Response(JSON.stringify(view), { status: 200, headers: { 'Content-Type': 'application/json' } }));
  });
});

afterEach(() => vi.unstubAllGlobals());

async function mountAs(myParty: DealDetailView['myParty']) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
  const wrapper = mount(DealIntermediaryPanel, { props: { dealId: DEAL, deal: deal(myParty) }, global: { plugins: [i18n, router, ElementPlus] } });
  await flushPromises();
  return wrapper;
}

describe('DealIntermediaryPanel', { timeout: 20_000 }, () => {
  it('lets a principal invite or order while the room has no intermediary, and withdraw a pending invitation instead', async () => {
    let w = await mountAs('demand');
    expect(w.find('[data-testid=deal-intermediary-invite-open]').exists()).toBe(true);
    expect(w.find('[data-testid=deal-intermediary-order-open]').exists()).toBe(true);
    expect(w.text()).toContain('尚无中介机构参与');

    view.invitations = [{ id: '1'.repeat(24), org: FIRM, status: 'pending', invitedBy: person, party: 'demand', note: null, at: '2026-03-01T00:00:00Z', answeredAt: null, withOrder: false }];
    w = await mountAs('demand');
    expect(w.find('[data-testid=deal-intermediary-invite-open]').exists()).toBe(false);
    expect(w.find('[data-testid=deal-intermediary-pending]').text()).toContain('待 长春技术转移中心 答复邀请');
    await w.find('[data-testid=deal-intermediary-withdraw]').trigger('click');
    await flushPromises();
    expect(calls.at(-1)).toMatchObject({ method: 'POST', url: `/api/deals/${DEAL}/invitations/${'1'.repeat(24)}/withdraw` });
  });

  it('shows the intermediary its answer buttons and posts the answer', async () => {
    view = { intermediary: FIRM, invitations: [], orders: [order({})], myParty: 'intermediary' };
    const w = await mountAs('intermediary');
    expect(w.find('[data-testid=deal-intermediary-order-open]').exists()).toBe(false);
    expect(w.find('[data-testid=deal-order-status]').text()).toBe('待接单');
    await w.find('[data-testid=deal-order-accept]').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ url: `/api/deals/${DEAL}/orders/${'e'.repeat(24)}/answer`, body: { accept: true } });
  });

  it('offers acceptance and rating only to the ordering party of a delivered order', async () => {
    view = { intermediary: FIRM, invitations: [], orders: [order({ status: 'delivered', delivery: { summary: '80–120 万元', at: '2026-03-02T00:00:00Z' }, file: { name: '报告.pdf', size: 10, mime: 'application/pdf' } })], myParty: 'demand' };
    const ordering = await mountAs('demand');
    expect(ordering.find('[data-testid=deal-order-rate-form]').exists()).toBe(true);
    expect(ordering.find('[data-testid=deal-order-file]').attributes('href')).toBe(`/api/deals/${DEAL}/orders/${'e'.repeat(24)}/file`);
    const other = await mountAs('supply');
    expect(other.find('[data-testid=deal-order-rate-form]').exists()).toBe(false);
    expect(other.find('[data-testid=deal-order-delivery]').text()).toContain('80–120 万元');
  });

  it('offers withdrawing an unanswered order to the ordering party only, and cancelling one in progress to it and the intermediary', async () => {
    view = { intermediary: FIRM, invitations: [], orders: [order({})], myParty: 'demand' };
    expect((await mountAs('demand')).find('[data-testid=deal-order-cancel]').text()).toBe('撤回订单');
    expect((await mountAs('supply')).find('[data-testid=deal-order-cancel]').exists()).toBe(false);
    expect((await mountAs('intermediary')).find('[data-testid=deal-order-cancel]').exists()).toBe(false);
    view.orders = [order({ status: 'accepted' })];
    expect((await mountAs('demand')).find('[data-testid=deal-order-cancel]').text()).toBe('取消服务');
    expect((await mountAs('intermediary')).find('[data-testid=deal-order-cancel]').text()).toBe('取消服务');
    view.orders = [order({ status: 'delivered' })];
    expect((await mountAs('demand')).find('[data-testid=deal-order-cancel]').exists()).toBe(false);
  });
});
