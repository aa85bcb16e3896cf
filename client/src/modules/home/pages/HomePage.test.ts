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

/** The API as the home page calls it: counts and (empty) newest listings. */
function fakeApi(): void {
  vi.stubGlobal('fetch', (input: string) => {
    const body = String(input).includes('/api/stats')
      ? { results: 1234, needs: 56, verifiedOrgs: 7, byCity: { '222400': 9 }, at: '2026-01-01T00:00:00.000Z' }
      : { hits: [], total: 0, page: 1, pageSize: 5, facets: {}, engine: 'embedded', tookMs: 1 };
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
  });
}

beforeEach(() => {
  fakeApi();
  setActivePinia(createPinia());
  setLocale('zh-CN', false);
});

afterEach(() => {
  vi.unstubAllGlobals();
  setLocale('zh-CN', false);
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

  it('marks what is not built yet as coming soon (the commissioner sign-up)', async () => {
    useAuthStore().user = userAs('commissioner', '张华');
    const wrapper = await mountHome();
    expect(wrapper.get('[data-testid=home-card-joinCommissioner]').text()).toContain('即将上线');
    expect(wrapper.get('[data-testid=home-card-findNeeds]').text()).not.toContain('即将上线');
  });

  it('gives administrators a live organisation-verification card, in English too', async () => {
    useAuthStore().user = userAs('admin', 'Admin Wang');
    const wrapper = await mountHome();
    expect(wrapper.get('[data-testid=home-card-orgVerify]').text()).not.toContain('即将上线');
    expect(wrapper.get('[data-testid=home-card-provinceDashboard]').text()).toContain('即将上线');

    setLocale('en', false);
    await nextTick();
    expect(wrapper.get('[data-testid=home-role]').text()).toBe('Administrator');
    expect(wrapper.get('[data-testid=home-greeting]').text()).toBe('Hello, Admin Wang');
    expect(wrapper.get('[data-testid=home-card-reviewQueue]').text()).toContain('Review queue');
    expect(wrapper.get('[data-testid=home-card-reviewQueue]').text()).not.toContain('Coming soon');
    expect(wrapper.get('[data-testid=home-card-provinceDashboard]').text()).toContain('Coming soon');
  });
});
