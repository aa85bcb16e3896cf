import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, fakeFetch } from '../../../testing/fakeFetch';
import { buildHit, buildRecommendation, NEED_ID, RESULT_ID } from '../../../testing/fixtures';
import { useRecommendations } from './useRecommendations';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useRecommendations', () => {
  it('loads the ranked results for a need', async () => {
    const sent = fakeFetch(() => [200, { items: [buildRecommendation()] }]);
    const recs = useRecommendations('need', NEED_ID);
    await recs.load();
    expect(sent[0]?.url).toBe(`/needs/${NEED_ID}/recommendations`);
    expect(recs.items.value[0]?.score).toBe(87);
  });

  it('treats 401/403 as "not for you" and other failures as errors', async () => {
    fakeFetch(() => [403, apiError('FORBIDDEN')]);
    const recs = useRecommendations('result', RESULT_ID);
    await recs.load();
    expect(recs.denied.value).toBe(true);
    expect(recs.error.value).toBeNull();
    vi.unstubAllGlobals();
    fakeFetch(() => [500, apiError('INTERNAL')]);
    await recs.load();
    expect(recs.denied.value).toBe(false);
    expect(recs.error.value).toBeTruthy();
  });

  it('pairs the ids the right way round on both sides', () => {
    const onNeed = useRecommendations('need', NEED_ID);
    expect(onNeed.feedbackInput(buildRecommendation(), { verdict: 'interested', note: '  ' })).toEqual({
      needId: NEED_ID,
      resultId: RESULT_ID,
      verdict: 'interested',
    });
    const onResult = useRecommendations('result', RESULT_ID);
    const needRec = buildRecommendation({ hit: buildHit({ id: NEED_ID, kind: 'needs' }) });
    expect(onResult.feedbackInput(needRec, { verdict: 'not_fit', reason: 'price', note: ' 预算不够 ' })).toEqual({
      needId: NEED_ID,
      resultId: RESULT_ID,
      verdict: 'not_fit',
      reason: 'price',
      note: '预算不够',
    });
  });

  it('sends feedback and shows the verdict on the item', async () => {
    const sent = fakeFetch((req) => (req.method === 'GET' ? [200, { items: [buildRecommendation()] }] : [200, { verdict: 'not_fit' }]));
    const recs = useRecommendations('need', NEED_ID);
    await recs.load();
    const item = recs.items.value[0]!;
    const sending = recs.sendFeedback(item, { verdict: 'not_fit', reason: 'too_early' });
    expect(recs.sending.value).toBe(RESULT_ID);
    await sending;
    expect(sent[1]).toMatchObject({ method: 'POST', url: '/match-feedback', body: { verdict: 'not_fit', reason: 'too_early' } });
    expect(recs.items.value[0]?.feedback).toBe('not_fit');
    expect(recs.sending.value).toBeNull();
  });

  it('keeps the deal room that interest opened on the item', async () => {
    const DEAL = 'dddddddddddddddddddddddd';
    fakeFetch((req) => (req.method === 'GET' ? [200, { items: [buildRecommendation()] }] : [200, { verdict: 'interested', deal: DEAL }]));
    const recs = useRecommendations('need', NEED_ID);
    await recs.load();
    await recs.sendFeedback(recs.items.value[0]!, { verdict: 'interested' });
    expect(recs.items.value[0]).toMatchObject({ feedback: 'interested', deal: DEAL });
  });

  it('subscribes to the other side about the leading key term when nothing fits yet', async () => {
    const sent = fakeFetch((req) => (req.method === 'GET' ? [200, { items: [], terms: ['碳纤维', '轻量化'] }] : [201, {}]));
    const recs = useRecommendations('need', NEED_ID);
    await recs.load();
    expect(recs.terms.value).toEqual(['碳纤维', '轻量化']);
    expect(await recs.subscribe((q) => `推荐订阅：${q}`)).toBe('碳纤维');
    expect(sent[1]).toMatchObject({
      method: 'POST',
      url: '/saved-searches',
      body: { kind: 'results', name: '推荐订阅：碳纤维', params: { q: '碳纤维' }, subscribed: true },
    });
  });
});
