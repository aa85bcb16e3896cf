import type { ImportJobDetailView, ImportJobView } from '@kezhuan/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../../testing/fakeFetch';
import { buildImportJob, IMPORT_ID } from '../testing';
import { useImportJob } from './useImportJob';
import { fakeSocket } from '../../../testing/fakeSocket';


const at = (s: number) => `2026-01-01T00:00:${String(s).padStart(2, '0')}.000Z`;
const detail = (overrides: Partial<ImportJobDetailView>): ImportJobDetailView => ({ ...buildImportJob(overrides), errors: [], ...overrides });

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('useImportJob without a socket', () => {
  it('asks every second until the job is finished, then shows its problems and stops', async () => {
    const answers = [
      detail({ status: 'validating', bytesRead: 500, updatedAt: at(1) }),
      detail({ status: 'validating', bytesRead: 1000, updatedAt: at(2) }),
      detail({ status: 'failed', bytesRead: 1000, invalidRows: 1, errorCount: 1, updatedAt: at(3), errors: [{ row: 3, field: '成果名称', message: '必填', messageEn: 'Required' }] }),
    ];
    const sent = fakeFetch(() => [200, answers.shift() ?? answers.at(-1)]);
    const { connect } = fakeSocket();
    const changes: ImportJobView[] = [];
    const tracker = useImportJob({ connect, onChange: (j) => changes.push(j) });

    tracker.follow(buildImportJob({ updatedAt: at(0) }));
    await vi.advanceTimersByTimeAsync(0);
    expect(tracker.job.value?.bytesRead).toBe(500);
    await vi.advanceTimersByTimeAsync(1000);
    expect(tracker.job.value?.bytesRead).toBe(1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(tracker.job.value?.status).toBe('failed');
    expect(tracker.errors.value).toEqual([{ row: 3, field: '成果名称', message: '必填', messageEn: 'Required' }]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent.map((r) => r.url)).toEqual(Array(3).fill(`/admin/imports/${IMPORT_ID}`));
    expect(changes.map((j) => j.status)).toEqual(['validating', 'validating', 'failed']);
    expect(changes.every((j) => !('errors' in j))).toBe(true);
    tracker.stop();
  });

  it('keeps the last progress and says so when the server cannot be reached', async () => {
    fakeFetch(() => [503, { error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂不可用', messageEn: 'Service unavailable' } }]);
    const tracker = useImportJob({ connect: fakeSocket().connect });
    tracker.follow(buildImportJob({ bytesRead: 300 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(tracker.job.value?.bytesRead).toBe(300);
    expect(tracker.loadError.value).toBeTruthy();
    tracker.stop();
  });
});

describe('useImportJob with a socket', () => {
  it('follows pushes of its own job, ignores others and stale ones, and loads the problems at the end', async () => {
    const sent = fakeFetch(() => [200, detail({ status: 'validating', updatedAt: at(0) })]);
    const { socket, connect } = fakeSocket(true);
    const tracker = useImportJob({ connect });
    expect(tracker.live.value).toBe(true);
    tracker.follow(buildImportJob({ updatedAt: at(0) }));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);

    socket.play('import:progress', buildImportJob({ status: 'committing', total: 4, committed: 2, updatedAt: at(2) }));
    socket.play('import:progress', buildImportJob({ status: 'validating', bytesRead: 900, updatedAt: at(3) }));
    socket.play('import:progress', buildImportJob({ id: 'ffffffffffffffffffffffff', status: 'done', updatedAt: at(4) }));
    expect(tracker.job.value).toMatchObject({ status: 'committing', committed: 2 });
    // While pushes keep coming the server is not asked.
    await vi.advanceTimersByTimeAsync(1000);
    socket.play('import:progress', buildImportJob({ status: 'committing', total: 4, committed: 3, updatedAt: at(5) }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(1);

    const errors = [{ row: 0, field: '文件 file', message: '示例', messageEn: 'Example' }];
    const final = fakeFetch(() => [200, detail({ status: 'done', total: 4, committed: 4, updatedAt: at(6), errors })]);
    socket.play('import:progress', buildImportJob({ status: 'done', total: 4, committed: 4, updatedAt: at(6) }));
    await vi.advanceTimersByTimeAsync(5000);
    expect(tracker.job.value).toMatchObject({ status: 'done', committed: 4 });
    expect(tracker.errors.value).toEqual(errors);
    expect(final).toHaveLength(1);
    tracker.stop();
    expect(socket.disconnect).toHaveBeenCalled();
  });

  it('falls back to polling when pushes stop or the socket drops', async () => {
    const sent = fakeFetch(() => [200, detail({ status: 'validating', updatedAt: at(0) })]);
    const { socket, connect } = fakeSocket(true);
    const tracker = useImportJob({ connect });
    tracker.follow(buildImportJob({ updatedAt: at(0) }));
    await vi.advanceTimersByTimeAsync(0);
    socket.play('disconnect');
    expect(tracker.live.value).toBe(false);
    await vi.advanceTimersByTimeAsync(3000);
    expect(sent.length).toBe(4);
    socket.play('connect');
    expect(tracker.live.value).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.length).toBe(5); // catching up at once
    tracker.stop();
  });
});
