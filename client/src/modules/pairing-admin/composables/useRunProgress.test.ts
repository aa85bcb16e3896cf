import type { PairingRunView } from '@kezhuan/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../../testing/fakeFetch';
import { useRunProgress } from './useRunProgress';
import { fakeSocket } from '../../../testing/fakeSocket';


const run = (over: Partial<PairingRunView> = {}): PairingRunView => ({
  id: '650000000000000000000001', term: 2026, status: 'running',
  options: { weights: {}, regionRule: 'nearby', minScore: 20, algorithm: 'optimal' },
  progress: { stage: 'read', done: 0, total: 1 },
  inputs: { requests: 3, commissioners: 2, feasiblePairs: 4 },
  totals: { score: 0, pairs: 0, optimalScore: null, blockingPairs: null },
  timings: { readMs: 0, matrixMs: 0, solveMs: 0, storeMs: 0 },
  error: null, startedAt: '2026-12-06T00:00:00Z', finishedAt: null, ...over,
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('useRunProgress', () => {
  it('polls every second without a socket until the run is proposed, then stops asking', async () => {
    const answers = [run({ progress: { stage: 'matrix', done: 1, total: 2 } }), run({ status: 'proposed', progress: { stage: 'done', done: 1, total: 1 } })];
    const sent = fakeFetch(() => [200, answers.shift() ?? run({ status: 'proposed' })]);
    const { connect } = fakeSocket();
    const seen: string[] = [];
    const p = useRunProgress({ connect, onChange: (r) => seen.push(r.status) });
    p.follow(run());
    await vi.advanceTimersByTimeAsync(0);
    expect(p.run.value?.progress.stage).toBe('matrix');
    await vi.advanceTimersByTimeAsync(1000);
    expect(p.run.value?.status).toBe('proposed');
    const asked = sent.length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent.length).toBe(asked);
    expect(seen).toEqual(['running', 'proposed']);
  });

  it('takes live pushes for its run only, and ignores a late push after the run finished', async () => {
    const sent = fakeFetch(() => [200, run()]);
    const { socket, connect } = fakeSocket(true);
    const p = useRunProgress({ connect });
    p.follow(run());
    await vi.advanceTimersByTimeAsync(0);
    socket.play('pairing:progress', run({ id: '650000000000000000000009', status: 'proposed' }));
    expect(p.run.value?.status).toBe('running');
    socket.play('pairing:progress', run({ status: 'proposed', progress: { stage: 'done', done: 1, total: 1 } }));
    expect(p.run.value?.status).toBe('proposed');
    socket.play('pairing:progress', run({ progress: { stage: 'store', done: 1, total: 2 } }));
    expect(p.run.value?.status).toBe('proposed');
    const asked = sent.length;
    await vi.advanceTimersByTimeAsync(3000);
    expect(sent.length).toBe(asked); // finished: no more polling
    p.stop();
    expect(socket.disconnect).toHaveBeenCalled();
  });
});
