// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n, setLocale } from '../../../i18n';
import { fakeFetch, flush } from '../../../testing/fakeFetch';
import { buildUser } from '../../../testing/fixtures';
import { useAuthStore } from '../../auth/store';
import JoinRequestPanel from './JoinRequestPanel.vue';

beforeEach(() => {
  void setLocale('zh-CN', false);
  setActivePinia(createPinia());
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const applicant = buildUser('researcher', {
  membership: { orgRole: 'member', status: 'pending', requestedAt: '2026-12-01T02:00:00.000Z', decidedBy: { kind: 'managers', names: ['王管理', '李管理'] } },
});
const button = (text: string) => [...document.body.querySelectorAll<HTMLButtonElement>('.el-message-box button')].filter((b) => b.textContent?.includes(text)).at(-1);

describe('the pending applicant\'s request', () => {
  it('says which organisation, since when and who decides, and withdraws after a confirmation', async () => {
    const sent = fakeFetch((req) => (req.url === '/auth/session' ? [200, { user: { ...applicant, org: null, membership: null }, csrfToken: 't' }] : [200, { ...applicant, org: null, membership: null }]));
    useAuthStore().user = applicant;
    const wrapper = mount(JoinRequestPanel, { props: { user: applicant }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body });
    const org = applicant.org?.name ?? '';
    expect(wrapper.text()).toContain(org);
    expect(wrapper.get('[data-testid=org-request-decider]').text()).toBe(`${org}的机构管理员：王管理、李管理`);
    expect(wrapper.text()).toContain('2026');

    await wrapper.get('[data-testid=org-request-withdraw]').trigger('click');
    await flush();
    expect(document.body.textContent).toContain(`确定撤回加入“${org}”的申请吗`);
    button('取消')?.click();
    await flush();
    expect(sent).toEqual([]);

    await wrapper.get('[data-testid=org-request-withdraw]').trigger('click');
    await flush();
    button('撤回申请')?.click();
    await flush();
    expect(sent.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', '/orgs/join/withdraw', { orgId: applicant.org?.id }],
      ['GET', '/auth/session', undefined],
    ]);
  });
});
