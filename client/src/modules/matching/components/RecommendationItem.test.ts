// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { i18n, setLocale } from '../../../i18n';
import { buildRecommendation } from '../../../testing/fixtures';
import { testRouter } from '../../../testing/withSetup';
import RecommendationItem from './RecommendationItem.vue';

afterEach(() => {
  void setLocale('zh-CN', false);
  document.body.innerHTML = '';
});

function mountItem(item = buildRecommendation()) {
  return mount(RecommendationItem, {
    props: { item, sending: false },
    attachTo: document.body,
    global: { plugins: [i18n, ElementPlus, testRouter()] },
  });
}

/** Element Plus shows a form item's error after a 100 ms debounce. */
const settle = () => new Promise((r) => setTimeout(r, 150));

/** The dialog is teleported to <body>; query it there. */
const inBody = (selector: string) => document.body.querySelector<HTMLElement>(selector);

describe('RecommendationItem', () => {
  it('shows the score and every reason with its points, strongest first', () => {
    const wrapper = mountItem();
    expect(wrapper.get('[data-testid=rec-score]').text()).toBe('87');
    const reasons = wrapper.findAll('[data-testid=rec-reason]').map((r) => r.text());
    expect(reasons).toEqual(['关键词匹配：碳纤维、预氧化+32 分', '行业一致+15 分', '预算覆盖报价+10 分', '不在同一城市+1.5 分']);
    expect(wrapper.findAll('[data-testid=rec-reason]')[3]?.classes()).toContain('is-weak');
    expect(wrapper.text()).toContain('350 万元');
  });

  it('says the reasons in English when the UI is English', async () => {
    const wrapper = mountItem();
    await setLocale('en', false);
    await nextTick();
    expect(wrapper.findAll('[data-testid=rec-reason]')[1]?.text()).toBe('Same industry+15');
  });

  it('sends "interested" at once', async () => {
    const wrapper = mountItem();
    await wrapper.get('[data-testid=rec-interested]').trigger('click');
    expect(wrapper.emitted('feedback')).toEqual([[{ verdict: 'interested' }]]);
  });

  it('leads into the deal room once interested, and nowhere before', async () => {
    const before = mountItem();
    expect(before.find('[data-testid=rec-deal]').exists()).toBe(false);
    before.unmount();
    const wrapper = mountItem({ ...buildRecommendation(), feedback: 'interested', deal: 'dddddddddddddddddddddddd' });
    const link = wrapper.get('[data-testid=rec-deal]');
    expect(link.text()).toContain('进入洽谈室');
    expect(link.attributes('href')).toBe('/deals/dddddddddddddddddddddddd');
    wrapper.unmount();
  });

  it('asks why it is not a fit and will not send without a reason', async () => {
    const wrapper = mountItem();
    await wrapper.get('[data-testid=rec-notfit]').trigger('click');
    await nextTick();
    expect(inBody('[data-testid=notfit-dialog]')).not.toBeNull();

    inBody('[data-testid=notfit-confirm]')?.click();
    await settle();
    expect(wrapper.emitted('feedback')).toBeUndefined();
    expect(inBody('[data-testid=notfit-dialog] .el-form-item__error')?.textContent).toContain('请选择不合适的原因');

    inBody('[data-testid=notfit-reason-price] input')?.click();
    const note = inBody('[data-testid=notfit-note] textarea') as HTMLTextAreaElement;
    note.value = '预算不够';
    note.dispatchEvent(new Event('input'));
    await settle();
    expect(inBody('[data-testid=notfit-dialog] .el-form-item__error')).toBeNull();
    inBody('[data-testid=notfit-confirm]')?.click();
    await nextTick();
    expect(wrapper.emitted('feedback')).toEqual([[{ verdict: 'not_fit', reason: 'price', note: '预算不够' }]]);
  });

  it('shows the chosen verdict instead of the buttons', () => {
    const wrapper = mountItem(buildRecommendation({ feedback: 'not_fit' }));
    expect(wrapper.find('[data-testid=rec-notfit]').exists()).toBe(false);
    expect(wrapper.get('[data-testid=rec-verdict]').text()).toBe('已标记：不合适');
  });

  it('offers only the verdicts the viewer’s organisation may give', () => {
    const outsider = mountItem(buildRecommendation({ mayJudge: { interested: false, notFit: false } }));
    expect(outsider.find('[data-testid=rec-interested]').exists()).toBe(false);
    expect(outsider.find('[data-testid=rec-notfit]').exists()).toBe(false);
    const ownDraft = mountItem(buildRecommendation({ mayJudge: { interested: false, notFit: true } }));
    expect(ownDraft.find('[data-testid=rec-interested]').exists()).toBe(false);
    expect(ownDraft.find('[data-testid=rec-notfit]').exists()).toBe(true);
  });
});
