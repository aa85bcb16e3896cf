import { describe, expect, it } from 'vitest';
import { highlightText, sanitizeHighlight } from './highlight';

describe('sanitizeHighlight', () => {
  it('keeps <mark> and the server’s escaped text as they are', () => {
    const html = '高性能<mark>碳纤维</mark>复合材料 &lt;v2&gt; &amp; BMS';
    expect(sanitizeHighlight(html)).toBe(html);
  });

  it('removes every other tag, with its attributes, but keeps the text inside', () => {
    expect(sanitizeHighlight('<b>粗</b><script>alert(1)</script><img src=x onerror="alert(1)">文')).toBe('粗alert(1)文');
    expect(sanitizeHighlight('<a href="javascript:alert(1)">链接</a>')).toBe('链接');
    expect(sanitizeHighlight('<svg/onload=alert(1)>x')).toBe('x');
  });

  it('drops attributes from marks and normalises their case', () => {
    expect(sanitizeHighlight('<MARK onclick="x()">碳</Mark>')).toBe('<mark>碳</mark>');
  });

  it('escapes stray angle brackets so no tag can be smuggled through', () => {
    expect(sanitizeHighlight('a < b > c')).toBe('a &lt; b &gt; c');
    expect(sanitizeHighlight('<<script>script>alert(1)<</script>/script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(sanitizeHighlight('x <img src=x onerror=alert(1)')).toBe('x &lt;img src=x onerror=alert(1)');
    expect(sanitizeHighlight('<!-- c -->t')).toBe('&lt;!-- c --&gt;t');
  });

  it('balances marks: stray closes are dropped, open marks are closed, nesting is flattened', () => {
    expect(sanitizeHighlight('a</mark>b<mark>c')).toBe('ab<mark>c</mark>');
    expect(sanitizeHighlight('<mark>a<mark>b</mark>c</mark>')).toBe('<mark>abc</mark>');
  });

  it('ignores control characters used as internal placeholders', () => {
    expect(sanitizeHighlight('a\u0001b\u0002c')).toBe('abc');
  });
});

describe('highlightText', () => {
  it('gives the plain text', () => {
    expect(highlightText('<mark>碳</mark> &lt;v2&gt; &amp; <b>x</b>')).toBe('碳 <v2> & x');
  });
});
