// @vitest-environment happy-dom
import type { MeView } from '@kezhuan/shared';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api/client';
import { currentLocale, setLocale, storedLocale } from '../i18n';
import { useAuthStore } from '../modules/auth/store';
import { useLocale } from './useLocale';

const me: MeView = {
  id: '0123456789abcdef01234567',
  email: 'li@example.cn',
  phone: '13800000000',
  displayName: '李老师',
  title: '',
  bio: '',
  locale: 'zh-CN',
  role: 'researcher',
  org: null,
  membership: null,
  createdAt: '2025-01-01T00:00:00.000Z',
};

beforeEach(() => {
  setActivePinia(createPinia());
  localStorage.clear();
  void setLocale('zh-CN', false);
  setCsrfToken('tok');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useLocale', () => {
  it('switches vue-i18n and Element Plus together and remembers the choice on the device', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const { toggle, elementLocale } = useLocale();
    expect(elementLocale.value.name).toBe('zh-cn');

    await toggle();
    expect(currentLocale()).toBe('en');
    expect(elementLocale.value.name).toBe('en');
    expect(storedLocale()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('also saves the choice on the account when signed in', async () => {
    const fetchSpy = vi.fn((_url: string, _init: RequestInit) =>
      Promise.resolve(new Response(JSON.stringify({ ...me, locale: 'en' }), { status: 200 })),
    );
    vi.stubGlobal('fetch', fetchSpy);
    useAuthStore().user = me;

    await useLocale().switchTo('en');
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const [url, init] = fetchSpy.mock.calls[0] ?? [];
    expect(url).toBe('/api/users/me');
    expect(init?.method).toBe('PATCH');
    expect(init?.body).toBe('{"locale":"en"}');
    expect(useAuthStore().user?.locale).toBe('en');
  });
});
