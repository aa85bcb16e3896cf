// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n';
import { buildHit } from '../../../testing/fixtures';
import { testRouter } from '../../../testing/withSetup';
import SearchHitItem from './SearchHitItem.vue';

describe('SearchHitItem', () => {
  it('renders the highlight marks but nothing else the snippet may carry', () => {
    const hit = buildHit({
      highlights: {
        title: '高性能<mark>碳纤维</mark><img src=x onerror="alert(1)">',
        summary: '…<script>alert(1)</script>用于<mark>碳纤维</mark>生产…',
      },
    });
    const wrapper = mount(SearchHitItem, { props: { hit }, global: { plugins: [i18n, ElementPlus, testRouter()] } });
    const title = wrapper.get('[data-testid=search-hit-title]');
    expect(title.findAll('mark').map((m) => m.text())).toEqual(['碳纤维']);
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.find('script').exists()).toBe(false);
    expect(wrapper.get('.kz-hit__snippet').text()).toBe('…alert(1)用于碳纤维生产…');
    expect(wrapper.text()).toContain('吉林大学');
    expect(wrapper.text()).toContain('长春市');
    expect(wrapper.text()).toContain('中试');
    expect(wrapper.text()).toContain('350 万元');
    expect(title.attributes('href')).toBe('/results/bbbbbbbbbbbbbbbbbbbbbbbb');
  });

  it('escapes a title without highlight as plain text', () => {
    const hit = buildHit({ title: '<b>粗</b>', highlights: {} });
    const wrapper = mount(SearchHitItem, { props: { hit }, global: { plugins: [i18n, ElementPlus, testRouter()] } });
    expect(wrapper.get('[data-testid=search-hit-title]').text()).toBe('<b>粗</b>');
  });
});
