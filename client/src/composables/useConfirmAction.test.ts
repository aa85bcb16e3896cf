// @vitest-environment happy-dom
import { ElMessage, ElMessageBox } from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, fakeFetch } from '../testing/fakeFetch';
import { api } from '../api/client';
import { useConfirmAction } from './useConfirmAction';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('useConfirmAction', () => {
  it('runs the action with its key busy meanwhile and says it was done', async () => {
    fakeFetch(() => [200, { ok: true }]);
    const success = vi.spyOn(ElMessage, 'success');
    const { busy, run } = useConfirmAction();
    const running = run('u1', () => api.post('/x'), { done: '已完成' });
    expect(busy.value).toBe('u1');
    expect(await running).toBe(true);
    expect(busy.value).toBeNull();
    expect(success).toHaveBeenCalledWith('已完成');
  });

  it('asks first: a cancelled question runs nothing; a refusal is said and answers false', async () => {
    const sent = fakeFetch(() => [409, apiError('INVALID_STATE')]);
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockRejectedValueOnce('cancel');
    const error = vi.spyOn(ElMessage, 'error');
    const { run } = useConfirmAction();
    const question = { title: '停用账号', message: '确定停用吗？' };
    expect(await run('u1', () => api.post('/x'), { confirm: question })).toBe(false);
    expect(sent).toEqual([]);
    expect(confirm).toHaveBeenCalledWith('确定停用吗？', '停用账号', expect.objectContaining({ confirmButtonText: '停用账号' }));
    confirm.mockResolvedValueOnce('confirm' as never);
    expect(await run('u1', () => api.post('/x'), { confirm: question })).toBe(false);
    expect(sent).toHaveLength(1);
    expect(error).toHaveBeenCalledTimes(1);
  });
});
