// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n, setLocale } from '../../../i18n';
import { apiError, fakeFetch, flush } from '../../../testing/fakeFetch';
import { buildDeal, buildFile, buildFiles, buildNda, DEAL_ID } from './dealFiles.fixtures';
import DealFilesPanel from './DealFilesPanel.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  void setLocale('zh-CN', false);
  document.body.innerHTML = '';
});

function mountPanel(deal = buildDeal()) {
  return mount(DealFilesPanel, { props: { dealId: DEAL_ID, deal }, attachTo: document.body, global: { plugins: [i18n, ElementPlus] } });
}

/** An XMLHttpRequest whose progress and answer the test drives. */
class FakeXhr {
  static last: FakeXhr | null = null;
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  status = 0;
  responseText = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  withCredentials = false;
  open(_m: string, url: string) {
    this.url = url;
  }
  setRequestHeader(k: string, v: string) {
    this.headers[k] = v;
  }
  send(body: unknown) {
    this.body = body;
    FakeXhr.last = this;
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

describe('DealFilesPanel', () => {
  it('shows a readable empty state, and an error with a retry when the list fails', async () => {
    let fail = true;
    fakeFetch(() => (fail ? [500, apiError('INTERNAL')] : [200, buildFiles()]));
    const w = mountPanel();
    await flush();
    expect(w.get('[data-testid=deal-files-error]').text()).toContain('文件列表加载失败');
    fail = false;
    await w.get('[data-testid=deal-files-error] button').trigger('click');
    await flush();
    expect(w.get('[data-testid=deal-files-empty]').text()).toContain('还没有文件');
    expect(w.find('[data-testid=deal-files-upload]').exists()).toBe(true);
  });

  it('lists files with type icons and download links; a locked confidential file has no name and no link; only one’s own can be removed', async () => {
    const open = buildFile({ name: '检测报告.pdf', note: '第三方检测', canRemove: true });
    const locked = buildFile({ name: null, confidential: true, visible: false, mime: 'image/png' });
    fakeFetch(() => [200, buildFiles({ items: [open, locked], nda: buildNda({ required: true, version: 1 }) })]);
    const w = mountPanel();
    await flush();
    const rows = w.findAll('[data-testid=deal-file]');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.get('[data-testid=deal-file-link]').attributes('href')).toBe(`/api/deals/${DEAL_ID}/files/${open.id}`);
    expect(rows[0]!.text()).toContain('PDF');
    expect(rows[0]!.text()).toContain('第三方检测');
    expect(rows[0]!.text()).toContain('240.0 KB');
    expect(rows[0]!.find('[data-testid=deal-file-remove]').exists()).toBe(true);
    expect(rows[1]!.find('[data-testid=deal-file-link]').exists()).toBe(false);
    expect(rows[1]!.get('[data-testid=deal-file-locked]').text()).toContain('保密文件');
    expect(rows[1]!.text()).toContain('PNG');
    expect(rows[1]!.find('[data-testid=deal-file-remove]').exists()).toBe(false);
  });

  it('uploads the picked file with the note and confidential flag, shows its progress, then reloads and emits changed', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    let files = buildFiles({ nda: buildNda({ required: true, version: 1, acceptedByMe: true }) });
    fakeFetch(() => [200, files]);
    const w = mountPanel();
    await flush();
    await w.get('[data-testid=deal-files-upload] input[type=text]').setValue('报价单');
    await w.get('[data-testid=deal-files-confidential] input').setValue(true);
    const input = w.get<HTMLInputElement>('[data-testid=deal-files-input]');
    const picked = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], '报价 单.pdf', { type: 'application/pdf' });
    Object.defineProperty(input.element, 'files', { value: [picked], configurable: true });
    await input.trigger('change');
    await flush();
    const xhr = FakeXhr.last!;
    const url = new URL(xhr.url, 'http://x');
    expect(url.pathname).toBe(`/api/deals/${DEAL_ID}/files`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ name: '报价 单.pdf', note: '报价单', confidential: 'true' });
    expect(url.searchParams.get('batch')).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(xhr.headers['Content-Type']).toBe('application/pdf');
    expect(xhr.headers['X-CSRF-Token']).toBe('test-token');
    expect(xhr.body).toBe(picked);

    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 40, total: 100 });
    await flush();
    expect(w.get('[data-testid=deal-files-progress]').text()).toContain('40%');

    const stored = buildFile({ name: '报价 单.pdf', confidential: true, canRemove: true });
    files = { ...files, items: [stored] };
    xhr.answer(201, stored);
    await flush();
    expect(w.find('[data-testid=deal-files-progress]').exists()).toBe(false);
    expect(w.findAll('[data-testid=deal-file]')).toHaveLength(1);
    expect(w.emitted('changed')?.[0]).toEqual(['files']);
  });

  it('says why an upload failed (the server’s message) and keeps the list', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    fakeFetch(() => [200, buildFiles()]);
    const w = mountPanel();
    await flush();
    const input = w.get<HTMLInputElement>('[data-testid=deal-files-input]');
    Object.defineProperty(input.element, 'files', { value: [new File(['MZ'], 'setup.pdf', { type: 'application/pdf' })], configurable: true });
    await input.trigger('change');
    await flush();
    FakeXhr.last!.answer(415, { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '仅支持 PDF、DOCX、XLSX、PNG、JPG 文件', messageEn: 'Only PDF…' } });
    await flush();
    expect(document.body.textContent).toContain('setup.pdf 上传失败：仅支持 PDF、DOCX、XLSX、PNG、JPG 文件');
    expect(w.emitted('changed')).toBeUndefined();
  });

  it('no confidential upload before the NDA; no upload at all in a closed room', async () => {
    fakeFetch(() => [200, buildFiles()]);
    const w = mountPanel();
    await flush();
    expect(w.get('[data-testid=deal-files-confidential] input').attributes('disabled')).toBeDefined();
    fakeFetch(() => [200, buildFiles({ canUpload: false, items: [buildFile()] })]);
    const closed = mountPanel(buildDeal({ stage: 'done' }));
    await flush();
    expect(closed.find('[data-testid=deal-files-upload]').exists()).toBe(false);
    expect(closed.get('[data-testid=deal-files-closed]').text()).toContain('洽谈已结束');
  });

  it('the enterprise reads the NDA and accepts the version shown; the provider gets the switch and the editor', async () => {
    let nda = buildNda({ required: true, version: 3 });
    const sent = fakeFetch((req) => {
      if (req.url.endsWith('/nda/accept')) {
        nda = { ...nda, acceptedByMe: true };
        return [200, nda];
      }
      return [200, buildFiles({ nda })];
    });
    const w = mountPanel();
    await flush();
    expect(w.get('[data-testid=deal-nda]').text()).toContain('第 3 版');
    await w.get('[data-testid=deal-nda-read]').trigger('click');
    await flush();
    expect(document.querySelector('[data-testid=deal-nda-doc]')?.textContent).toContain('保密协议');
    const accept = document.querySelector<HTMLButtonElement>('[data-testid=deal-nda-accept]')!;
    expect(accept.disabled).toBe(true);
    document.querySelector<HTMLInputElement>('[data-testid=deal-nda-agree] input')!.click();
    await flush();
    expect(accept.disabled).toBe(false);
    accept.click();
    await flush();
    expect(sent.find((r) => r.url.endsWith('/nda/accept'))?.body).toEqual({ version: 3 });
    expect(w.get('[data-testid=deal-nda-accepted]').text()).toContain('您已接受保密协议');
    expect(w.emitted('changed')?.[0]).toEqual(['nda']);

    fakeFetch(() => [200, buildFiles({ nda: buildNda({ canManage: true }) })]);
    const owner = mountPanel(buildDeal({ myParty: 'supply' }));
    await flush();
    expect(owner.find('[data-testid=deal-nda-require]').exists()).toBe(true);
    expect(owner.find('[data-testid=deal-nda-edit]').exists()).toBe(true);
    expect(owner.find('[data-testid=deal-nda-read]').exists()).toBe(false);
    // The NDA is mutual: the provider's people accept it when the other side's confidential file is closed to them.
    fakeFetch(() => [200, buildFiles({ items: [buildFile({ name: null, confidential: true, visible: false, party: 'demand' })], nda: buildNda({ required: true, version: 1, canManage: true }) })]);
    const ownerLocked = mountPanel(buildDeal({ myParty: 'supply' }));
    await flush();
    expect(ownerLocked.find('[data-testid=deal-nda-read]').exists()).toBe(true);
  });
});
