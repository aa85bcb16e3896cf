// @vitest-environment happy-dom
import type { DealContractView, DealDetailView } from '@kezhuan/shared';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../../../i18n';
import DealContractPanel from './DealContractPanel.vue';

const DEAL = 'a'.repeat(24);
let view: DealContractView;

const deal = (stage: DealDetailView['stage']): DealDetailView => ({
  id: DEAL, stage, origin: 'interest', listing: { kind: 'result', id: 'd'.repeat(24), title: '聚乳酸' }, parties: [], myParty: 'supply', unread: 0,
  lastMessageAt: null, createdAt: '2026-03-01T00:00:00Z', updatedAt: '2026-03-01T00:00:00Z', via: null, proposal: null, moves: [], history: [], reads: [],
});

beforeEach(() => {
  void setLocale('zh-CN', false);
  setActivePinia(createPinia());
  vi.stubGlobal('fetch', (input: string) => {
    const url = String(input);
    const body = url.includes('comparable') ? { byType: [], type: 'transfer', basis: 'type', count: 0, amounts: null } : view;
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
  });
});

afterEach(() => vi.unstubAllGlobals());

describe('DealContractPanel', { timeout: 20_000 }, () => {
  it('offers the contract form once the open room moves to 签约, without a reload', async () => {
    view = { contract: null, stage: 'negotiation', canEdit: false, canRegister: false };
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
    const w = mount(DealContractPanel, { props: { dealId: DEAL, deal: deal('negotiation') }, global: { plugins: [i18n, router, ElementPlus] } });
    await flushPromises();
    expect(w.find('[data-testid=contract-not-yet]').exists()).toBe(true);
    expect(w.find('[data-testid=contract-form]').exists()).toBe(false);

    view = { contract: null, stage: 'signing', canEdit: true, canRegister: false };
    await w.setProps({ deal: deal('signing') });
    await flushPromises();
    expect(w.find('[data-testid=contract-form]').exists()).toBe(true);
    expect(w.find('[data-testid=contract-not-yet]').exists()).toBe(false);
  });
});
