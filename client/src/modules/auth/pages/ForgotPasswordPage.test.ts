// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../../../i18n';
import { fakeFetch, flush, type SentRequest } from '../../../testing/fakeFetch';
import ForgotPasswordPage from './ForgotPasswordPage.vue';

let sent: SentRequest[] = [];

beforeEach(() => {
  void setLocale('zh-CN', false);
  setActivePinia(createPinia());
  sent = fakeFetch(() => [200, { ok: true }]);
});

afterEach(() => vi.unstubAllGlobals());

async function mountAt(url: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/forgot-password', component: ForgotPasswordPage }, { path: '/login', name: 'login', component: { template: '<div />' } }] });
  await router.push(url);
  await router.isReady();
  const wrapper = mount(ForgotPasswordPage, { global: { plugins: [i18n, router, ElementPlus] } });
  await flush();
  return { wrapper, router };
}

describe('ForgotPasswordPage from an invitation link', { timeout: 20_000 }, () => {
  it('goes straight to setting the password with the code of the link', async () => {
    const { wrapper, router } = await mountAt('/forgot-password?identifier=zhang%40example.edu.cn&code=042917');
    expect(wrapper.find('h1').text()).toBe('设置密码');
    expect(wrapper.find('[data-testid=reset-from-link]').text()).toContain('验证码已从邮件中的链接填入');
    expect(wrapper.find<HTMLInputElement>('[data-testid=reset-code] input').element.value).toBe('042917');
    await wrapper.find('[data-testid=reset-password] input').setValue('Autumn-leaf-2032');
    await wrapper.find('form').trigger('submit');
    await flush();
    expect(sent.map((r) => [r.method, r.url, r.body])).toEqual([['POST', '/auth/password-reset/confirm', { identifier: 'zhang@example.edu.cn', code: '042917', newPassword: 'Autumn-leaf-2032' }]]);
    expect(router.currentRoute.value.path).toBe('/login');
  });

  it('asks for the identifier first without a code, or with a code that is not one', async () => {
    const { wrapper } = await mountAt('/forgot-password?identifier=zhang%40example.edu.cn&code=%3Cb%3E');
    expect(wrapper.find('[data-testid=reset-code]').exists()).toBe(false);
    expect(wrapper.find('[data-testid=reset-submit]').text()).toBe('发送验证码');
  });
});
