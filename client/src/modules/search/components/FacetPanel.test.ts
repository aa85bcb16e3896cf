// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n, setLocale } from '../../../i18n';
import FacetPanel from './FacetPanel.vue';

beforeEach(() => setLocale('zh-CN', false));
const mountIt = (facets: Record<string, Record<string, number>>, filters: Record<string, string[]> = {}) =>
  mount(FacetPanel, { props: { kind: 'results', facets, filters }, global: { plugins: [i18n, ElementPlus] } });

describe('the facet panel', () => {
  it('says there is nothing to filter instead of showing a bare heading', () => {
    const wrapper = mountIt({ city: { '220100': 0 } });
    expect(wrapper.get('[data-testid=facet-empty]').text()).toContain('没有可筛选的条目');
    expect(wrapper.findAll('.kz-facet')).toHaveLength(0);
  });

  it('shows the facets with counts, and a chosen value even when it found nothing', () => {
    const withHits = mountIt({ city: { '220100': 3 } });
    expect(withHits.find('[data-testid=facet-empty]').exists()).toBe(false);
    expect(withHits.get('[data-testid=facet-city]').text()).toContain('3');
    const chosen = mountIt({}, { city: ['220100'] });
    expect(chosen.find('[data-testid=facet-empty]').exists()).toBe(false);
    expect(chosen.find('[data-testid=facet-clear]').exists()).toBe(true);
  });
});
