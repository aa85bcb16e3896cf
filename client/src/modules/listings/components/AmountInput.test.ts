// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n';
import { flush } from '../../../testing/fakeFetch';
import AmountInput from './AmountInput.vue';

describe('AmountInput', () => {
  it('takes 万元 by default, stores yuan, and flags an amount under 1 万元', async () => {
    const wrapper = mount(AmountInput, {
      props: { testid: 'need-budget-max', label: '预算上限', modelValue: null, 'onUpdate:modelValue': (v: number | null) => wrapper.setProps({ modelValue: v }) },
      global: { plugins: [i18n, ElementPlus] },
    });
    const input = wrapper.get('[data-testid=need-budget-max] input');
    await input.setValue('80');
    await input.trigger('change');
    await flush();
    expect(wrapper.props('modelValue')).toBe(800_000);
    expect(wrapper.find('[data-testid=need-budget-max-small]').exists()).toBe(false);

    await wrapper.setProps({ modelValue: 50 }); // 50 元: almost surely meant as 50 万元
    await flush();
    expect(wrapper.get('[data-testid=need-budget-max-small]').text()).toBe('金额不足 1 万元，请确认单位是否正确');
    expect((wrapper.get('[data-testid=need-budget-max] input').element as HTMLInputElement).value).toBe('0.0050');
  }, 30_000);
});
