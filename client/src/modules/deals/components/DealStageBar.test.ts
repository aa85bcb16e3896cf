// @vitest-environment happy-dom
import type { DealDetailView } from '@kezhuan/shared';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { i18n } from '../../../i18n';
import { fakeFetch } from '../../../testing/fakeFetch';
import DealStageBar from './DealStageBar.vue';

const ID = 'dddddddddddddddddddddddd';

function buildDeal(over: Partial<DealDetailView> = {}): DealDetailView {
  return {
    id: ID, stage: 'negotiation', origin: 'interest',
    listing: { kind: 'result', id: 'aaaaaaaaaaaaaaaaaaaaaaaa', title: '碳纤维复合材料高速模压成型技术' },
    parties: [
      { party: 'supply', org: { id: 'bbbbbbbbbbbbbbbbbbbbbbbb', name: '吉林大学' } },
      { party: 'demand', org: { id: 'cccccccccccccccccccccccc', name: '宏远汽车零部件' } },
    ],
    myParty: 'demand', unread: 0, lastMessageAt: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    via: null, proposal: null,
    moves: [{ to: 'signing', as: 'propose' }, { to: 'terminated', as: 'move' }],
    history: [], reads: [],
    ...over,
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const mountBar = (deal: DealDetailView) => mount(DealStageBar, { props: { deal }, attachTo: document.body, global: { plugins: [i18n, ElementPlus] } });
const inBody = (selector: string) => document.body.querySelector<HTMLElement>(selector);

describe('DealStageBar', () => {
  it('offers the moves the server allows, a confirmation with the other side’s proposal, and marks the current stage', () => {
    const bar = mountBar(buildDeal());
    expect(bar.get('[data-testid=deal-move-signing]').text()).toBe('提议进入“签约”');
    expect(bar.find('[data-testid=deal-terminate]').exists()).toBe(true);
    expect(bar.get('[data-testid=deal-step-negotiation]').classes()).toContain('is-current');
    expect(bar.get('[data-testid=deal-step-interest]').classes()).toContain('is-done');
    bar.unmount();

    const asked = mountBar(buildDeal({
      myParty: 'supply',
      proposal: { to: 'signing', party: 'demand', by: { id: 'eeeeeeeeeeeeeeeeeeeeeeee', name: '王强' }, at: '2026-01-02T00:00:00.000Z' },
      moves: [{ to: 'signing', as: 'confirm' }, { to: 'terminated', as: 'move' }],
    }));
    expect(asked.get('[data-testid=deal-proposal]').text()).toContain('技术需求方 王强 提议进入“签约”');
    expect(asked.find('[data-testid=deal-proposal-confirm]').exists()).toBe(true);
    expect(asked.get('[data-testid=deal-proposal-drop]').text()).toBe('不同意');
    expect(asked.find('[data-testid=deal-move-signing]').exists()).toBe(false);
  });

  it('will not terminate without a reason, and sends the reason it was given', async () => {
    const sent = fakeFetch(() => [200, buildDeal({ stage: 'terminated', moves: [] })]);
    const bar = mountBar(buildDeal());
    await bar.get('[data-testid=deal-terminate]').trigger('click');
    await nextTick();
    inBody('[data-testid=deal-terminate-confirm]')?.click();
    await flushPromises();
    expect(sent).toEqual([]);
    expect(document.body.textContent).toContain('请选择终止原因');

    // Choose a reason through the component's own state (the select's popper is not what is tested here).
    (bar.vm as unknown as { $: { setupState: { reason: string } } }).$.setupState.reason = 'price';
    inBody('[data-testid=deal-terminate-confirm]')?.click();
    await flushPromises();
    expect(sent).toMatchObject([{ method: 'POST', url: `/deals/${ID}/stage`, body: { to: 'terminated', reason: 'price' } }]);
    expect(bar.emitted('changed')?.[0]?.[0]).toMatchObject({ stage: 'terminated' });
  });
});
