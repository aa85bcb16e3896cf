import { LISTING_LIMITS } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { keywordVocabulary, listingKeywords, splitGlued, splitSeparators, type SplitStats } from './chinaxiv-keywords';

describe('splitSeparators', () => {
  it('splits at 、 and the full-width space', () => {
    expect(splitSeparators('玉米秸秆、可降解材料\u3000发酵')).toEqual(['玉米秸秆', '可降解材料', '发酵']);
  });

  it('splits at semicolons, commas and bars, half- or full-width, and drops empty pieces', () => {
    expect(splitSeparators('碳纤维；轻量化;复合材料，热压罐,成型|模具')).toEqual(['碳纤维', '轻量化', '复合材料', '热压罐', '成型', '模具']);
    expect(splitSeparators('；；碳纤维 、 ')).toEqual(['碳纤维']);
    expect(splitSeparators('')).toEqual([]);
  });

  it('splits at a space next to a Chinese word, not inside a Latin phrase', () => {
    expect(splitSeparators('深度学习 图像识别')).toEqual(['深度学习', '图像识别']);
    expect(splitSeparators('CNN 图像识别')).toEqual(['CNN', '图像识别']);
    expect(splitSeparators('deep learning')).toEqual(['deep learning']);
  });
});

describe('keywordVocabulary', () => {
  it('counts each keyword once per occurrence, after splitting at separators', () => {
    const vocab = keywordVocabulary([['玉米秸秆；发酵'], ['发酵', '乳酸'], []]);
    expect(vocab).toEqual(
      new Map([
        ['玉米秸秆', 1],
        ['发酵', 2],
        ['乳酸', 1],
      ]),
    );
  });
});

describe('glued keyword strings', () => {
  const vocab = keywordVocabulary([['玉米秸秆', '可降解材料', '发酵工艺'], ['可降解', '材料', '发酵', '工艺']]);

  it('splits a glued string of 10 characters or more into the fewest known keywords', () => {
    // Also tileable as 玉米秸秆 + 可降解 + 材料 + 发酵 + 工艺 (5 pieces); 3 is fewer.
    expect(splitGlued('玉米秸秆可降解材料发酵工艺', vocab)).toEqual(['玉米秸秆', '可降解材料', '发酵工艺']);
  });

  it('keeps a string whole that known keywords do not cover exactly, or that is short or not all Chinese', () => {
    expect(splitGlued('玉米秸秆可降解材料发酵技术', vocab)).toEqual(['玉米秸秆可降解材料发酵技术']);
    expect(splitGlued('可降解材料发酵工艺', vocab)).toEqual(['可降解材料发酵工艺']); // 9 characters
    expect(splitGlued('玉米秸秆可降解材料发酵工艺PLA', vocab)).toEqual(['玉米秸秆可降解材料发酵工艺PLA']);
  });

  it('makes listing keywords of them and counts what was split', () => {
    const stats: SplitStats = { separated: 0, unglued: 0 };
    expect(listingKeywords(['玉米秸秆可降解材料发酵工艺', '乳酸、发酵工艺'], vocab, stats)).toEqual(['玉米秸秆', '可降解材料', '发酵工艺', '乳酸']);
    expect(stats).toEqual({ separated: 1, unglued: 1 });
  });
});

describe('listing limits', () => {
  it('cuts a 40-character keyword at a jieba word boundary into pieces of at most 30', () => {
    const long = '基于深度学习寒地玉米秸秆生物降解材料制备工艺优化及其在东北黑土地保护中的应用研究';
    expect([...long]).toHaveLength(40);
    const pieces = listingKeywords([long], new Map());
    // 30 characters would end inside 黑土地; the cut falls before it.
    expect(pieces).toEqual(['基于深度学习寒地玉米秸秆生物降解材料制备工艺优化及其在东北', '黑土地保护中的应用研究']);
    expect(pieces.every((p) => [...p].length <= 30)).toBe(true);
    expect(pieces.join('')).toBe(long);
  });

  it('keeps a keyword of exactly 30 characters whole', () => {
    const k = '基于深度学习寒地玉米秸秆生物降解材料制备工艺优化及其在东北黑';
    expect([...k]).toHaveLength(30);
    expect(listingKeywords([k], new Map())).toEqual([k]);
  });

  it('drops duplicates and keeps at most as many keywords as a listing may carry', () => {
    const raw = ['发酵', '发酵；乳酸', ...Array.from({ length: LISTING_LIMITS.keywordsMax + 2 }, (_, i) => `关键词${i}`)];
    const out = listingKeywords(raw, new Map());
    expect(out).toHaveLength(LISTING_LIMITS.keywordsMax);
    expect(out.slice(0, 3)).toEqual(['发酵', '乳酸', '关键词0']);
  });
});
