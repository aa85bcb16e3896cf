import { describe, expect, it } from 'vitest';
import { columnLabel, formatFromName, uploadName } from './files';

describe('formatFromName', () => {
  it('reads the format from the extension, in any case', () => {
    expect(formatFromName('成果.csv')).toBe('csv');
    expect(formatFromName('成果.XLSX')).toBe('xlsx');
    expect(formatFromName('rows.jsonl')).toBe('jsonl');
    expect(formatFromName('rows.ndjson ')).toBe('jsonl');
  });

  it('knows nothing else, old .xls workbooks included', () => {
    for (const name of ['成果.xls', 'notes.txt', 'csv', 'archive.csv.zip', '']) {
      expect(formatFromName(name), name).toBeNull();
    }
  });
});

describe('uploadName', () => {
  it('keeps ordinary names and replaces characters the server refuses', () => {
    expect(uploadName('2026 科技成果（第一批）.xlsx')).toBe('2026 科技成果（第一批）.xlsx');
    expect(uploadName('a/b\\c:d*?"<>|\u0007.csv')).toBe('a_b_c_d_______.csv');
    expect(uploadName('   ')).toBe('import');
  });

  it('shortens long names to 200 characters, keeping the extension', () => {
    const name = uploadName(`${'成'.repeat(300)}.csv`);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('成.csv')).toBe(true);
  });
});

describe('columnLabel', () => {
  it('shows the file’s own header in Chinese', () => {
    expect(columnLabel('results', '成果名称', 'zh-CN')).toBe('成果名称');
    expect(columnLabel('results', '摘要', 'zh-CN')).toBe('摘要');
  });

  it('names known columns in English, by label, alias or field name', () => {
    expect(columnLabel('results', '成果名称', 'en')).toBe('Title');
    expect(columnLabel('results', '摘要', 'en')).toBe('Summary');
    expect(columnLabel('needs', 'budgetMin', 'en')).toBe('Budget min (yuan)');
    expect(columnLabel('orgs', '自定义列', 'en')).toBe('自定义列');
  });

  it('splits bilingual labels such as the whole file’s', () => {
    expect(columnLabel('results', '文件 file', 'zh-CN')).toBe('文件');
    expect(columnLabel('results', '文件 file', 'en')).toBe('file');
  });
});
