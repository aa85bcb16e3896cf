// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n, setLocale } from '../../../i18n';
import { fakeFetch, flush } from '../../../testing/fakeFetch';
import { testRouter } from '../../../testing/withSetup';
import { buildEntry } from '../fixtures';
import EntryItem from './EntryItem.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  void setLocale('zh-CN', false);
  document.body.innerHTML = '';
});

const file = { key: 'a'.repeat(32), name: '走访照片.jpg', size: 2048, mime: 'image/jpeg', uploadedAt: '2026-04-10T08:00:00.000Z' };

function mountItem(props: { entry: ReturnType<typeof buildEntry>; mayAttach: boolean }) {
  return mount(EntryItem, { props: { pairing: 'p1', mayReview: false, ...props }, attachTo: document.body, global: { plugins: [i18n, ElementPlus, testRouter()] } });
}

describe('EntryItem files', () => {
  it('lists the files with download links; only the commissioner may add, and not to a confirmed entry', () => {
    const entry = buildEntry({ id: 'e1', attachments: [file] });
    const reader = mountItem({ entry, mayAttach: false });
    const link = reader.get('[data-testid=entry-file]');
    expect(link.attributes('href')).toBe(`/api/pairings/p1/service-entries/e1/attachments/${file.key}`);
    expect(link.text()).toContain('走访照片.jpg');
    expect(reader.find('[data-testid=entry-add-file]').exists()).toBe(false);
    expect(mountItem({ entry, mayAttach: true }).find('[data-testid=entry-add-file]').exists()).toBe(true);
    expect(mountItem({ entry: buildEntry({ status: 'confirmed', attachments: [file] }), mayAttach: true }).find('[data-testid=entry-add-file]').exists()).toBe(false);
  });

  it('uploads the picked file as the raw body and hands the updated entry up', async () => {
    const updated = buildEntry({ id: 'e1', attachments: [file] });
    const sent = fakeFetch(() => [201, updated]);
    const wrapper = mountItem({ entry: buildEntry({ id: 'e1' }), mayAttach: true });
    const input = wrapper.get<HTMLInputElement>('[data-testid=entry-file-input]');
    const picked = new File([new Uint8Array([0xff, 0xd8, 0xff])], '走访照片.jpg', { type: 'image/jpeg' });
    Object.defineProperty(input.element, 'files', { value: [picked] });
    await input.trigger('change');
    await flush();
    expect(sent[0]?.url).toBe(`/pairings/p1/service-entries/e1/attachments?name=${encodeURIComponent('走访照片.jpg')}`);
    expect(sent[0]?.body).toBe(picked);
    expect(wrapper.emitted('reviewed')?.[0]).toEqual([updated]);
  });
});
