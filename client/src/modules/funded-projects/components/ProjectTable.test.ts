// @vitest-environment happy-dom
import type { ProjectSummaryView } from '@kezhuan/shared';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, loadFeatureMessages, setLocale } from '../../../i18n';
import ProjectTable from './ProjectTable.vue';

const row: ProjectSummaryView = {
  id: 'a'.repeat(24), number: 'JCX-2013-004', title: '毫米波成像中试', org: { id: 'b'.repeat(24), name: '长春宏远汽车零部件有限公司' },
  programmeType: 'sme_innovation', year: 2013, amount: 1_000_000, state: 'active', overdueCount: 1,
};

beforeAll(async () => {
  await setLocale('zh-CN', false);
  await loadFeatureMessages(['funded', 'programmes']);
});

async function table(open: boolean) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
  const w = mount(ProjectTable, { props: { items: [row], loading: false, empty: '无', open }, global: { plugins: [i18n, ElementPlus, router] } });
  await flushPromises(); // the table renders its rows after layout
  return w;
}

describe('ProjectTable', () => {
  it('links each title to its project page and flags overdue milestones for the organisation and administrators', async () => {
    const w = await table(false);
    expect(w.get('[data-testid=project-link]').attributes('href')).toBe(`/projects/${row.id}`);
    expect(w.text()).toContain('逾期 1 项');
  });

  it('in the public list shows titles without links and no overdue count', async () => {
    const w = await table(true);
    expect(w.find('[data-testid=project-link]').exists()).toBe(false);
    expect(w.get('[data-testid=project-title-cell]').text()).toBe('毫米波成像中试');
    expect(w.text()).not.toContain('逾期');
    expect(w.text()).toContain('JCX-2013-004');
  });
});
