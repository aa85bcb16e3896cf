import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../api/client';
import { fundingAdminApi } from './api';

afterEach(() => vi.restoreAllMocks());

describe('the funding page ranking slot', () => {
  it('is empty while the review ranking answers 404 (not merged yet, or no reviews)', async () => {
    vi.spyOn(api, 'get').mockRejectedValue(new ApiError(404, 'NOT_FOUND', '不存在', 'Not found'));
    expect(await fundingAdminApi.ranking('0123456789abcdef01234567')).toEqual([]);
  });

  it('reads application ids and mean weighted scores from the ranking rows', async () => {
    vi.spyOn(api, 'get').mockResolvedValue({ items: [{ id: 'a1', meanWeightedScore: 86.5 }, { applicationId: 'a2', meanScore: 70 }, { id: 'a3' }] });
    expect(await fundingAdminApi.ranking('0123456789abcdef01234567')).toEqual([
      { applicationId: 'a1', meanScore: 86.5 },
      { applicationId: 'a2', meanScore: 70 },
      { applicationId: 'a3', meanScore: null },
    ]);
  });

  it('still fails on other errors', async () => {
    vi.spyOn(api, 'get').mockRejectedValue(new ApiError(500, 'INTERNAL', '错误', 'Error'));
    await expect(fundingAdminApi.ranking('0123456789abcdef01234567')).rejects.toBeInstanceOf(ApiError);
  });
});
