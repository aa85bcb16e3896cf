// @vitest-environment happy-dom
import type { BudgetRow } from '@kezhuan/shared';
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { i18n } from '../../../i18n';
import BudgetTable from './BudgetTable.vue';
import EligibilityPanel from './EligibilityPanel.vue';

const mountTable = (rows: BudgetRow[], range = { min: 500_000, max: 2_000_000 }) =>
  mount(BudgetTable, { props: { modelValue: rows, range, 'onUpdate:modelValue': () => undefined }, global: { plugins: [ElementPlus, i18n] } });

describe('BudgetTable', () => {
  it('sums own and requested funds and the whole', () => {
    const w = mountTable([
      { item: '设备购置', ownFunds: 800_000, requestedFunds: 600_000 },
      { item: '测试化验', ownFunds: 200_000, requestedFunds: 400_000 },
    ]);
    expect(w.get('[data-testid="total-own"]').text()).toBe('1,000,000');
    expect(w.get('[data-testid="total-requested"]').text()).toBe('1,000,000');
    expect(w.get('[data-testid="total-all"]').text()).toBe('2,000,000');
    expect(w.get('[data-testid="total-requested"]').classes()).not.toContain('is-bad');
  });

  it("flags a requested total outside the call's range, and updates when rows change", async () => {
    const w = mountTable([{ item: '设备', ownFunds: 0, requestedFunds: 3_000_000 }]);
    expect(w.get('[data-testid="total-requested"]').classes()).toContain('is-bad');
    await w.setProps({ modelValue: [{ item: '设备', ownFunds: 0, requestedFunds: 1_500_000 }] });
    await nextTick();
    expect(w.get('[data-testid="total-requested"]').text()).toBe('1,500,000');
    expect(w.get('[data-testid="total-requested"]').classes()).not.toContain('is-bad');
  });
});

describe('EligibilityPanel', () => {
  it('shows each rule with pass or fail and the reason in the current language', () => {
    const w = mount(EligibilityPanel, {
      props: {
        eligibility: {
          eligible: false,
          rules: [
            { rule: 'verified', pass: true, reason: '机构已通过认证', reasonEn: 'The organisation is verified' },
            { rule: 'city', pass: false, reason: '所在市（州）不在本指南受理范围内', reasonEn: 'Not a city the call accepts' },
            { rule: 'joint', pass: true, favoured: true, reason: '产学研联合申报，优先支持', reasonEn: 'Joint application: favoured' },
          ],
        },
      },
      global: { plugins: [ElementPlus, i18n] },
    });
    expect(w.get('[data-testid="eligibility-summary"]').text()).toContain('尚不满足申报条件');
    expect(w.get('[data-testid="rule-city"]').attributes('data-pass')).toBe('false');
    expect(w.get('[data-testid="rule-city"]').text()).toContain('不在本指南受理范围内');
    expect(w.get('[data-testid="rule-verified"]').attributes('data-pass')).toBe('true');
    expect(w.get('[data-testid="rule-joint"]').text()).toContain('优先');
  });
});
