import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../../i18n';
import { fakeFetch } from '../../../testing/fakeFetch';
import { buildImportJob } from '../testing';
import { useImportUpload } from './useImportUpload';

afterEach(() => {
  vi.unstubAllGlobals();
  void setLocale('zh-CN', false);
});

const csv = (name = '成果.csv', text = '成果名称\r\n示例\r\n') => new File([text], name, { type: 'application/vnd.ms-excel' });

describe('useImportUpload', () => {
  it('sends the file as octet-stream with its kind, format, cleaned name and the publish flag', async () => {
    const sent = fakeFetch(() => [202, buildImportJob()]);
    const upload = useImportUpload();
    const pending = upload.send(csv('2026:成果.csv'), 'results', true);
    expect(upload.uploading.value).toBe('2026:成果.csv');
    expect(await pending).toMatchObject({ status: 'validating' });
    expect(upload.uploading.value).toBeNull();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe('POST');
    expect(sent[0]!.url).toBe(`/admin/imports?kind=results&format=csv&name=${encodeURIComponent('2026_成果.csv')}&publish=true`);
    const body = sent[0]!.body as Blob;
    expect(body.type).toBe('application/octet-stream');
    expect(await body.text()).toBe('成果名称\r\n示例\r\n');
  });

  it('refuses in the browser what the server would refuse, without a request', async () => {
    const sent = fakeFetch(() => [202, buildImportJob()]);
    const upload = useImportUpload();
    expect(await upload.send(csv('成果.xls'), 'results', false)).toBeNull();
    expect(upload.problemLines.value[0]).toContain('无法识别“成果.xls”的格式');
    expect(await upload.send(csv('空.csv', ''), 'results', false)).toBeNull();
    expect(upload.problemLines.value).toEqual(['文件“空.csv”是空的']);
    const huge = csv('大.csv');
    Object.defineProperty(huge, 'size', { value: 201 * 1024 * 1024 });
    expect(await upload.send(huge, 'orgs', false)).toBeNull();
    expect(upload.problemLines.value).toEqual(['文件“大.csv”超过 200 MB，请拆分后分批导入']);
    await setLocale('en', false);
    expect(upload.problemLines.value).toEqual(['The file "大.csv" is larger than 200 MB; split it and import the parts']);
    expect(sent).toEqual([]);
  });

  it('shows the server’s refusal in the current language, field messages first', async () => {
    fakeFetch(() => [
      400,
      { error: { code: 'VALIDATION_FAILED', message: '提交的数据有误', messageEn: 'Invalid', fields: [{ path: 'body', code: 'required', message: '请上传文件', messageEn: 'Send the file' }] } },
    ]);
    const upload = useImportUpload();
    expect(await upload.send(csv(), 'results', false)).toBeNull();
    expect(upload.problemLines.value).toEqual(['请上传文件']);
    await setLocale('en', false);
    expect(upload.problemLines.value).toEqual(['Send the file']);

    fakeFetch(() => [415, { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '文件不是 XLSX 工作簿', messageEn: 'The file is not an XLSX workbook' } }]);
    await upload.send(csv('a.xlsx'), 'results', false);
    expect(upload.problemLines.value).toEqual(['The file is not an XLSX workbook']);
  });
});
