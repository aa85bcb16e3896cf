// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import ListPager from './ListPager.vue';

const mountPager = (total: number) => mount(ListPager, { props: { total, page: 1, pageSize: 20 }, global: { plugins: [ElementPlus, i18n] } });

describe('ListPager', () => {
  it('stays hidden while everything fits on one page', () => {
    expect(mountPager(20).find('.el-pagination').exists()).toBe(false);
  });

  it('pages through a longer list and says which page was chosen', async () => {
    const w = mountPager(45);
    expect(w.findAll('.el-pager li').map((li) => li.text())).toEqual(['1', '2', '3']);
    await w.findAll('.el-pager li')[2]!.trigger('click');
    expect(w.emitted('change')).toEqual([[3]]);
  });
});
