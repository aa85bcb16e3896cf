// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { i18n, setLocale } from '../../../i18n';
import { fakeFetch, flush } from '../../../testing/fakeFetch';
import { testRouter } from '../../../testing/withSetup';
import { buildPairing } from '../fixtures';
import PairingCard from './PairingCard.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  void setLocale('zh-CN', false);
  document.body.innerHTML = '';
});

function mountCard(pairing = buildPairing()) {
  return mount(PairingCard, { props: { pairing, side: 'enterprise' }, attachTo: document.body, global: { plugins: [i18n, ElementPlus, testRouter()] } });
}

const settle = () => new Promise((r) => setTimeout(r, 150));
const inBody = (selector: string) => document.body.querySelector<HTMLElement>(selector);

describe('PairingCard', () => {
  it('shows the other party, the state, both answers and the score explained', async () => {
    const wrapper = mountCard();
    expect(wrapper.get('[data-testid=pairing-other]').text()).toBe('张华');
    expect(wrapper.get('[data-testid=pairing-status]').text()).toBe('待双方确认');
    expect(wrapper.get('[data-testid=pairing-answer-commissioner]').text()).toBe('已接受');
    expect(wrapper.get('[data-testid=pairing-answer-enterprise]').text()).toBe('尚未答复');
    expect(wrapper.get('[data-testid=pairing-parts]').text()).toContain('专长与问题共有：VOC');
    await setLocale('en', false);
    await nextTick();
    expect(wrapper.get('[data-testid=pairing-parts]').text()).toContain('Shared terms: VOC');
  });

  it('will not decline without a reason, then sends the reason and reports the new state', async () => {
    const sent = fakeFetch(() => [200, buildPairing({ status: 'declined', mayAnswer: null, enterpriseAnswer: { accepted: false, reason: '已自行解决', at: '2026-03-02T00:00:00.000Z' } })]);
    const wrapper = mountCard();
    await wrapper.get('[data-testid=pairing-decline]').trigger('click');
    await flush();
    inBody('[data-testid=pairing-decline-send]')?.click();
    await flush();
    await settle();
    expect(sent).toHaveLength(0);
    expect(inBody('.el-dialog')?.textContent).toContain('谢绝时请说明理由');

    const textarea = inBody('[data-testid=pairing-reason] textarea') as HTMLTextAreaElement;
    textarea.value = '已自行解决';
    textarea.dispatchEvent(new Event('input'));
    await flush();
    inBody('[data-testid=pairing-decline-send]')?.click();
    await flush();
    expect(sent).toEqual([expect.objectContaining({ method: 'POST', url: '/pairings/dddddddddddddddddddddddd/answer', body: { accept: false, reason: '已自行解决' } })]);
    expect(wrapper.emitted('answered')?.[0]?.[0]).toMatchObject({ status: 'declined' });
  });

  it('accepts in one click and offers the service log once both sides accepted', async () => {
    const sent = fakeFetch(() => [200, buildPairing({ status: 'accepted', mayAnswer: null })]);
    const wrapper = mountCard();
    await wrapper.get('[data-testid=pairing-accept]').trigger('click');
    await flush();
    expect(sent[0]?.body).toEqual({ accept: true });
    await wrapper.setProps({ pairing: wrapper.emitted<[ReturnType<typeof buildPairing>]>('answered')![0]![0] });
    expect(wrapper.find('[data-testid=pairing-accept]').exists()).toBe(false);
    expect(wrapper.find('[data-testid=pairing-service]').exists()).toBe(true);
  });
});
