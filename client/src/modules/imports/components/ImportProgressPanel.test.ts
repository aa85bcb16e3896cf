// @vitest-environment happy-dom
import type { ImportJobView, ImportRowError } from '@kezhuan/shared';
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n, setLocale } from '../../../i18n';
import { fakeFetch, flush } from '../../../testing/fakeFetch';
import { buildImportJob } from '../testing';
import ImportProgressPanel from './ImportProgressPanel.vue';

afterEach(() => {
  void setLocale('zh-CN', false);
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const failed = buildImportJob({
  status: 'failed',
  bytesRead: 1000,
  total: 2,
  validated: 2,
  invalidRows: 1,
  errorCount: 60,
  message: '1 行有误（共 60 处），未导入任何数据。',
  messageEn: '1 row is invalid (60 problems); nothing was imported.',
  validateMs: 1234,
  finishedAt: '2026-01-01T00:00:02.000Z',
});
const errors: ImportRowError[] = [
  { row: 3, field: '成果名称', message: '请填写成果名称', messageEn: 'Title is required' },
  { row: 0, field: '文件 file', message: '缺少列：价格（元）', messageEn: 'Missing column: price' },
];

/** Mounted, with el-table's rows rendered (they come a few ticks later). */
async function mountPanel(job: ImportJobView, rows: ImportRowError[] = []) {
  const wrapper = mount(ImportProgressPanel, { props: { job, errors: rows, live: true, loadError: null }, global: { plugins: [i18n, ElementPlus] } });
  await flush();
  return wrapper;
}

describe('ImportProgressPanel', () => {
  it('offers to cancel a job only while it is being checked, and says who cancelled it afterwards', async () => {
    const checking = await mountPanel(buildImportJob({ status: 'validating', size: 1000, bytesRead: 100 }));
    expect(checking.get('[data-testid=import-cancel]').text()).toBe('取消导入');
    expect((await mountPanel(buildImportJob({ status: 'committing' }))).find('[data-testid=import-cancel]').exists()).toBe(false);
    const cancelled = await mountPanel(buildImportJob({ status: 'cancelled', message: '已被 管理员 取消，未导入任何数据', messageEn: 'Cancelled by 管理员; nothing was imported' }));
    expect(cancelled.find('[data-testid=import-cancel]').exists()).toBe(false);
    expect(cancelled.get('[data-testid=import-phase]').text()).toBe('已被 管理员 取消，未导入任何数据');
    expect(cancelled.get('[data-testid=import-status-cancelled]').text()).toBe('已取消');
  });

  it('shows a failed import: why, the counts, the problems and the report link', async () => {
    const wrapper = await mountPanel(failed, errors);
    expect(wrapper.get('[data-testid=import-phase]').text()).toBe('1 行有误（共 60 处），未导入任何数据。');
    expect(wrapper.get('[data-testid=import-count-valid]').text()).toContain('1有效行');
    expect(wrapper.get('[data-testid=import-count-invalid]').classes()).toContain('is-bad');
    expect(wrapper.findAll('[data-testid=import-error-row]').map((c) => c.text())).toEqual(['3', '整个文件']);
    expect(wrapper.findAll('[data-testid=import-error-message]').map((c) => c.text())).toEqual(['请填写成果名称', '缺少列：价格（元）']);
    expect(wrapper.text()).toContain('显示前 2 处，共 60 处问题');
    expect(wrapper.text()).toContain('1.2 秒');
    expect(wrapper.get('[data-testid=import-errors-download]').attributes('href')).toBe(`/api/admin/imports/${failed.id}/errors.csv`);
  });

  it('speaks English when the UI does', async () => {
    await setLocale('en', false);
    const wrapper = await mountPanel(failed, errors);
    expect(wrapper.get('[data-testid=import-phase]').text()).toBe('1 row is invalid (60 problems); nothing was imported.');
    expect(wrapper.findAll('[data-testid=import-error-message]').map((c) => c.text())).toEqual(['Title is required', 'Missing column: price']);
    expect(wrapper.text()).toContain('Whole file');
    expect(wrapper.text()).toContain('Title');
  });

  it('shows a running import with its phase and a finished one with its count', async () => {
    const wrapper = await mountPanel(buildImportJob({ status: 'committing', total: 200, validated: 200, committed: 50 }));
    expect(wrapper.get('[data-testid=import-phase]').text()).toBe('正在写入：50 / 200 行');
    expect(wrapper.text()).toContain('实时更新');
    expect(wrapper.find('[data-testid=import-errors]').exists()).toBe(false);
    await wrapper.setProps({ job: buildImportJob({ status: 'done', total: 200, validated: 200, committed: 200 }) });
    expect(wrapper.get('[data-testid=import-phase]').text()).toBe('导入完成：已导入 200 条科技成果');
    expect(wrapper.text()).not.toContain('实时更新');
  });

  it('links a finished import of listings to its drafts, which it lists with links to their pages', async () => {
    const sent = fakeFetch(() => [200, {
      items: [{ id: 'aaaaaaaaaaaaaaaaaaaaaaaa', kind: 'result', title: '导入的成果', org: { id: 'bbbbbbbbbbbbbbbbbbbbbbbb', name: '吉林示例大学', type: 'university', verified: true }, status: 'draft', updatedAt: '2026-01-01T00:00:00.000Z' }],
      total: 1, page: 1, pageSize: 20,
    }]);
    const RouterLink = { props: ['to'], template: '<a :href="to"><slot /></a>' };
    const job = buildImportJob({ status: 'done', total: 1, validated: 1, committed: 1, finishedAt: '2026-01-01T00:00:02.000Z' });
    const wrapper = mount(ImportProgressPanel, { props: { job, errors: [], live: false, loadError: null }, global: { plugins: [i18n, ElementPlus], stubs: { RouterLink } }, attachTo: document.body });
    await flush();
    expect(sent).toEqual([]);
    const link = wrapper.get('[data-testid=import-listings-link]');
    expect(link.text()).toBe('查看导入的草稿');
    await link.trigger('click');
    await flush();
    expect(sent.map((r) => r.url)).toEqual([`/admin/imports/${job.id}/listings?page=1&pageSize=20`]);
    const row = document.body.querySelector('[data-testid=import-listing-link]');
    expect(row?.textContent).toBe('导入的成果');
    expect(row?.getAttribute('href')).toBe('/results/aaaaaaaaaaaaaaaaaaaaaaaa');
    expect(document.body.textContent).toContain('吉林示例大学');
    wrapper.unmount();

    // No link while running, for organisations, or when nothing was written.
    for (const other of [buildImportJob({ status: 'committing' }), buildImportJob({ status: 'done', kind: 'orgs', committed: 1 }), buildImportJob({ status: 'failed' })]) {
      expect((await mountPanel(other)).find('[data-testid=import-listings-link]').exists()).toBe(false);
    }
  });
});
