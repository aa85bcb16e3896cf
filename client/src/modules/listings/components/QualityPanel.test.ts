// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import { computed, defineComponent, h, nextTick, reactive } from 'vue';
import { i18n, setLocale } from '../../../i18n';
import { buildUser } from '../../../testing/fixtures';
import { emptyNeedForm, needInputFromForm } from '../../needs/form';
import { emptyResultForm, resultInputFromForm } from '../../results/form';
import QualityPanel from './QualityPanel.vue';

afterEach(() => {
  void setLocale('zh-CN', false);
});

/** The panel fed the way the form pages feed it: the API input derived from a reactive form model. */
function mountPanel(kind: 'result' | 'need', inputOf: () => object) {
  const Host = defineComponent({
    setup() {
      const input = computed(inputOf);
      return () => h(QualityPanel, { kind, input: input.value });
    },
  });
  return mount(Host, { global: { plugins: [i18n, ElementPlus] } });
}

function mountWithNeedForm() {
  const model = reactive(emptyNeedForm(buildUser('enterprise')));
  return { model, wrapper: mountPanel('need', () => needInputFromForm(model)) };
}

const score = (w: ReturnType<typeof mount>) => Number(w.get('[data-testid=quality-score]').text());
const ok = (w: ReturnType<typeof mount>, key: string) => w.get(`[data-testid=quality-check-${key}]`).classes().includes('is-ok');

describe('QualityPanel', () => {
  it('scores an empty need 0 and lists every check as missing, with its message and points', () => {
    const { wrapper } = mountWithNeedForm();
    expect(score(wrapper)).toBe(0);
    expect(wrapper.text()).toContain('还有 5 项可以完善');
    expect(wrapper.get('[data-testid=quality-check-budget_stated]').text()).toContain('填写预算范围（不低于 1 万元）或选择“面议”');
    expect(wrapper.get('[data-testid=quality-check-budget_stated]').text()).toContain('+20');
  });

  it('raises the score live as fields are filled', async () => {
    const { model, wrapper } = mountWithNeedForm();
    model.negotiable = true;
    await nextTick();
    expect(score(wrapper)).toBe(20);
    expect(ok(wrapper, 'budget_stated')).toBe(true);

    model.desiredOutcome = '良品率达到 99%';
    model.keywords = ['秸秆', '乙醇', '饲料'];
    model.deadline = '2030-01-01';
    await nextTick();
    expect(score(wrapper)).toBe(75);
    expect(ok(wrapper, 'problem_length')).toBe(false);

    model.problem = '秸'.repeat(100);
    await nextTick();
    expect(score(wrapper)).toBe(100);
    expect(wrapper.text()).toContain('信息完整，便于检索和匹配');
  });

  it('scores research results with their own checks, in English too', async () => {
    const model = reactive(emptyResultForm(buildUser()));
    const wrapper = mountPanel('result', () => resultInputFromForm(model));
    model.advantages = [{ metric: '能耗', value: '降低 30', unit: '%', baseline: '' }];
    await nextTick();
    expect(score(wrapper)).toBe(20);
    await setLocale('en', false);
    await nextTick();
    expect(wrapper.get('[data-testid=quality-check-price_stated]').text()).toContain('Give a price or choose "negotiable"');
  });
});
