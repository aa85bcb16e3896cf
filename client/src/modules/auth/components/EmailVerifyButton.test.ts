// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n, setLocale } from '../../../i18n';
import { apiError, fakeFetch, flush } from '../../../testing/fakeFetch';
import { buildUser } from '../../../testing/fixtures';
import { useAuthStore } from '../store';
import EmailVerifyButton from './EmailVerifyButton.vue';

beforeEach(() => {
  void setLocale('zh-CN', false);
  setActivePinia(createPinia());
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const pending = buildUser('researcher', { emailVerified: false, membership: { orgRole: 'member', status: 'pending' } });
const mountIt = (user = pending) => mount(EmailVerifyButton, { props: { user }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body });
const inBody = (sel: string) => document.body.querySelector<HTMLElement>(sel);

describe('verifying the email from the profile', () => {
  it('sends a code, verifies it and updates the signed-in account', async () => {
    const sent = fakeFetch((req) => {
      if (req.url === '/me/email/verification') {
        return [202, { sent: true, expiresInMinutes: 15 }];
      }
      return [200, { ...pending, emailVerified: true, membership: { orgRole: 'member', status: 'active' } }];
    });
    const auth = useAuthStore();
    auth.user = pending;
    const wrapper = mountIt();
    await wrapper.get('[data-testid=email-verify-open]').trigger('click');
    await flush();
    inBody('[data-testid=email-verify-send]')?.click();
    await flush();
    expect(document.body.textContent).toContain('验证码已发送（15 分钟内有效）');
    const input = inBody('[data-testid=email-verify-code] input') as HTMLInputElement;
    input.value = '123456';
    input.dispatchEvent(new Event('input'));
    await flush();
    inBody('[data-testid=email-verify-submit]')?.click();
    await flush();
    expect(sent.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', '/me/email/verification', {}],
      ['POST', '/me/email/verify', { code: '123456' }],
    ]);
    expect(auth.user?.emailVerified).toBe(true);
    expect(auth.user?.membership?.status).toBe('active');
  });

  it('shows a wrong code on the field and keeps the account unverified', async () => {
    fakeFetch((req) =>
      req.url === '/me/email/verification' ? [202, { sent: true, expiresInMinutes: 15 }] : [400, apiError('VALIDATION_FAILED', [{ path: 'body.code', message: '验证码不正确或已过期' }])],
    );
    const auth = useAuthStore();
    auth.user = pending;
    const wrapper = mountIt();
    await wrapper.get('[data-testid=email-verify-open]').trigger('click');
    await flush();
    inBody('[data-testid=email-verify-send]')?.click();
    await flush();
    const input = inBody('[data-testid=email-verify-code] input') as HTMLInputElement;
    input.value = '000000';
    input.dispatchEvent(new Event('input'));
    await flush();
    inBody('[data-testid=email-verify-submit]')?.click();
    await flush();
    // The server's field error marks the code field (Element Plus draws its text after a transition).
    expect(inBody('.el-dialog .el-form-item')?.classList.contains('is-error')).toBe(true);
    expect(auth.user.emailVerified).toBe(false);
  });

  it('shows a verified email as verified, without the button', () => {
    const wrapper = mountIt(buildUser('researcher', { emailVerified: true }));
    expect(wrapper.find('[data-testid=email-verified]').exists()).toBe(true);
    expect(wrapper.find('[data-testid=email-verify-open]').exists()).toBe(false);
  });
});
