// @vitest-environment happy-dom
import { ElMessage, ElMessageBox } from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../../testing/fakeFetch';
import { buildResultView, NEED_ID, RESULT_ID } from '../../../testing/fixtures';
import { useListingActions } from './useListingActions';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('useListingActions', () => {
  it('posts the action for the right kind and marks it busy meanwhile', async () => {
    const sent = fakeFetch(() => [200, buildResultView({ status: 'withdrawn' })]);
    const actions = useListingActions('result');
    const running = actions.run(RESULT_ID, 'withdraw');
    expect(actions.busy.value).toBe('withdraw');
    expect((await running).status).toBe('withdrawn');
    expect(actions.busy.value).toBeNull();
    await useListingActions('need').run(NEED_ID, 'confirm');
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([`POST /results/${RESULT_ID}/withdraw`, `POST /needs/${NEED_ID}/confirm`]);
  });

  it('performs an owner\'s action: asks before withdrawing, and answers null when refused', async () => {
    const sent = fakeFetch(() => [200, buildResultView({ status: 'submitted' })]);
    const actions = useListingActions('result');
    expect((await actions.perform(RESULT_ID, 'submit'))?.status).toBe('submitted');
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockRejectedValueOnce('cancel');
    expect(await actions.perform(RESULT_ID, 'withdraw')).toBeNull();
    expect(confirm).toHaveBeenCalledOnce();
    expect(sent.map((r) => r.url)).toEqual([`/results/${RESULT_ID}/submit`]);
    fakeFetch(() => [409, { error: { code: 'INVALID_STATE', message: '状态不对', messageEn: 'Bad state' } }]);
    const error = vi.spyOn(ElMessage, 'error').mockImplementation(() => ({ close: () => undefined }) as never);
    expect(await actions.perform(RESULT_ID, 'confirm')).toBeNull();
    expect(error).toHaveBeenCalledWith('状态不对');
  });

  it('clears busy when the action fails', async () => {
    fakeFetch(() => [409, { error: { code: 'INVALID_STATE', message: '状态不对', messageEn: 'Bad state' } }]);
    const actions = useListingActions('result');
    await expect(actions.run(RESULT_ID, 'submit')).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(actions.busy.value).toBeNull();
  });
});
