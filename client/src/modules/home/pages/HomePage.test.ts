// @vitest-environment happy-dom
import type { MeView } from '@kezhuan/shared';
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../../../i18n';
import { routes } from '../../../router';
import { useAuthStore } from '../../auth/store';
import HomePage from './HomePage.vue';

function userAs(role: MeView['role'], displayName: string): MeView {
  return {
    id: '0123456789abcdef01234567',
    email: 'x@example.cn',
    phone: '13800000000',
    displayName,
    title: '',
    bio: '',
    locale: 'zh-CN',
    role,
    org: null,
    membership: null,
    createdAt: '2025-01-01T00:00:00.000Z',
  };
}

async function mountHome() {
  // The app's own routes (named links must resolve), without its guard.
  const router = createRouter({ history: createMemoryHistory(), routes });
  return mount(HomePage, { global: { plugins: [i18n, router, ElementPlus] } });
}

/** My commissioner applications as the fake API answers them (the home page's commissioner block). */
let myApplications: unknown[] = [];

/** The API as the home page calls it: counts, (empty) newest listings, my applications and pairings. */
function fakeApi(): void {
  vi.stubGlobal('fetch', (input: string) => {
    const url = String(input);
    const body = url.includes('/api/stats')
      ? { results: 1234, needs: 56, verifiedOrgs: 7, byCity: { '222400': 9 }, at: '2026-01-01T00:00:00.000Z' }
      : url.includes('/api/me/commissioner-applications')
        ? myApplications
        : url.includes('/api/me/pairings')
          ? { items: [], total: 2, page: 1, pageSize: 1 }
          : { hits: [], total: 0, page: 1, pageSize: 5, facets: {}, engine: 'embedded', tookMs: 1 };
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
  });
}

beforeEach(() => {
  myApplications = [];
  fakeApi();
  setActivePinia(createPinia());
  void setLocale('zh-CN', false);
});

afterEach(() => {
  vi.unstubAllGlobals();
  void setLocale('zh-CN', false);
});

describe('HomePage', () => {
  it('shows the landing page to anonymous visitors', async () => {
    const wrapper = await mountHome();
    expect(wrapper.text()).toContain('科转 · 吉林省科技成果转化对接平台');
    expect(wrapper.find('[data-testid=home-role]').exists()).toBe(false);
    expect(wrapper.find('[data-testid=landing-role-commissioner]').text()).toContain('科技特派员');
  });

  it('starts with a search box, and city chips that open the search filtered by city', async () => {
    const wrapper = await mountHome();
    expect(wrapper.find('[data-testid=home-search-title]').exists()).toBe(true);
    expect(wrapper.find('[data-testid=search-input]').exists()).toBe(true);
    expect(wrapper.get('[data-testid=home-city-222400]').attributes('href')).toBe('/search/results?city=222400');
    expect(wrapper.get('[data-testid=home-city-222400]').text()).toContain('延边');
    await vi.waitFor(() => expect(wrapper.get('[data-testid=stat-results]').text()).toBe('1234'));
    expect(wrapper.get('[data-testid=home-city-222400]').text()).toContain('9 项');
  });

  it('greets a researcher by name and links publishing and their results to the new pages', async () => {
    useAuthStore().user = userAs('researcher', '李教授');
    const wrapper = await mountHome();
    expect(wrapper.get('[data-testid=home-greeting]').text()).toBe('您好，李教授');
    expect(wrapper.get('[data-testid=home-role]').text()).toBe('科研人员');
    const publish = wrapper.get('[data-testid=home-card-publishResult]');
    expect(publish.text()).toContain('发布科技成果');
    expect(publish.text()).not.toContain('即将上线');
    expect(wrapper.get('[data-testid=home-card-myResults]').text()).not.toContain('即将上线');
    expect(wrapper.find('[data-testid=coming-soon]').exists()).toBe(false);
  });

  it('marks what is not built yet as coming soon, and links the commissioner sign-up', async () => {
    useAuthStore().user = userAs('commissioner', '张华');
    const wrapper = await mountHome();
    expect(wrapper.get('[data-testid=home-card-joinCommissioner]').text()).not.toContain('即将上线');
    expect(wrapper.get('[data-testid=home-card-findNeeds]').text()).not.toContain('即将上线');
    useAuthStore().user = userAs('intermediary', '赵经理');
    await nextTick();
    expect(wrapper.get('[data-testid=home-card-matchService]').text()).toContain('即将上线');
  });

  it("shows a researcher who has not applied the commissioner programme, and an approved one his term and pairings", async () => {
    useAuthStore().user = userAs('researcher', '李教授');
    const none = await mountHome();
    await vi.waitFor(() => expect(none.find('[data-testid=cm-home]').exists()).toBe(true));
    expect(none.get('[data-testid=cm-home]').text()).toContain('尚未申请');
    expect(none.find('[data-testid=cm-home-status]').exists()).toBe(false);

    myApplications = [{ id: 'a'.repeat(24), term: 2027, status: 'approved' }];
    const approved = await mountHome();
    await vi.waitFor(() => expect(approved.find('[data-testid=cm-home-pairings]').exists()).toBe(true));
    expect(approved.get('[data-testid=cm-home-status]').text()).toBe('已获批');
    expect(approved.get('[data-testid=cm-home-pairings]').text()).toBe('当前结对 2 个');
    expect(approved.get('[data-testid=cm-home-my-pairings]').element.closest('a')?.getAttribute('href')).toBe('/me/pairings');
  });

  it('leaves the commissioner block off an enterprise account that never applied', async () => {
    useAuthStore().user = userAs('enterprise', '企业甲');
    const wrapper = await mountHome();
    await vi.waitFor(() => expect(wrapper.find('[data-testid=home-greeting]').exists()).toBe(true));
    await new Promise((r) => setTimeout(r, 0));
    expect(wrapper.find('[data-testid=cm-home]').exists()).toBe(false);
  });

  it('gives administrators a live organisation-verification card, in English too', async () => {
    useAuthStore().user = userAs('admin', 'Admin Wang');
    const wrapper = await mountHome();
    expect(wrapper.get('[data-testid=home-card-orgVerify]').text()).not.toContain('即将上线');
    expect(wrapper.get('[data-testid=home-card-provinceDashboard]').text()).toContain('即将上线');

    await setLocale('en', false);
    await nextTick();
    expect(wrapper.get('[data-testid=home-role]').text()).toBe('Administrator');
    expect(wrapper.get('[data-testid=home-greeting]').text()).toBe('Hello, Admin Wang');
    expect(wrapper.get('[data-testid=home-card-reviewQueue]').text()).toContain('Review queue');
    expect(wrapper.get('[data-testid=home-card-reviewQueue]').text()).not.toContain('Coming soon');
    expect(wrapper.get('[data-testid=home-card-provinceDashboard]').text()).toContain('Coming soon');
  });
});
