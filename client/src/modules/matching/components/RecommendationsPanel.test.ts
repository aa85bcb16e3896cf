// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../i18n';
import { fakeFetch, flush } from '../../../testing/fakeFetch';
import { NEED_ID, RESULT_ID } from '../../../testing/fixtures';
import { testRouter } from '../../../testing/withSetup';
import RecommendationsPanel from './RecommendationsPanel.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('RecommendationsPanel', () => {
  it('says nothing fits closely and subscribes to the leading key term', async () => {
    const sent = fakeFetch((req) => (req.method === 'GET' ? [200, { items: [], terms: ['潜水器', '相控阵'] }] : [201, { id: RESULT_ID }]));
    const wrapper = mount(RecommendationsPanel, { props: { kind: 'need', id: NEED_ID }, global: { plugins: [i18n, ElementPlus, testRouter()] } });
    await flush();
    expect(wrapper.get('[data-testid=recs-empty]').text()).toContain('暂无高匹配的成果');
    const button = wrapper.get('[data-testid=recs-subscribe]');
    expect(button.text()).toBe('订阅“潜水器”相关成果');
    await button.trigger('click');
    await flush();
    expect(sent[1]).toMatchObject({ method: 'POST', url: '/saved-searches', body: { kind: 'results', params: { q: '潜水器' } } });
    expect(wrapper.get('[data-testid=recs-subscribe]').text()).toBe('已订阅，有新的匹配发布时会通知您');
  });

  it('offers no subscription without key terms, and says "needs" for a result', async () => {
    fakeFetch(() => [200, { items: [], terms: [] }]);
    const wrapper = mount(RecommendationsPanel, { props: { kind: 'result', id: RESULT_ID }, global: { plugins: [i18n, ElementPlus, testRouter()] } });
    await flush();
    expect(wrapper.get('[data-testid=recs-empty]').text()).toContain('暂无高匹配的需求');
    expect(wrapper.find('[data-testid=recs-subscribe]').exists()).toBe(false);
  });
});
