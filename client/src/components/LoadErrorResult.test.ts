// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { ApiError } from '../api/client';
import { i18n, setLocale } from '../i18n';
import LoadErrorResult from './LoadErrorResult.vue';

beforeEach(() => void setLocale('zh-CN', false));

const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
const err = (status: number, code = 'X') => new ApiError(status, code as never, code, code);

function show(error: unknown, props: Record<string, string> = {}) {
  return mount(LoadErrorResult, { props: { error, ...props }, global: { plugins: [i18n, router, ElementPlus] } });
}

describe('LoadErrorResult', () => {
  it('reads a 404 as not found with a way back and home, and no retry', () => {
    const w = show(err(404, 'NOT_FOUND'), { notFoundTitle: '活动不存在', backTo: '/events', backLabel: '返回活动列表' });
    expect(w.find('[data-testid=load-not-found]').text()).toContain('活动不存在');
    expect(w.find('[data-testid=load-retry]').exists()).toBe(false);
    expect(w.text()).not.toContain('重试');
    expect(w.get('[data-testid=load-back]').text()).toBe('返回活动列表');
    expect(w.get('[data-testid=load-home]').text()).toBe('返回首页');
    expect(w.findAll('a').map((a) => a.attributes('href'))).toEqual(['/events', '/']);
  });

  it('uses the generic wording and still offers home when the page names no list', () => {
    const w = show(err(404, 'NOT_FOUND'));
    expect(w.text()).toContain('页面不存在');
    expect(w.find('[data-testid=load-back]').exists()).toBe(false);
    expect(w.find('[data-testid=load-home]').exists()).toBe(true);
  });

  it.each([
    ['a network failure', err(0, 'NETWORK_ERROR')],
    ['a server error', err(500, 'INTERNAL')],
    ['a bad gateway', err(502, 'BAD_RESPONSE')],
    ['the rate limit', err(429, 'RATE_LIMITED')],
  ])('offers 重试 after %s, and it asks again', async (_label, e) => {
    const w = show(e);
    expect(w.find('[data-testid=load-error]').text()).toContain('加载失败');
    await w.get('[data-testid=load-retry]').trigger('click');
    expect(w.emitted('retry')).toHaveLength(1);
  });

  it.each([
    ['a refusal', err(403, 'FORBIDDEN')],
    ['a rejected request', err(400, 'VALIDATION_FAILED')],
    ['a bug in the page', new TypeError('x is undefined')],
  ])('offers no retry after %s, only the way back', (_label, e) => {
    const w = show(e, { backTo: '/events' });
    expect(w.find('[data-testid=load-retry]').exists()).toBe(false);
    expect(w.find('[data-testid=load-back]').exists()).toBe(true);
    expect(w.find('[data-testid=load-home]').exists()).toBe(true);
  });
});
