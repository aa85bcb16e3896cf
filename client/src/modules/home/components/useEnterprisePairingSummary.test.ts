import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../../testing/fakeFetch';
import { buildEntry, buildPairing, buildService } from '../../pairings/fixtures';
import { useEnterprisePairingSummary } from './useEnterprisePairingSummary';

afterEach(() => vi.unstubAllGlobals());

describe('the enterprise home block', () => {
  it('lists open requests, pairings awaiting my answer, and accepted pairings with entries to confirm', async () => {
    const waiting = buildPairing();
    const answered = buildPairing({ id: '2'.repeat(24), mayAnswer: null });
    const serving = buildPairing({ id: '3'.repeat(24), status: 'accepted', mayAnswer: null });
    const quiet = buildPairing({ id: '4'.repeat(24), status: 'accepted', mayAnswer: null });
    const sent = fakeFetch((req) => {
      if (req.url.startsWith('/me/service-requests')) {
        return [200, { items: [{ id: '5'.repeat(24), title: '内饰件VOC超标' }], total: 1, page: 1, pageSize: 5 }];
      }
      if (req.url.startsWith('/me/pairings')) {
        return [200, { items: [waiting, answered, serving, quiet], total: 4, page: 1, pageSize: 50 }];
      }
      const logged = req.url.includes(serving.id) ? [buildEntry(), buildEntry({ id: '6'.repeat(24) }), buildEntry({ id: '7'.repeat(24), status: 'confirmed' })] : [buildEntry({ status: 'confirmed' })];
      return [200, buildService({ entries: logged })];
    });
    const s = useEnterprisePairingSummary();
    await s.load();
    expect(sent.map((r) => r.url)).toEqual(expect.arrayContaining(['/me/service-requests?status=open&pageSize=5', '/me/pairings?side=enterprise&pageSize=50']));
    expect(s.openTotal.value).toBe(1);
    expect(s.awaitingAnswer.value.map((p) => p.id)).toEqual([waiting.id]);
    expect(s.awaitingEntries.value.map((x) => [x.pairing.id, x.count])).toEqual([[serving.id, 2]]);
    expect(s.error.value).toBeNull();
  });

  it('keeps the error to show instead of the block', async () => {
    fakeFetch(() => [500, { error: { code: 'INTERNAL', message: '服务器错误', messageEn: 'Server error' } }]);
    const s = useEnterprisePairingSummary();
    await s.load();
    expect(s.error.value).not.toBeNull();
    expect(s.loading.value).toBe(false);
  });
});
