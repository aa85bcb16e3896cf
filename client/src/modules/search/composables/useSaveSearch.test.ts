// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../../i18n';
import { apiError, fakeFetch } from '../../../testing/fakeFetch';
import { buildUser } from '../../../testing/fixtures';
import { withSetup } from '../../../testing/withSetup';
import { useAuthStore } from '../../auth/store';
import { useSaveSearch } from './useSaveSearch';

afterEach(() => {
  vi.unstubAllGlobals();
  void setLocale('zh-CN', false);
});

const PARAMS = { q: '碳纤维', industry: ['C28'] };

describe('useSaveSearch', () => {
  it('sends visitors to sign in and back to this search', async () => {
    const { result, router } = withSetup(() => useSaveSearch('results', PARAMS));
    await router.push('/search/results?q=碳纤维');
    result.start();
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'), { timeout: 5000 });
    expect(decodeURIComponent(String(router.currentRoute.value.query.redirect))).toBe('/search/results?q=碳纤维');
    expect(result.open.value).toBe(false);
  });

  it('saves the search with its parameters and closes the dialog', async () => {
    const sent = fakeFetch(() => [201, { id: 'dddddddddddddddddddddddd' }]);
    const { result } = withSetup(() => useSaveSearch('needs', PARAMS));
    useAuthStore().user = buildUser();
    result.start();
    expect(result.open.value).toBe(true);
    expect(await result.save('化纤', true)).toBe(true);
    expect(result.open.value).toBe(false);
    expect(sent[0]).toMatchObject({ method: 'POST', url: '/saved-searches', body: { kind: 'needs', name: '化纤', params: PARAMS, subscribed: true } });
  });

  it('keeps the dialog open with the field message in the UI language', async () => {
    fakeFetch(() => [400, apiError('VALIDATION_FAILED', [{ path: 'body.name', message: '名称过长' }])]);
    const { result } = withSetup(() => useSaveSearch('results', PARAMS));
    useAuthStore().user = buildUser();
    result.start();
    expect(await result.save('x', false)).toBe(false);
    expect(result.open.value).toBe(true);
    expect(result.error.value).toBe('名称过长');
  });
});
