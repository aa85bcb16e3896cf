// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../../../../i18n';
import { fakeFetch, flush, type SentRequest } from '../../../../testing/fakeFetch';
import '../../../../testing/i18nFeatures';
import MyBookingsPage from './MyBookingsPage.vue';

let instruments = 0;
let sent: SentRequest[] = [];

beforeEach(() => {
  void setLocale('zh-CN', false);
  setActivePinia(createPinia());
  sent = fakeFetch((req) => {
    if (req.url.startsWith('/me/instruments')) {
      return [200, { items: [], total: instruments, page: 1, pageSize: 1 }];
    }
    return [200, { items: [], total: 0, page: 1, pageSize: 50 }];
  });
});

afterEach(() => vi.unstubAllGlobals());

async function mountAt(url: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/me/bookings', component: MyBookingsPage }, { path: '/me/instruments/utilisation', component: MyBookingsPage }] });
  await router.push(url);
  await router.isReady();
  const wrapper = mount(MyBookingsPage, { global: { plugins: [i18n, router, ElementPlus] } });
  await flush();
  return { wrapper, router };
}

describe('MyBookingsPage owner side', { timeout: 20_000 }, () => {
  it('hides the owner tab and the utilisation link from an institution without instruments', async () => {
    instruments = 0;
    const { wrapper } = await mountAt('/me/bookings');
    expect(wrapper.find('[data-testid=side-owner]').exists()).toBe(false);
    expect(wrapper.find('[data-testid=utilisation-link]').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('本机构仪器的申请');
    expect(wrapper.text()).not.toContain('仪器利用率');
  });

  it('falls back to the requester side when the URL asks for the owner side of an institution without instruments', async () => {
    instruments = 0;
    const { wrapper, router } = await mountAt('/me/bookings?side=owner');
    expect(wrapper.find('[data-testid=side-owner]').exists()).toBe(false);
    expect(router.currentRoute.value.query.side).toBe('requester');
    expect(sent.filter((r) => r.url.startsWith('/me/bookings')).at(-1)?.url).toContain('side=requester');
  });

  it('shows both to an institution that lists instruments', async () => {
    instruments = 2;
    const { wrapper } = await mountAt('/me/bookings');
    expect(wrapper.find('[data-testid=side-owner]').text()).toBe('本机构仪器的申请');
    expect(wrapper.find('[data-testid=utilisation-link]').text()).toBe('仪器利用率');
  });
});
