// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n, setLocale } from '../../../i18n';
import ListingStatusTag from './ListingStatusTag.vue';

afterEach(() => {
  void setLocale('zh-CN', false);
});

const tag = (props: { status: 'draft' | 'published'; returnReason?: string | null }) =>
  mount(ListingStatusTag, { props, global: { plugins: [i18n, ElementPlus] } });

describe('ListingStatusTag', () => {
  it('shows a draft sent back by a reviewer as 已退回, not 草稿', async () => {
    expect(tag({ status: 'draft', returnReason: '请补充中试数据' }).text()).toBe('已退回');
    expect(tag({ status: 'draft', returnReason: '请补充中试数据' }).find('[data-testid=status-returned]').exists()).toBe(true);
    expect(tag({ status: 'draft', returnReason: null }).text()).toBe('草稿');
    expect(tag({ status: 'published', returnReason: '旧原因' }).text()).toBe('已发布');
    await setLocale('en', false);
    expect(tag({ status: 'draft', returnReason: 'x' }).text()).toBe('Returned');
  });
});
