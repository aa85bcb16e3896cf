// @vitest-environment happy-dom
import type { ReviewQueueItemView } from '@kezhuan/shared';
import { mount } from '@vue/test-utils';
import ElementPlus, { ElPopconfirm } from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../i18n';
import { fakeFetch, flush } from '../../../testing/fakeFetch';
import ReviewQueuePanel from './ReviewQueuePanel.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const ID = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const row: ReviewQueueItemView = {
  id: ID, kind: 'result', title: '人参皂苷高效提取技术', submittedAt: '2026-03-01T02:00:00.000Z', qualityScore: 80,
  org: { id: 'bbbbbbbbbbbbbbbbbbbbbbbb', name: '吉林农业大学', type: 'university', verified: true },
};

describe('ReviewQueuePanel', () => {
  it('sends the search and filters, and approves from the table only after a confirmation', async () => {
    const sent = fakeFetch((req) => (req.method === 'GET' ? [200, { items: [row], total: 1, page: 1, pageSize: 20 }] : [200, { id: ID, kind: 'result', status: 'published', reason: null }]));
    const wrapper = mount(ReviewQueuePanel, { props: { kind: 'result' }, global: { plugins: [i18n, ElementPlus], stubs: { ReviewDrawer: true } }, attachTo: document.body });
    await flush();
    await wrapper.get('input[data-testid=review-filter-q]').setValue('皂苷');
    await wrapper.get('form').trigger('submit');
    await flush();
    expect(sent.filter((r) => r.method === 'GET').map((r) => r.url)).toEqual([
      '/admin/review?kind=result&page=1&pageSize=20',
      `/admin/review?kind=result&page=1&pageSize=20&q=${encodeURIComponent('皂苷')}`,
    ]);

    await wrapper.get('[data-testid=review-approve]').trigger('click');
    await flush();
    expect(sent.some((r) => r.method === 'POST')).toBe(false); // one click does not approve
    wrapper.findComponent(ElPopconfirm).vm.$emit('confirm');
    await flush();
    expect(sent.filter((r) => r.method === 'POST').map((r) => [r.url, r.body])).toEqual([[`/admin/review/result/${ID}`, { decision: 'approve' }]]);
    expect(wrapper.emitted('changed')).toHaveLength(1);
  }, 30_000);
});
