import { describe, expect, it } from 'vitest';
import { CsvParser, CsvSyntaxError, csvLine, parseCsv } from './csv';
import { sniffEncoding } from './text-decode';
import { encodeGb18030 } from './import.test-data';

describe('CSV parser (RFC 4180 as Excel writes it)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and all three line ends', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\n1,,3\r4,5,6';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\r\nlines'],
      ['1', '', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = '\uFEFF名称,说明\r\n"甲,乙","引号""在""中"\r\n"多\n行",尾\r\n';
    const whole = parseCsv(text);
    for (let size = 1; size <= 7; size++) {
      const p = new CsvParser();
      const out: string[][] = [];
      const body = text.slice(1);
      for (let i = 0; i < body.length; i += size) {
        out.push(...p.push(body.slice(i, i + size)));
      }
      out.push(...p.end());
      expect(out, `chunks of ${size}`).toEqual(whole);
    }
    expect(whole).toEqual([['名称', '说明'], ['甲,乙', '引号"在"中'], ['多\n行', '尾']]);
  });

  it('keeps blank lines as records (row numbers stay true) and no phantom record at the end', () => {
    expect(parseCsv('a\r\n\r\nb\r\n')).toEqual([['a'], [''], ['b']]);
    expect(parseCsv('a,b')).toEqual([['a', 'b']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('is lenient where Excel is, and refuses a quote that never closes', () => {
    expect(parseCsv('ab"c,"d"e\r\n')).toEqual([['ab"c', 'de']]);
    expect(() => parseCsv('a\r\n"open,b\r\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a\r\n"open,b\r\n');
    } catch (err) {
      expect((err as CsvSyntaxError).record).toBe(2);
    }
  });

  it('writes every field quoted with CRLF, and neutralises formulas in text', () => {
    expect(csvLine(['a', 'b,c', 'd"e', 'f\ng', 12, -3, null])).toBe('"a","b,c","d""e","f\ng","12","-3",""\r\n');
    expect(csvLine(['=HYPERLINK("x")', '+1', '-x', '@SUM(A1)'])).toBe(`"'=HYPERLINK(""x"")","'+1","'-x","'@SUM(A1)"\r\n`);
    const line = csvLine(['甲', '含,逗号', '换\r\n行']);
    expect(parseCsv(line)).toEqual([['甲', '含,逗号', '换\r\n行']]);
  });
});

describe('text encoding', () => {
  it('tells UTF-8 (with or without BOM), UTF-16 and GB18030 apart', () => {
    expect(sniffEncoding(Buffer.from('\uFEFF成果'))).toEqual({ encoding: 'utf-8', bom: 3 });
    expect(sniffEncoding(Buffer.from('title,成果名称'))).toEqual({ encoding: 'utf-8', bom: 0 });
    expect(sniffEncoding(Buffer.from('plain ascii'))).toEqual({ encoding: 'utf-8', bom: 0 });
    expect(sniffEncoding(Buffer.from([0xff, 0xfe, 0x10, 0x62]))).toEqual({ encoding: 'utf-16le', bom: 2 });
    expect(sniffEncoding(encodeGb18030('title,成果名称,吉林省'))).toEqual({ encoding: 'gb18030', bom: 0 });
    expect(new TextDecoder('gb18030').decode(encodeGb18030('长春市，延边朝鲜族自治州'))).toBe('长春市，延边朝鲜族自治州');
  });

  it('weighs the whole sample, so one stray byte early in a UTF-8 file does not make it GB18030', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `成果${i},玉米深加工技术,长春市`).join('\n');
    const bytes = Buffer.concat([Buffer.from('title,'), Buffer.from([0xff]), Buffer.from(`\n${rows}`)]);
    expect(sniffEncoding(bytes)).toEqual({ encoding: 'utf-8', bom: 0 });
    // …while a GB18030 file stays GB18030 even when many of its pairs happen to be valid UTF-8.
    expect(sniffEncoding(encodeGb18030(`title\n${rows}`))).toEqual({ encoding: 'gb18030', bom: 0 });
  });
});
