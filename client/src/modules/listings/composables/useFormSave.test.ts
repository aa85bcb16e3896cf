// @vitest-environment happy-dom
import { ElMessage } from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/client';
import { withSetup } from '../../../testing/withSetup';
import { useFormSave } from './useFormSave';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('useFormSave', () => {
  it('opens the saved listing and says whether it was submitted', async () => {
    const success = vi.spyOn(ElMessage, 'success').mockImplementation(() => ({ close: () => undefined }));
    const { result, router } = withSetup(() => useFormSave((id) => `/results/${id}`));
    await result.handle({ status: 'saved', id: 'bbbbbbbbbbbbbbbbbbbbbbbb', submitted: true });
    expect(router.currentRoute.value.path).toBe('/results/bbbbbbbbbbbbbbbbbbbbbbbb');
    expect(success).toHaveBeenCalledWith('已提交审核，管理员审核通过后发布');
  });

  it('stays on the form and explains invalid or failed saves', async () => {
    const error = vi.spyOn(ElMessage, 'error').mockImplementation(() => ({ close: () => undefined }));
    const { result, router } = withSetup(() => useFormSave((id) => `/results/${id}`));
    await router.push('/about');
    await result.handle({ status: 'invalid' });
    await result.handle({ status: 'failed', error: new ApiError(409, 'INVALID_STATE', '当前状态下不能执行此操作', 'Not possible') });
    expect(router.currentRoute.value.path).toBe('/about');
    expect(error.mock.calls.map((c) => c[0])).toEqual(['请检查标出的字段', '当前状态下不能执行此操作']);
  });
});
