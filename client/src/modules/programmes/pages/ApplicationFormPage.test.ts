// @vitest-environment happy-dom
import type { ApplicationView, CallView } from '@kezhuan/shared';
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../../../i18n';
import { fakeFetch, flush } from '../../../testing/fakeFetch';
import ApplicationFormPage from './ApplicationFormPage.vue';

const ID = '999999999999999999999999';
const CALL = 'cccccccccccccccccccccccc';

const call: CallView = {
  id: CALL, programmeType: 'key_transformation', year: 2026, title: '2026年度重点科技成果转化项目申报指南', description: '支持成果转化。',
  eligibility: { orgTypes: ['enterprise'], cities: [], verifiedRequired: true, resultRequired: false, minMaturity: null, joint: 'favoured' },
  fundingMin: 500_000, fundingMax: 2_000_000, totalBudget: 50_000_000, opensAt: '2026-01-01', closesAt: '2026-12-31',
  requiredDocuments: ['项目可行性研究报告'], criteria: [], status: 'published', publishedAt: null,
};
const app: ApplicationView = {
  id: ID, call: { id: CALL, title: call.title, programmeType: 'key_transformation', year: 2026, closesAt: '2026-12-31' },
  org: { id: 'aaaaaaaaaaaaaaaaaaaaaaaa', name: '宏远汽车零部件' }, status: 'draft', title: '内饰材料中试', description: '完成中试与产业化。',
  results: [], needs: [], partners: [{ id: 'bbbbbbbbbbbbbbbbbbbbbbbb', name: '吉林大学' }],
  budget: [{ item: '设备购置费', ownFunds: 800_000, requestedFunds: 600_000 }], totals: { own: 800_000, requested: 600_000, total: 1_400_000 },
  milestones: [{ name: '完成中试', dueDate: '2027-06-30', kind: 'pilot', target: 1 }], attachments: [], returnReasons: [], submittedAt: null,
  canEdit: true, asPartner: false, updatedAt: '2026-03-01T00:00:00.000Z',
};

beforeEach(() => setActivePinia(createPinia()));
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('application form', () => {
  it('shows a draft with its budget totals, eligibility and documents', async () => {
    fakeFetch((req) => {
      if (req.url.startsWith(`/applications/${ID}/eligibility`)) {
        return [200, { eligible: true, rules: [{ rule: 'verified', pass: true, reason: '机构已通过认证', reasonEn: 'Verified' }] }];
      }
      if (req.url.startsWith(`/applications/${ID}`)) {
        return [200, app];
      }
      if (req.url.startsWith(`/calls/${CALL}`)) {
        return [200, call];
      }
      return [200, { items: [], total: 0, page: 1, pageSize: 50 }];
    });
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: defineComponent({ render: () => h('div') }) }] });
    const w = mount(ApplicationFormPage, { props: { id: ID }, attachTo: document.body, global: { plugins: [i18n, ElementPlus, router] } });
    await flush();
    await new Promise((r) => setTimeout(r, 100));
    await flush();
    expect((w.get('input[data-testid=app-title]').element as HTMLInputElement).value).toBe('内饰材料中试');
    expect(w.get('[data-testid=total-requested]').text()).toBe('600,000');
    expect(w.get('[data-testid=eligibility-summary]').text()).toContain('满足全部申报条件');
    expect(w.findAll('[data-testid=doc-row]')).toHaveLength(1);
  }, 60_000);
});
