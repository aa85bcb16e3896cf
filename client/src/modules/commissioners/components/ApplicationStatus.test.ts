// @vitest-environment happy-dom
import type { CommissionerApplicationView } from '@kezhuan/shared';
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../../../i18n';
import ApplicationStatus from './ApplicationStatus.vue';

function application(overrides: Partial<CommissionerApplicationView> = {}): CommissionerApplicationView {
  return {
    id: 'a'.repeat(24),
    term: 2027,
    name: '王教授',
    title: '教授',
    org: { id: 'b'.repeat(24), name: '吉林大学', type: 'university', city: '220100', verified: true },
    expertise: '玉米深加工与淀粉改性',
    keywords: ['玉米'],
    disciplines: ['550'],
    industries: ['C13'],
    cities: ['220100'],
    counties: ['222401'],
    capacity: 3,
    availability: { daysPerMonth: 4, note: '' },
    status: 'awaiting_endorsement',
    applicant: { id: 'c'.repeat(24), name: '王教授' },
    stakes: [],
    orgStakes: [],
    endorsement: null,
    returnReason: null,
    submittedAt: '2026-12-01T00:00:00.000Z',
    approvedAt: null,
    updatedAt: '2026-12-01T00:00:00.000Z',
    ...overrides,
  } as CommissionerApplicationView;
}

function mountStatus(app: CommissionerApplicationView) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
  return mount(ApplicationStatus, { props: { app }, global: { plugins: [i18n, ElementPlus, router] } });
}

describe('ApplicationStatus', () => {
  it('shows an application awaiting endorsement without an edit button', () => {
    const w = mountStatus(application());
    expect(w.get('[data-testid=cm-app-status]').text()).toBe('待所在单位推荐');
    expect(w.find('[data-testid=cm-edit]').exists()).toBe(false);
    expect(w.text()).toContain('长春市（全市）');
    expect(w.text()).toContain('延吉市');
  });

  it('shows the reason of a sent-back application and offers to edit it', async () => {
    const w = mountStatus(
      application({ status: 'returned', returnReason: '请补充服务企业的具体方向', endorsement: { endorsed: true, by: '张处长', at: '2026-12-02T00:00:00.000Z', note: null } }),
    );
    expect(w.get('[data-testid=cm-app-status]').text()).toBe('已退回修改');
    expect(w.get('[data-testid=cm-return-reason]').text()).toContain('请补充服务企业的具体方向');
    expect(w.get('[data-testid=cm-endorsement]').text()).toContain('张处长');
    await w.get('[data-testid=cm-edit]').trigger('click');
    expect(w.emitted('edit')).toHaveLength(1);
  });

  it('links an approved application to the public profile', () => {
    const w = mountStatus(application({ status: 'approved', approvedAt: '2026-12-03T00:00:00.000Z' }));
    expect(w.get('[data-testid=cm-profile-link]').attributes('href')).toBe(`/commissioners/${'a'.repeat(24)}`);
    expect(w.find('[data-testid=cm-edit]').exists()).toBe(false);
  });
});
