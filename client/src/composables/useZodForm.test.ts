// @vitest-environment happy-dom
import { email, loginInput } from '@kezhuan/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { nextTick, reactive } from 'vue';
import { z } from 'zod';
import { ApiError } from '../api/client';
import { setLocale } from '../i18n';
import { stripSource, useZodForm } from './useZodForm';

const emailForm = z.strictObject({ email, name: z.string().min(1) });

afterEach(() => {
  void setLocale('zh-CN');
});

describe('useZodForm', () => {
  it('words a bad email in Chinese under zh-CN and in English under en', async () => {
    void setLocale('zh-CN');
    const model = reactive({ email: 'not-an-email', name: 'x' });
    const form = useZodForm(emailForm, model);

    expect(form.validate()).toBeUndefined();
    expect(form.errors.value.email).toBe('邮箱格式不正确');

    await setLocale('en');
    await nextTick();
    expect(form.errors.value.email).toBe('Invalid email address');
    expect(form.errors.value.name).toBeUndefined();
  });

  it('uses the shared custom messages for refinements', () => {
    const model = reactive({ identifier: '   ', password: 'x' });
    const form = useZodForm(loginInput, model);
    form.validate();
    expect(form.errors.value.identifier).toBe('请输入邮箱或手机号');
  });

  it('maps server field errors onto the form with the body./query. prefix stripped', () => {
    const model = reactive({ email: 'a@b.cn', newOrg: { uscc: '91220101MA0000000X' } });
    const form = useZodForm(z.any(), model);
    const err = new ApiError(409, 'CONFLICT', '与现有数据冲突', 'Conflicts with existing data', [
      { path: 'body.email', code: 'duplicate', message: '该邮箱已注册', messageEn: 'This email is already registered' },
      { path: 'body.newOrg.uscc', code: 'custom', message: '校验位不正确', messageEn: 'Bad check character' },
      { path: 'query.page', code: 'too_small', message: '不能少于 1', messageEn: 'Must be at least 1' },
    ]);

    expect(form.applyServerError(err)).toBe(true);
    expect(form.errors.value).toEqual({
      email: '该邮箱已注册',
      'newOrg.uscc': '校验位不正确',
      page: '不能少于 1',
    });
  });

  it('applies aliases for server paths that name a nested field by its leaf', () => {
    const model = reactive({ newOrg: { uscc: 'X' } });
    const form = useZodForm(z.any(), model, { aliases: { uscc: 'newOrg.uscc' } });
    form.applyServerFields([{ path: 'uscc', code: 'duplicate', message: '已注册', messageEn: 'Taken' }]);
    expect(form.errors.value['newOrg.uscc']).toBe('已注册');
  });

  it('keeps a server error until its own field is edited', async () => {
    const model = reactive({ email: 'taken@example.com', name: 'A' });
    const form = useZodForm(z.any(), model);
    form.applyServerFields([{ path: 'body.email', code: 'duplicate', message: '该邮箱已注册', messageEn: 'Taken' }]);

    model.name = 'B';
    await nextTick();
    expect(form.errors.value.email).toBe('该邮箱已注册');

    model.email = 'free@example.com';
    await nextTick();
    expect(form.errors.value.email).toBeUndefined();
  });

  it('ignores errors that carry no fields', () => {
    const form = useZodForm(z.any(), {});
    expect(form.applyServerError(new ApiError(401, 'INVALID_CREDENTIALS', '账号或密码错误', 'Wrong'))).toBe(false);
    expect(form.applyServerError(new Error('boom'))).toBe(false);
    expect(form.hasErrors.value).toBe(false);
  });

  it('clears the errors once the input is valid and returns the parsed data', async () => {
    const model = reactive({ email: 'bad', name: '' });
    const form = useZodForm(emailForm, model);
    form.validate();
    expect(Object.keys(form.errors.value).sort()).toEqual(['email', 'name']);

    model.email = 'Someone@Example.CN';
    await nextTick();
    expect(form.errors.value.email).toBeUndefined();
    expect(form.errors.value.name).toBeDefined();

    model.name = '张三';
    const data = form.validate();
    expect(data).toEqual({ email: 'someone@example.cn', name: '张三' });
    expect(form.errors.value).toEqual({});
    expect(form.hasErrors.value).toBe(false);
  });
});

describe('stripSource', () => {
  it('strips only a leading request part', () => {
    expect(stripSource('body.newOrg.uscc')).toBe('newOrg.uscc');
    expect(stripSource('query.page')).toBe('page');
    expect(stripSource('email')).toBe('email');
    expect(stripSource('newOrg.body')).toBe('newOrg.body');
  });
});
