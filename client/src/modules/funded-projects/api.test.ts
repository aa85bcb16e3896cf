import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../api/client';
import { fundingAdminApi } from './api';

afterEach(() => vi.restoreAllMocks());

describe('the funding page ranking slot', () => {
  it('is empty when the review ranking answers 404', async () => {
    vi.spyOn(api, 'get').mockRejectedValue(new ApiError(404, 'NOT_FOUND', '不存在', 'Not found'));
    expect(await fundingAdminApi.ranking('0123456789abcdef01234567')).toEqual([]);
  });

  it('reads application ids, mean weighted scores and review counts from the ranking, in its order', async () => {
    const row = (applicationId: string, mean: number | null, reviewsDone: number) => ({
      applicationId, title: 't', org: { id: 'o', name: 'n' }, status: 'under_review', requestedFunds: 1, mean, spread: null, reviewsDone, reviewsAssigned: 3,
    });
    const get = vi.spyOn(api, 'get').mockResolvedValue({ callId: 'c', items: [row('a1', 86.5, 3), row('a2', 70, 2), row('a3', null, 0)] });
    expect(await fundingAdminApi.ranking('0123456789abcdef01234567')).toEqual([
      { applicationId: 'a1', meanScore: 86.5, reviewsDone: 3, reviewsAssigned: 3 },
      { applicationId: 'a2', meanScore: 70, reviewsDone: 2, reviewsAssigned: 3 },
      { applicationId: 'a3', meanScore: null, reviewsDone: 0, reviewsAssigned: 3 },
    ]);
    expect(get).toHaveBeenCalledWith('/admin/calls/0123456789abcdef01234567/ranking');
  });

  it('still fails on other errors', async () => {
    vi.spyOn(api, 'get').mockRejectedValue(new ApiError(500, 'INTERNAL', '错误', 'Error'));
    await expect(fundingAdminApi.ranking('0123456789abcdef01234567')).rejects.toBeInstanceOf(ApiError);
  });
});
