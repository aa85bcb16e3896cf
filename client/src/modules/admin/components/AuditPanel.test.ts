// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../../../i18n';
import { routes } from '../../../router';
import HistoryTimeline from '../../listings/components/HistoryTimeline.vue';
import AuditPanel from './AuditPanel.vue';

const ORG_ID = '6b117598dd3fddd6bc0e1b1d';
const NEED_ID = '6b1175a4dd3fddd6bc0e207f';

beforeEach(() => {
  void setLocale('zh-CN', false);
  vi.stubGlobal('fetch', () =>
    Promise.resolve(
      new Response(
        JSON.stringify({
          items: [
            {
              id: '6b1175a4dd3fddd6bc0e2080',
              action: 'need.return',
              actor: { id: '6b1175a4dd3fddd6bc0e2081', displayName: '省科技厅管理员' },
              target: { kind: 'need', id: NEED_ID, name: '玉米秸秆还田腐熟技术需求' },
              detail: { title: '玉米秸秆还田腐熟技术需求', org: ORG_ID, reason: '预算填写不完整' },
              ip: '127.0.0.1',
              at: '2026-12-01T08:00:00.000Z',
            },
          ],
          total: 1,
          page: 1,
          pageSize: 20,
        }),
        { status: 200, headers: { 'Content-Type': 'application/json' } },
      ),
    ),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const plugins = () => [i18n, createRouter({ history: createMemoryHistory(), routes }), ElementPlus];

describe('no raw codes in the administrator’s views', () => {
  it('shows audit actions, targets and details as labels and names, never codes or ids', async () => {
    const wrapper = mount(AuditPanel, { global: { plugins: plugins() } });
    await vi.waitFor(() => expect(wrapper.find('[data-testid=audit-target]').exists()).toBe(true));
    const text = wrapper.get('[data-testid=audit-table]').text();
    expect(text).toContain('需求退回修改');
    expect(text).toContain('技术需求 · 玉米秸秆还田腐熟技术需求');
    expect(text).toContain('原因：预算填写不完整');
    expect(text).not.toContain('need.return');
    expect(text).not.toContain(ORG_ID);
    expect(text).not.toContain(NEED_ID);
    expect(wrapper.get('[data-testid=audit-target]').attributes('href')).toBe(`/needs/${NEED_ID}`);
  });

  it('names an import in a listing’s history', () => {
    const wrapper = mount(HistoryTimeline, {
      props: { history: [{ action: 'import', from: null, to: 'draft', by: { id: ORG_ID, name: '省科技厅管理员' }, at: '2026-12-01T08:00:00.000Z', reason: null }] as never },
      global: { plugins: plugins() },
    });
    expect(wrapper.text()).toContain('批量导入');
    expect(wrapper.text()).not.toMatch(/\bimport\b/);
  });
});
