import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { ResearchResultRecord } from './result.model';
import { toSearchDocument } from './result.search';
import { isSearchable } from '../listings/lifecycle';

function resultRecord(overrides: Partial<ResearchResultRecord> = {}): ResearchResultRecord {
  const at = new Date('2025-05-01T08:00:00Z');
  return {
    _id: new Types.ObjectId(), org: new Types.ObjectId(), owner: new Types.ObjectId(),
    status: 'published', submittedAt: at, publishedAt: at, lastConfirmedAt: at, returnReason: null, history: [],
    searchV: 7, searchDirty: true, createdAt: at, updatedAt: at,
    title: '玉米秸秆制备聚乳酸', summary: '简介', keywords: ['聚乳酸'], discipline: '530', industry: 'C28', maturity: 'pilot', trl: 6,
    ip: { items: [{ type: 'invention', number: 'ZL201410345054.1', status: 'pending' }, { type: 'utility', number: 'ZL201620406833.2', status: 'granted' }] },
    transferModes: ['license'], price: 800_000, negotiable: false, city: '220100', team: [{ name: '王教授', role: '负责人' }],
    contact: { name: '王老师', phone: '13943100001', email: 'wang@jlu.edu.cn' }, applications: '可降解餐具',
    advantages: [{ metric: '成本', value: '降低40', unit: '%', baseline: '淀粉路线' }, { metric: '强度', value: '60', unit: 'MPa', baseline: null }],
    attachments: [],
    ...overrides,
  };
}

describe('research result search document', () => {
  it('has exactly the agreed fields, public values only', () => {
    const r = resultRecord();
    const org = { _id: r.org, name: '吉林大学', type: 'university' };
    const doc = toSearchDocument(r, org, new Date('2025-06-01T00:00:00Z'));
    expect(Object.keys(doc).sort()).toEqual(
      ['id', '_v', 'title', 'summary', 'keywords', 'advantages', 'applications', 'orgName', 'discipline', 'industry', 'maturity', 'transferModes', 'ipStatus', 'price', 'priceBand', 'city', 'orgId', 'orgType', 'status', 'publishedAt', 'expiresAt', 'updatedAt'].sort(),
    );
    expect(doc).toMatchObject({
      id: String(r._id), _v: 7, orgName: '吉林大学', orgId: String(r.org), orgType: 'university', ipStatus: 'granted', price: 800_000, priceBand: '50w_100w',
      status: 'published', publishedAt: Date.parse('2025-05-01T08:00:00Z'), updatedAt: Date.parse('2025-05-01T08:00:00Z'),
      advantages: '成本 降低40%（对比 淀粉路线）；强度 60MPa',
    });
    expect(doc.expiresAt).toBe(r.lastConfirmedAt!.getTime() + 180 * 86_400_000);
    expect(JSON.stringify(doc)).not.toContain('13943100001');
  });

  it('indexes 面议 as a null price and reports expiry in its status', () => {
    const r = resultRecord({ negotiable: true, price: null, ip: { items: [] }, lastConfirmedAt: new Date('2024-01-01') });
    const doc = toSearchDocument(r, { _id: r.org, name: 'x', type: 'institute' }, new Date('2025-06-01'));
    expect(doc).toMatchObject({ price: null, priceBand: 'negotiable', ipStatus: 'none', status: 'expired' });
    expect(isSearchable(r, new Date('2025-06-01'))).toBe(false);
  });
});
