// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../i18n';
import { fakeFetch, flush } from '../../../testing/fakeFetch';
import { NEED_ID, RESULT_ID } from '../../../testing/fixtures';
import { testRouter } from '../../../testing/withSetup';
import FeedbackSummary from './FeedbackSummary.vue';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('FeedbackSummary', () => {
  it('shows the owner which organisations are interested, when, and through which listing', async () => {
    fakeFetch(() => [
      200,
      {
        interested: 1,
        notFit: 0,
        reasons: {},
        interest: [{ org: { id: '65a000000000000000000001', name: '一汽研发总院' }, at: '2026-11-02T03:00:00.000Z', from: { kind: 'need', id: NEED_ID, title: '汽车轻量化碳纤维部件' } }],
      },
    ]);
    const wrapper = mount(FeedbackSummary, { props: { kind: 'result', id: RESULT_ID }, global: { plugins: [i18n, ElementPlus, testRouter()] } });
    await flush();
    const items = wrapper.findAll('[data-testid=feedback-interest-item]');
    expect(items).toHaveLength(1);
    expect(items[0]?.text()).toContain('一汽研发总院');
    expect(items[0]?.text().replace(/\s+/g, '')).toContain('通过需求：汽车轻量化碳纤维部件');
    expect(items[0]?.get('a').attributes('href')).toBe(`/needs/${NEED_ID}`);
  });

  it('says so when no organisation is interested', async () => {
    fakeFetch(() => [200, { interested: 0, notFit: 0, reasons: {}, interest: [] }]);
    const wrapper = mount(FeedbackSummary, { props: { kind: 'need', id: NEED_ID }, global: { plugins: [i18n, ElementPlus, testRouter()] } });
    await flush();
    expect(wrapper.find('[data-testid=feedback-interest]').exists()).toBe(false);
    expect(wrapper.text()).toContain('暂无机构表示感兴趣');
  });
});
