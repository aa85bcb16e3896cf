// @vitest-environment happy-dom
import { resultInput, type ResultFullView, type ResultInput } from '@kezhuan/shared';
import { ElMessageBox } from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resultsApi } from '../../../api/listings';
import { setLocale } from '../../../i18n';
import { apiError, fakeFetch } from '../../../testing/fakeFetch';
import { buildResultView, buildUser, RESULT_ID } from '../../../testing/fixtures';
import { emptyResultForm, resultFormFromView, resultInputFromForm } from '../../results/form';
import { useListingForm } from './useListingForm';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  void setLocale('zh-CN', false);
});

function resultForm(id?: string) {
  return useListingForm({
    id,
    empty: () => emptyResultForm(buildUser()),
    fromView: resultFormFromView,
    toInput: resultInputFromForm,
    schema: resultInput,
    load: async (rid) => {
      const v = await resultsApi.get(rid);
      return v.disclosure === 'full' ? v : null;
    },
    create: (input: ResultInput) => resultsApi.create(input),
    update: resultsApi.update,
    submit: (rid): Promise<ResultFullView> => resultsApi.transition(rid, 'submit'),
  });
}

function fill(form: ReturnType<typeof resultForm>): void {
  Object.assign(form.model, resultFormFromView(buildResultView()));
}

describe('useListingForm', () => {
  it('does not send an invalid form and names the fields to fix', async () => {
    const sent = fakeFetch(() => [500]);
    const form = resultForm();
    expect(await form.save(false)).toEqual({ status: 'invalid' });
    expect(sent).toHaveLength(0);
    expect(form.errors.value.title).toBeTruthy();

    // The rule tying price and 面议 together runs once the fields themselves are valid.
    fill(form);
    form.model.price = null;
    expect(await form.save(false)).toEqual({ status: 'invalid' });
    expect(form.errors.value.price).toBe('请填写价格或选择“面议”（二选一）');
    expect(sent).toHaveLength(0);
  });

  it('creates a draft, and with submit sends it for review', async () => {
    const sent = fakeFetch((req) => {
      if (req.url === '/results') {
        return [201, buildResultView()];
      }
      return [200, buildResultView({ status: 'submitted' })];
    });
    const form = resultForm();
    fill(form);
    expect(await form.save(true)).toEqual({ status: 'saved', id: RESULT_ID, submitted: true });
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /results', `POST /results/${RESULT_ID}/submit`]);
    expect(sent[0]?.body).toMatchObject({ title: '高性能碳纤维原丝预氧化工艺', price: 3_500_000 });
  });

  it('edits by sending only the changed fields, and nothing when nothing changed', async () => {
    const sent = fakeFetch((req) => (req.method === 'GET' ? [200, buildResultView()] : [200, buildResultView({ title: '新标题' })]));
    const form = resultForm(RESULT_ID);
    await form.load();
    expect(form.model.title).toBe('高性能碳纤维原丝预氧化工艺');

    expect(await form.save(false)).toMatchObject({ status: 'saved' });
    expect(sent.filter((r) => r.method === 'PATCH')).toHaveLength(0);

    form.model.title = '新标题';
    form.model.negotiable = true;
    await form.save(false);
    const patch = sent.find((r) => r.method === 'PATCH');
    expect(patch?.url).toBe(`/results/${RESULT_ID}`);
    expect(patch?.body).toEqual({ title: '新标题', negotiable: true });
  });

  it('refuses to edit what the user does not own in full', async () => {
    fakeFetch(() => [200, { ...buildResultView(), disclosure: 'public' }]);
    const form = resultForm(RESULT_ID);
    await form.load();
    expect(form.forbidden.value).toBe(true);
  });

  it('puts server field errors on the form', async () => {
    fakeFetch(() => [400, apiError('VALIDATION_FAILED', [{ path: 'body.ip.items.0.number', message: '编号格式不正确' }])]);
    const form = resultForm();
    fill(form);
    const outcome = await form.save(false);
    expect(outcome.status).toBe('failed');
    expect(form.errors.value['ip.items.0.number']).toBe('编号格式不正确');
  });

  it('asks before saving an amount under 1 万元, and cancelling keeps the form unsaved', async () => {
    const sent = fakeFetch((req) => (req.method === 'POST' ? [201, buildResultView({ price: 8_000 })] : [200, buildResultView({ price: 8_000 })]));
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockRejectedValueOnce('cancel');
    const form = resultForm();
    fill(form);
    form.model.price = 8_000;
    expect(await form.save(false)).toEqual({ status: 'kept' });
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm.mock.calls[0]?.[0]).toContain('不足 1 万元');
    expect(sent).toHaveLength(0);

    confirm.mockResolvedValueOnce('confirm' as never); // what ElMessageBox resolves with on confirm
    expect(await form.save(false)).toMatchObject({ status: 'saved' });
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /results']);
    expect(sent[0]?.body).toMatchObject({ price: 8_000 });

    // Saved once, the confirmed amount is not questioned again; 1 万元 and more never is.
    form.model.title = '新标题';
    await form.save(false);
    form.model.price = 10_000;
    await form.save(false);
    expect(confirm).toHaveBeenCalledTimes(2);
  });
});
