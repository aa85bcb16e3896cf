import { DEFAULT_PAIRING_WEIGHTS, type PairingRegionRule } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import {
  PairScorer,
  capacityPart,
  combineParts,
  disciplinePart,
  distancePart,
  industryPart,
  preferencePart,
  regionFacts,
  textPart,
  type ScoreCommissioner,
  type ScoreRequest,
} from './score';

const commissioner = (over: Partial<ScoreCommissioner> = {}): ScoreCommissioner => ({
  id: 'c1', org: 'univ', stakes: [], orgStakes: [], expertise: '高分子材料改性，汽车内饰材料的VOC控制与配方改进', keywords: ['高分子材料', 'VOC'],
  disciplines: ['430'], industries: ['C36'], cities: ['220100'], counties: [], capacity: 2, load: 0, ...over,
});
const request = (over: Partial<ScoreRequest> = {}): ScoreRequest => ({
  org: 'ent', excluded: [], preferred: [], title: '汽车内饰件VOC超标治理', problem: '内饰件在高温下挥发性有机物超标，需要从原料配方和工艺两方面找到原因。',
  keywords: ['VOC', '内饰材料'], industry: 'C36', discipline: null, city: '220100', county: '220106', ...over,
});
const options = (regionRule: PairingRegionRule = 'nearby', minScore = 0) => ({ weights: DEFAULT_PAIRING_WEIGHTS, regionRule, minScore });

describe('score parts and their sentences', () => {
  it('text relevance names the terms found, and says so when none are', () => {
    expect(textPart(['voc', '内饰材料'], ['voc'])).toMatchObject({ fit: 0.5, zh: '关键词匹配：voc（1/2）', en: 'Matching terms: voc (1/2)' });
    expect(textPart(['voc'], [])).toMatchObject({ fit: 0, zh: '没有共同的关键词' });
  });

  it('discipline: same code beats same category; unknown is neutral', () => {
    expect(disciplinePart(['430'], '430')).toMatchObject({ fit: 1, zh: '学科一致：材料科学' });
    expect(disciplinePart(['410'], '430')).toMatchObject({ fit: 0.5, zh: '学科相近：工程与技术科学基础学科 / 材料科学' });
    expect(disciplinePart(['110'], '430')).toMatchObject({ fit: 0, en: 'Different disciplines: the enterprise needs Materials science' });
    expect(disciplinePart(['430'], null)).toMatchObject({ fit: 0.5, zh: '企业未注明学科' });
  });

  it('industry: same division beats same section', () => {
    expect(industryPart(['C36'], 'C36')).toMatchObject({ fit: 1, zh: '行业一致：汽车制造业' });
    expect(industryPart(['C26'], 'C36')).toMatchObject({ fit: 0.5, zh: '同属制造业门类' });
    expect(industryPart(['A'], 'C36').fit).toBe(0);
  });

  it('distance: "serves" only when he serves the place, a true distance otherwise, decaying under "nearby" only', () => {
    const c = commissioner({ cities: ['220200'] });
    const f = regionFacts(c, request());
    expect(f).toMatchObject({ serves: false, sameCity: false, nearest: '220200' });
    const near = distancePart(f, request(), 'nearby');
    expect(near.zh).toMatch(/^特派员最近的服务地吉林市距企业所在地长春市绿园区约 \d+ 公里$/);
    expect(near.zh).not.toContain('包括');
    expect(near.fit).toBeGreaterThan(0.2);
    expect(near.fit).toBeLessThan(0.6);
    const any = distancePart(f, request(), 'anywhere');
    expect(any).toMatchObject({ fit: 1 });
    expect(any.zh).toContain('本轮不限地域');
    const served = distancePart(regionFacts(commissioner(), request()), request(), 'nearby');
    expect(served).toMatchObject({ fit: 1, zh: '特派员的服务范围包括企业所在地长春市绿园区' });
    // A commissioner serving another county of the same city does not "serve" this one, but is close.
    const county = regionFacts(commissioner({ cities: [], counties: ['220113'] }), request());
    expect(county).toMatchObject({ serves: false, sameCity: true });
    expect(distancePart(county, request(), 'nearby').fit).toBeGreaterThanOrEqual(0.8);
    const yanji = regionFacts(commissioner({ cities: ['222400'] }), request());
    expect(distancePart(yanji, request(), 'nearby').fit).toBeLessThan(near.fit);
  });

  it('preference and capacity', () => {
    expect(preferencePart(true)).toMatchObject({ fit: 1, zh: '企业点名希望由该特派员服务' });
    expect(preferencePart(false)).toMatchObject({ fit: 0, en: 'The enterprise did not name this commissioner' });
    expect(capacityPart(3, 1)).toMatchObject({ fit: 2 / 3, zh: '尚可服务 2 家企业（共 3 家）', en: 'Room for 2 more enterprises (of 3)' });
    expect(capacityPart(1, 0).en).toBe('Room for 1 more enterprise (of 1)');
  });

  it('combines parts by the weights into 0–100, the points adding up to the score', () => {
    const { score, parts } = combineParts([{ part: 'text', fit: 1, zh: '', en: '' }, { part: 'industry', fit: 0.5, zh: '', en: '' }], { ...DEFAULT_PAIRING_WEIGHTS });
    expect(score).toBe(50);
    expect(parts.map((p) => p.points)).toEqual([40, 10]);
    expect(combineParts([{ part: 'text', fit: 1, zh: '', en: '' }], { text: 1, discipline: 0, industry: 0, distance: 0, preference: 0, capacity: 0 }).score).toBe(100);
  });
});

describe('PairScorer', () => {
  it('scores a fitting pair with all six parts, and the same input the same way', () => {
    const a = new PairScorer([commissioner()], [request()], options()).assess(0, 0);
    expect(a.ok).toBe(true);
    if (!a.ok) {
      return;
    }
    expect(a.parts.map((p) => p.part)).toEqual(['text', 'discipline', 'industry', 'distance', 'preference', 'capacity']);
    expect(a.parts[0]!.zh).toContain('voc');
    expect(a.score).toBeCloseTo(a.parts.reduce((s, p) => s + p.points, 0), 1);
    expect(new PairScorer([commissioner()], [request()], options()).score(0, 0)).toBe(a.score);
  });

  it('forbids conflicts, exclusions, a full commissioner, the region rule, no common terms and a low score, with the reason', () => {
    const reason = (c: Partial<ScoreCommissioner>, r: Partial<ScoreRequest>, rule: PairingRegionRule = 'nearby', min = 0) => {
      const a = new PairScorer([commissioner(c)], [request(r)], options(rule, min)).assess(0, 0);
      return a.ok ? null : a.reason;
    };
    expect(reason({ org: 'ent' }, {})).toBe('own_org');
    expect(reason({ stakes: ['ent'] }, {})).toBe('stake');
    expect(reason({}, { excluded: ['c1'] })).toBe('excluded');
    expect(reason({}, { declined: ['c1'] })).toBe('declined');
    expect(reason({ load: 2 }, {})).toBe('full');
    expect(reason({ cities: ['222400'] }, {}, 'same_city')).toBe('region');
    expect(reason({ cities: ['222400'] }, {}, 'nearby')).toBeNull();
    expect(reason({ expertise: '水稻育种与栽培', keywords: ['水稻'] }, {})).toBe('no_common_terms');
    // A commissioner the enterprise named is considered even without common terms.
    expect(reason({ expertise: '水稻育种与栽培', keywords: ['水稻'] }, { preferred: ['c1'] })).toBeNull();
    expect(reason({}, {}, 'nearby', 99)).toBe('below_min');
    expect(new PairScorer([commissioner({ org: 'ent' })], [request()], options()).score(0, 0)).toBeNaN();
  });

  it('a named commissioner scores higher than the same one unnamed', () => {
    const s = new PairScorer([commissioner()], [request(), request({ preferred: ['c1'] })], options());
    expect(s.score(1, 0) - s.score(0, 0)).toBeCloseTo(10, 5);
  });
});
