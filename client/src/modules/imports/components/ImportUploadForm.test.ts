// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n, setLocale } from '../../../i18n';
import { flush } from '../../../testing/fakeFetch';
import ImportUploadForm from './ImportUploadForm.vue';

afterEach(() => {
  void setLocale('zh-CN', false);
  document.body.innerHTML = '';
});

describe('ImportUploadForm', () => {
  it('offers the 双千 lists (commissioners, service requests) with their own templates and publish hints, in both languages', async () => {
    const wrapper = mount(ImportUploadForm, { global: { plugins: [i18n, ElementPlus] } });
    await flush();
    expect(wrapper.get('[data-testid="import-kind-commissioners"]').text()).toBe('科技特派员');
    expect(wrapper.get('[data-testid="import-kind-serviceRequests"]').text()).toBe('企业服务需求');

    await wrapper.get('[data-testid="import-kind-commissioners"] input').setValue(true);
    await flush();
    expect(wrapper.get('[data-testid="import-template-xlsx"]').attributes('href')).toContain('kind=commissioners');
    expect(wrapper.text()).toContain('直接批准为该年度特派员');

    await wrapper.get('[data-testid="import-kind-serviceRequests"] input').setValue(true);
    await flush();
    expect(wrapper.get('[data-testid="import-template-csv"]').attributes('href')).toContain('kind=serviceRequests');
    expect(wrapper.text()).toContain('进入配对池');

    await setLocale('en', false);
    await flush();
    expect(wrapper.get('[data-testid="import-kind-commissioners"]').text()).toBe('Science commissioners');
    expect(wrapper.text()).toContain('open for the next pairing run');
  });
});
