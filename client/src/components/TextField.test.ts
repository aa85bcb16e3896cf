// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import TextField from './TextField.vue';

describe('TextField', () => {
  it('labels the input, shows the hint, and trims with v-model.trim', async () => {
    const value = ref('');
    const Host = defineComponent({
      setup: () => () =>
        h('form', { class: 'el-form' }, [
          h(TextField, {
            label: '账号',
            testid: 'f-id',
            hint: '邮箱或手机号',
            modelValue: value.value,
            modelModifiers: { trim: true },
            'onUpdate:modelValue': (v: string) => (value.value = v),
          }),
        ]),
    });
    const wrapper = mount(Host, { global: { plugins: [ElementPlus] } });
    const input = wrapper.get('[data-testid=f-id] input');
    expect(input.attributes('aria-label')).toBe('账号');
    expect(wrapper.text()).toContain('邮箱或手机号');
    await input.setValue('  a@b.cn ');
    expect(value.value).toBe('a@b.cn');
  });

  it('shows the error in place of the hint', () => {
    const wrapper = mount(TextField, { props: { label: '密码', testid: 'f-pw', hint: '至少 10 位', error: '密码太常见', modelValue: '' }, global: { plugins: [ElementPlus] } });
    expect(wrapper.text()).not.toContain('至少 10 位');
  });

  it('is a password input with a visibility toggle when asked', () => {
    const wrapper = mount(TextField, { props: { label: '密码', testid: 'f-pw', type: 'password', modelValue: 'x' }, global: { plugins: [ElementPlus] } });
    expect(wrapper.get('[data-testid=f-pw] input').attributes('type')).toBe('password');
    expect(wrapper.find('.el-input__password').exists()).toBe(true);
  });
});
