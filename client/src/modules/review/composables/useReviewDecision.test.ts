import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../../testing/fakeFetch';
import { NEED_ID, RESULT_ID } from '../../../testing/fixtures';
import { useReviewDecision } from './useReviewDecision';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useReviewDecision', () => {
  it('approves, or returns with the trimmed reason', async () => {
    const sent = fakeFetch((req) => [200, { id: RESULT_ID, kind: 'result', status: 'published', reason: null, ...(req.body as object) }]);
    const results = useReviewDecision('result');
    const approving = results.approve(RESULT_ID);
    expect(results.busy.value).toBe(RESULT_ID);
    await approving;
    expect(results.busy.value).toBeNull();
    await useReviewDecision('need').sendBack(NEED_ID, '  请补充预算  ');
    expect(sent.map((r) => [r.url, r.body])).toEqual([
      [`/admin/review/result/${RESULT_ID}`, { decision: 'approve' }],
      [`/admin/review/need/${NEED_ID}`, { decision: 'return', reason: '请补充预算' }],
    ]);
  });
});
