// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import { nextTick, ref } from 'vue';
import { i18n, setLocale } from '../../../i18n';
import RegionPicker from './RegionPicker.vue';

function mountPicker(cities: string[] = [], counties: string[] = []) {
  const model = { cities: ref(cities), counties: ref(counties) };
  const wrapper = mount(RegionPicker, {
    props: {
      cities: model.cities.value,
      counties: model.counties.value,
      'onUpdate:cities': (v: string[]) => {
        model.cities.value = v;
        void wrapper.setProps({ cities: v });
      },
      'onUpdate:counties': (v: string[]) => {
        model.counties.value = v;
        void wrapper.setProps({ counties: v });
      },
    },
    global: { plugins: [i18n, ElementPlus] },
  });
  return { wrapper, model };
}

const box = (w: ReturnType<typeof mountPicker>['wrapper'], testid: string) => w.get(`[data-testid=${testid}] input`);

afterEach(() => setLocale('zh-CN', false));

describe('RegionPicker', () => {
  it("groups Jilin's 60 counties under their 9 cities", () => {
    const { wrapper } = mountPicker();
    expect(wrapper.findAll('details')).toHaveLength(9);
    expect(wrapper.findAll('[data-testid^=region-county-]')).toHaveLength(60);
    expect(wrapper.get('details summary').text()).toContain('长春市');
  });

  it('picks single counties, then the whole city replaces them and disables them', async () => {
    const { wrapper, model } = mountPicker();
    await box(wrapper, 'region-county-220122').setValue(true); // 农安县
    await box(wrapper, 'region-county-222401').setValue(true); // 延吉市
    expect(model.counties.value.sort()).toEqual(['220122', '222401']);
    expect(wrapper.get('[data-testid=region-chosen-220100]').text()).toBe('已选 1 个县区');

    await box(wrapper, 'region-city-220100').setValue(true);
    expect(model.cities.value).toEqual(['220100']);
    expect(model.counties.value).toEqual(['222401']);
    await nextTick();
    expect(wrapper.get('[data-testid=region-chosen-220100]').text()).toBe('全市');
    expect(box(wrapper, 'region-county-220122').attributes('disabled')).toBeDefined();
    expect(box(wrapper, 'region-county-222401').attributes('disabled')).toBeUndefined();
  });

  it('opens the cities already chosen and speaks English', async () => {
    const { wrapper } = mountPicker(['222400'], []);
    const open = wrapper.findAll('details').filter((d) => d.attributes('open') !== undefined);
    expect(open).toHaveLength(1);
    await setLocale('en', false);
    await nextTick();
    expect(wrapper.get('[data-testid=region-chosen-222400]').text()).toBe('All counties');
    expect(wrapper.text()).toContain("Nong'an County");
  });
});
