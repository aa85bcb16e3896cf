import { describe, expect, it } from 'vitest';
import { classify, orgNameOf } from './chinaxiv-import';
import type { Paper } from './corpus';

const paper = (overrides: Partial<Paper>): Paper => ({
  id: 'chinaxiv-201600001', title: '一种新型装置', abstract: '', keywords: [], clc: null, discipline: null, institutions: [], ...overrides,
});

describe('classify: CLC class → GB/T 13745 discipline and GB/T 4754 industry', () => {
  it('takes the longest matching CLC prefix, in any case', () => {
    expect(classify(paper({ clc: 'TP391' }))).toEqual({ discipline: '520', industry: 'I' });
    expect(classify(paper({ clc: 'tp391.4' }))).toEqual({ discipline: '520', industry: 'I' });
    expect(classify(paper({ clc: 'S812' }))).toEqual({ discipline: '230', industry: 'A' }); // S8, not S
    expect(classify(paper({ clc: 'S3' }))).toEqual({ discipline: '210', industry: 'A' });
    expect(classify(paper({ clc: 'R28' }))).toEqual({ discipline: '360', industry: 'C27' }); // R2, not R
    expect(classify(paper({ clc: 'TE35' }))).toEqual({ discipline: '440', industry: 'B' }); // oil and gas: 矿山工程技术
    // T alone (no TZ class): general engineering, not the title's 图像识别.
    expect(classify(paper({ clc: 'TZ1', title: '基于图像识别的检测' }))).toEqual({ discipline: '410', industry: 'M' });
  });

  it('prefers the CLC class to words of the title', () => {
    expect(classify(paper({ clc: 'TQ', title: '基于深度学习的图像识别' }))).toEqual({ discipline: '530', industry: 'C26' });
  });

  it('without a CLC class (or an unknown one), takes the first title cue that matches', () => {
    expect(classify(paper({ title: '基于深度学习的图像识别算法' }))).toEqual({ discipline: '520', industry: 'I' });
    expect(classify(paper({ clc: 'Z89', title: '东北黑土区玉米施肥试验' }))).toEqual({ discipline: '210', industry: 'A' });
    // 患者 (clinical) is listed before 数据 (computing).
    expect(classify(paper({ title: '住院患者数据分析' }))).toEqual({ discipline: '320', industry: 'Q' });
  });

  it('falls back to basic engineering', () => {
    expect(classify(paper({ title: '一种新型装置' }))).toEqual({ discipline: '410', industry: 'M' });
  });
});

describe('orgNameOf', () => {
  it('names the organisation by all institutions of the paper', () => {
    expect(orgNameOf(paper({ institutions: ['吉林大学', '中国科学院长春应用化学研究所'] }))).toBe('吉林大学 中国科学院长春应用化学研究所');
    expect(orgNameOf(paper({ institutions: ['吉林大学'] }))).toBe('吉林大学');
  });

  it('uses a placeholder when the paper names none', () => {
    expect(orgNameOf(paper({ institutions: [] }))).toBe('未注明单位');
  });
});
