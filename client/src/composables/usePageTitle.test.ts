// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import { mount } from '@vue/test-utils';
import { pageTitle, usePageTitle } from './usePageTitle';

describe('usePageTitle', () => {
  it('follows the page while it is mounted and forgets it afterwards', async () => {
    const title = ref<string | null>(null);
    const Page = defineComponent({
      setup() {
        usePageTitle(() => title.value);
        return () => h('div');
      },
    });
    const wrapper = mount(Page);
    expect(pageTitle.value).toBeNull();
    title.value = '  人参皂苷提取工艺 ';
    await nextTick();
    expect(pageTitle.value).toBe('人参皂苷提取工艺');
    wrapper.unmount();
    expect(pageTitle.value).toBeNull();
  });
});
