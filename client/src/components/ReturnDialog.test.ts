// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { i18n } from '../i18n';
import { flush } from '../testing/fakeFetch';
import ReturnDialog from './ReturnDialog.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

const mountDialog = (props: { subject: string; messages?: string; testid?: string }) =>
  mount(ReturnDialog, { props: { sending: false, ...props }, attachTo: document.body, global: { plugins: [i18n, ElementPlus] } });

describe('ReturnDialog', () => {
  it('refuses to send back without a reason (in Chinese), then sends the trimmed reason', async () => {
    const w = mountDialog({ subject: '玉米秸秆还田技术' });
    await nextTick();
    const confirm = document.querySelector<HTMLElement>('[data-testid=return-confirm]');
    confirm?.click();
    await nextTick();
    expect(w.emitted('confirm')).toBeUndefined();
    expect(document.body.textContent).toContain('退回“玉米秸秆还田技术”');
    await flush();
    expect(document.querySelector('.el-form-item.is-error')).not.toBeNull();
    const input = document.querySelector<HTMLTextAreaElement>('[data-testid=return-reason-input] textarea');
    expect(input?.placeholder).toContain('例如');
    input!.value = '  请补充专利号  ';
    input!.dispatchEvent(new Event('input'));
    await nextTick();
    confirm?.click();
    expect(w.emitted('confirm')).toEqual([['请补充专利号']]);
  });

  it("speaks the caller's section and test ids: a commissioner's application", async () => {
    mountDialog({ subject: '陈静', messages: 'cm.review', testid: 'cm-return' });
    await nextTick();
    expect(document.querySelector('[data-testid=cm-return-confirm]')?.textContent).toContain('退回修改');
    expect(document.body.textContent).toContain('将 陈静 的申请退回修改');
    expect(document.querySelector<HTMLTextAreaElement>('[data-testid=cm-return-reason-input] textarea')?.placeholder ?? '').toBe('');
  });
});
