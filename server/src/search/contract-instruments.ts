import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchDocument, SearchEngine, SearchQuery, SearchResult } from './types';

const T0 = Date.UTC(2026, 0, 1);
const HOURS = [{ weekday: 1, from: '08:30', to: '17:00' }];

/** Builds an `instruments` document as instrument.search.ts does. */
export function buildInstrumentDoc(overrides: Partial<SearchDocument> & { id: string }): SearchDocument {
  return {
    _v: 1,
    name: '',
    model: '',
    manufacturer: '',
    params: '',
    description: '',
    orgName: '吉林大学',
    category: 'analytical',
    city: '220100',
    orgId: 'org-jlu',
    priceUnit: 'hour',
    price: 500,
    operatorRequired: 'true',
    status: 'active',
    updatedAt: T0,
    openingHours: HOURS,
    photo: null,
    ...overrides,
  };
}

/** Six instruments: two electron microscopes, an NMR, an XRD, a confocal microscope in Jilin City, a mass spectrometer. */
export const INSTRUMENT_DOCS: SearchDocument[] = [
  buildInstrumentDoc({ id: 'i1', name: '场发射透射电子显微镜', model: 'JEM-2100F', manufacturer: '日本电子 JEOL', params: '加速电压：200 kV；点分辨率：0.19 nm', description: '纳米材料的高分辨成像与选区电子衍射。', price: 800, updatedAt: T0 + 1 }),
  buildInstrumentDoc({ id: 'i2', name: '场发射扫描电镜', model: 'Regulus 8100', manufacturer: '日立 Hitachi', params: '分辨率：0.8 nm@15 kV', description: '材料表面形貌观察与能谱分析。', price: 400, orgName: '中国科学院长春光学精密机械与物理研究所', orgId: 'org-ciomp', updatedAt: T0 + 2 }),
  buildInstrumentDoc({ id: 'i3', name: '核磁共振波谱仪', model: 'AVANCE NEO 600', manufacturer: 'Bruker 布鲁克', params: '磁场强度：600MHz；探头：BBO 宽带探头', description: '有机化合物结构解析，一维和二维谱。', priceUnit: 'sample', price: 300, orgName: '中国科学院长春应用化学研究所', orgId: 'org-ciac', updatedAt: T0 + 3 }),
  buildInstrumentDoc({ id: 'i4', name: 'X射线衍射仪', model: 'D8 ADVANCE', manufacturer: 'Bruker 布鲁克', params: '靶材：Cu；测角仪半径：280 mm', description: '物相分析、晶粒尺寸与残余应力测定。', priceUnit: 'sample', price: 120, operatorRequired: 'false', updatedAt: T0 + 4 }),
  buildInstrumentDoc({ id: 'i5', name: '激光共聚焦显微镜', model: 'LSM 900', manufacturer: '蔡司 Zeiss', params: '激光：405/488/561/640 nm', description: '活细胞成像与三维重构。', city: '220200', orgName: '北华大学', orgId: 'org-beihua', category: 'medical_research', updatedAt: T0 + 5 }),
  buildInstrumentDoc({ id: 'i6', name: '液相色谱-串联质谱仪', model: 'Xevo TQ-XS', manufacturer: '沃特世 Waters', params: '质量范围：2–2048 m/z', description: '药物代谢与农药残留的定量分析。', price: 600, orgName: '吉林农业大学', orgId: 'org-jlau', updatedAt: T0 + 6 }),
];

/**
 * The conformance suite of the `instruments` index: both engines (and the resilient wrapper) must
 * answer the same instruments for the same words, facets, filters and sorts.
 */
export function runInstrumentContract(name: string, makeEngine: () => Promise<SearchEngine>): void {
  describe(`${name}: instruments index contract`, () => {
    let engine: SearchEngine;
    const search = (q: string, extra: Partial<SearchQuery> = {}): Promise<SearchResult> => engine.query('instruments', { q, page: 1, pageSize: 20, ...extra });
    const ids = (r: SearchResult) => r.hits.map((h) => h.id);

    beforeAll(async () => {
      engine = await makeEngine();
      await engine.ensureIndex('instruments');
      await engine.clear('instruments');
      await engine.upsert('instruments', INSTRUMENT_DOCS);
    });

    afterAll(async () => {
      await engine.clear('instruments');
      await engine.close();
    });

    it('finds Chinese words of the name inside longer names (jieba), newest first without words', async () => {
      expect(ids(await search('显微镜')).sort()).toEqual(['i1', 'i5']);
      // Few full matches: partial ones (选区电子衍射) follow, as for listings.
      expect(ids(await search('衍射仪'))[0]).toBe('i4');
      expect(ids(await search(''))).toEqual(['i6', 'i5', 'i4', 'i3', 'i2', 'i1']);
    });

    it('expands the instruments’ short names both ways: 电镜 finds 电子显微镜, 核磁 finds 核磁共振, XRD finds X射线衍射仪', async () => {
      expect(ids(await search('电镜')).sort()).toEqual(['i1', 'i2']);
      expect(ids(await search('核磁'))).toEqual(['i3']);
      expect(ids(await search('xrd'))).toEqual(['i4']);
      expect(ids(await search('扫描电子显微镜'))).toContain('i2');
    });

    it('searches model, manufacturer, parameters, description and institution', async () => {
      expect(ids(await search('JEM-2100F'))).toEqual(['i1']);
      expect(ids(await search('bruker')).sort()).toEqual(['i3', 'i4']);
      expect(ids(await search('600MHz'))).toEqual(['i3']);
      expect(ids(await search('农药残留'))).toEqual(['i6']);
      expect(ids(await search('应用化学研究所'))[0]).toBe('i3');
    });

    it('forgives typos: a Latin one in the maker, a homophone in the Chinese name', async () => {
      expect(ids(await search('brucker')).sort()).toEqual(['i3', 'i4']);
      expect(ids(await search('共聚焦显微静'))).toContain('i5');
    });

    it('highlights the matched word in the name', async () => {
      const [hit] = (await search('衍射仪')).hits;
      expect(hit?.highlights.name).toContain('<mark>');
      expect(hit?.doc.openingHours).toEqual(HOURS);
    });

    it('counts facets (category, city, institution, price unit, operator) and filters on them', async () => {
      const r = await search('', { facets: ['category', 'city', 'orgId', 'priceUnit', 'operatorRequired'] });
      expect(r.facets.city).toEqual({ '220100': 5, '220200': 1 });
      expect(r.facets.category).toEqual({ analytical: 5, medical_research: 1 });
      expect(r.facets.orgId?.['org-jlu']).toBe(2);
      expect(r.facets.priceUnit).toEqual({ hour: 4, sample: 2 });
      expect(r.facets.operatorRequired).toEqual({ true: 5, false: 1 });
      expect(ids(await search('显微镜', { filters: { city: ['220200'] } }))).toEqual(['i5']);
      expect(ids(await search('', { filters: { orgId: ['org-jlu'], operatorRequired: 'false' } }))).toEqual(['i4']);
      const words = await search('bruker', { facets: ['priceUnit'], filters: { status: 'active' } });
      expect(words.facets.priceUnit).toEqual({ sample: 2 });
    });

    it('sorts by price and pages without repeats', async () => {
      expect(ids(await search('', { sort: { field: 'price', order: 'asc' } }))).toEqual(['i4', 'i3', 'i2', 'i5', 'i6', 'i1']);
      const first = await search('', { page: 1, pageSize: 4 });
      const second = await search('', { page: 2, pageSize: 4 });
      expect([...ids(first), ...ids(second)].sort()).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'i6']);
      expect(first.total).toBe(6);
    });

    it('replaces an edited document and removes a withdrawn one; versions report what is indexed', async () => {
      await engine.upsert('instruments', [{ ...INSTRUMENT_DOCS[3]!, _v: 2, name: '多晶X射线衍射仪', city: '220200' }]);
      expect(ids(await search('多晶'))).toEqual(['i4']);
      expect(ids(await search('', { filters: { city: ['220200'] } })).sort()).toEqual(['i4', 'i5']);
      await engine.remove('instruments', ['i6']);
      expect(ids(await search('质谱'))).not.toContain('i6');
      const versions = await engine.versions('instruments');
      expect(versions.get('i4')).toBe(2);
      expect(versions.has('i6')).toBe(false);
      expect(await engine.count('instruments')).toBe(5);
      await engine.upsert('instruments', [INSTRUMENT_DOCS[3]!, INSTRUMENT_DOCS[5]!]);
    });
  });
}
