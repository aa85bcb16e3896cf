// @vitest-environment happy-dom
import type { ResultView } from '@kezhuan/shared';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resultsApi } from '../../../api/listings';
import { fakeFetch } from '../../../testing/fakeFetch';
import { buildResultView, buildUser, RESULT_ID } from '../../../testing/fixtures';
import { useAuthStore } from '../../auth/store';
import { useListingDetail } from './useListingDetail';

beforeEach(() => {
  setActivePinia(createPinia());
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useListingDetail', () => {
  it('loads a listing and knows whether the user owns it', async () => {
    fakeFetch(() => [200, buildResultView()]);
    const detail = useListingDetail<ResultView>(resultsApi.get);
    await detail.load(RESULT_ID);
    expect(detail.view.value?.title).toBe('高性能碳纤维原丝预氧化工艺');
    expect(detail.owner.value).toBe(false);
    useAuthStore().user = buildUser('researcher');
    expect(detail.owner.value).toBe(true);
  });

  it('reads 404 and a malformed id as "not found", other failures as errors', async () => {
    fakeFetch(() => [404, { error: { code: 'NOT_FOUND', message: '找不到', messageEn: 'Not found' } }]);
    const detail = useListingDetail<ResultView>(resultsApi.get);
    await detail.load(RESULT_ID);
    expect(detail.notFound.value).toBe(true);
    expect(detail.error.value).toBeNull();

    vi.unstubAllGlobals();
    fakeFetch(() => [500, { error: { code: 'INTERNAL', message: '错误', messageEn: 'Error' } }]);
    await detail.load(RESULT_ID);
    expect(detail.notFound.value).toBe(false);
    expect(detail.error.value).toBeTruthy();
  });

  it('takes the view an action answered with', async () => {
    fakeFetch(() => [200, buildResultView()]);
    const detail = useListingDetail<ResultView>(resultsApi.get);
    await detail.load(RESULT_ID);
    detail.replace(buildResultView({ status: 'submitted' }));
    expect(detail.view.value?.status).toBe('submitted');
  });
});
