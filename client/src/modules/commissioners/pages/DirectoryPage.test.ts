// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElSelect } from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../../../i18n';
import DirectoryPage from './DirectoryPage.vue';

let urls: string[] = [];

beforeEach(() => {
  void setLocale('zh-CN', false);
  setActivePinia(createPinia());
  urls = [];
  vi.stubGlobal('fetch', (input: string) => {
    urls.push(String(input));
    return Promise.resolve(new Response(JSON.stringify({ items: [], total: 0, page: 1, pageSize: 12 }), { status: 200, headers: { 'Content-Type': 'application/json' } }));
  });
});

afterEach(() => vi.unstubAllGlobals());

async function mountAt(url: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/commissioners', component: DirectoryPage }] });
  await router.push(url);
  await router.isReady();
  const wrapper = mount(DirectoryPage, { global: { plugins: [i18n, router, ElementPlus] } });
  await flushPromises();
  return { wrapper, router };
}

const directoryCalls = () => urls.filter((u) => u.includes('/api/commissioners'));

describe('DirectoryPage area filter', { timeout: 20_000 }, () => {
  it('offers no county until a city is chosen', async () => {
    const { wrapper } = await mountAt('/commissioners');
    expect(wrapper.find('[data-testid=cm-dir-county]').exists()).toBe(false);
  });

  it("reads a county of the chosen city from the URL and asks the API for it", async () => {
    await mountAt('/commissioners?city=222400&county=222401');
    const last = directoryCalls().at(-1) ?? '';
    expect(last).toContain('city=222400');
    expect(last).toContain('county=222401');
  });

  it("ignores a county that is not in the chosen city", async () => {
    await mountAt('/commissioners?city=220100&county=222401');
    expect(directoryCalls().at(-1)).not.toContain('county=');
  });

  it('puts the picked county in the query and the URL', async () => {
    const { wrapper, router } = await mountAt('/commissioners?city=222400');
    const select = wrapper.findAllComponents(ElSelect).find((c) => c.props('placeholder') === '全市（全部县区）');
    if (!select) {
      throw new Error('no county select');
    }
    select.vm.$emit('update:modelValue', '222402');
    select.vm.$emit('change', '222402');
    await flushPromises();
    expect(directoryCalls().at(-1)).toContain('county=222402');
    expect(router.currentRoute.value.query.county).toBe('222402');
  });
});
