// @vitest-environment happy-dom
import type { ServiceRequestView } from '@kezhuan/shared';
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../../../i18n';
import { apiError, fakeFetch, flush } from '../../../testing/fakeFetch';
import { regionLabel, serviceRequestInputFromForm, emptyServiceRequestForm } from '../form';
import ServiceRequestFormPage from './ServiceRequestFormPage.vue';

const ID = '999999999999999999999999';
const COMMISSIONER = 'ffffffffffffffffffffffff';

function view(overrides: Partial<ServiceRequestView> = {}): ServiceRequestView {
  return {
    id: ID, status: 'draft', title: '内饰件VOC超标', problem: '汽车内饰件VOC超标，需要改进配方。', industry: 'C36', city: '220100', county: '220106',
    keywords: ['VOC'], urgency: 'high', preferred: [{ id: COMMISSIONER, name: '张华' }], excluded: [], need: null,
    org: { id: 'aaaaaaaaaaaaaaaaaaaaaaaa', name: '宏远汽车零部件' }, owner: { id: 'bbbbbbbbbbbbbbbbbbbbbbbb', name: '王强' },
    openedAt: null, closedAt: null, createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z', canEdit: true, ...overrides,
  };
}

beforeEach(() => {
  setActivePinia(createPinia());
});

afterEach(() => {
  vi.unstubAllGlobals();
  void setLocale('zh-CN', false);
  document.body.innerHTML = '';
});

async function mountPage(id?: string) {
  // The form's own routes, with the list it returns to as a stub.
  const Stub = defineComponent({ render: () => h('div') });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/service-requests', component: Stub },
      { path: '/service-requests/new', component: Stub },
      { path: '/service-requests/:id/edit', component: Stub },
    ],
  });
  await router.push(id ? `/service-requests/${id}/edit` : '/service-requests/new');
  const wrapper = mount(ServiceRequestFormPage, { props: id ? { id } : {}, attachTo: document.body, global: { plugins: [i18n, ElementPlus, router] } });
  await flush();
  return { wrapper, router };
}

const settle = () => new Promise((r) => setTimeout(r, 150));

describe('service request form', () => {
  it('maps the form to the API body: commissioner ids only, no county when none is chosen', () => {
    const m = { ...emptyServiceRequestForm(), title: 't', city: '220100', preferred: [{ id: COMMISSIONER, name: '张华' }] };
    expect(serviceRequestInputFromForm(m)).toMatchObject({ city: '220100', county: null, industry: undefined, preferred: [COMMISSIONER], excluded: [] });
    expect(regionLabel('220100', '220106', 'zh-CN')).toBe('长春市 · 绿园区');
    expect(regionLabel('220100', null, 'en')).toBe('Changchun');
  });

  it('shows every missing field in Chinese and sends nothing', async () => {
    const sent = fakeFetch(() => [500]);
    const { wrapper } = await mountPage();
    await wrapper.get('[data-testid=sr-save]').trigger('click');
    await flush();
    await settle();
    expect(sent).toHaveLength(0);
    const errors = wrapper.findAll('.el-form-item__error').map((e) => e.text());
    expect(errors.length).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('edits a draft, puts server field errors on their field, then saves and opens it for pairing', async () => {
    let patches = 0;
    const sent = fakeFetch((req) => {
      if (req.method === 'GET') {
        return [200, view()];
      }
      if (req.method === 'PATCH') {
        patches += 1;
        return patches === 1
          ? [400, apiError('VALIDATION_FAILED', [{ path: 'body.preferred', message: '须为本服务期已批准的科技特派员' }])]
          : [200, view()];
      }
      return [200, view({ status: 'open' })];
    });
    const { wrapper, router } = await mountPage(ID);
    expect((wrapper.get('[data-testid=sr-title] input').element as HTMLInputElement).value).toBe('内饰件VOC超标');
    await wrapper.get('[data-testid=sr-save-open]').trigger('click');
    await flush();
    await settle();
    expect(wrapper.text()).toContain('须为本服务期已批准的科技特派员');
    expect(router.currentRoute.value.path).toBe(`/service-requests/${ID}/edit`);

    await wrapper.get('[data-testid=sr-save-open]').trigger('click');
    await flush();
    const writes = sent.filter((r) => r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${r.url}`)).toEqual([`PATCH /service-requests/${ID}`, `PATCH /service-requests/${ID}`, `POST /service-requests/${ID}/open`]);
    expect(writes[0]?.body).toMatchObject({ county: '220106', urgency: 'high', preferred: [COMMISSIONER], keywords: ['VOC'] });
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/service-requests?saved=${ID}`));
  }, 60_000);
});
