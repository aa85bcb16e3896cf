import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { TechNeedRecord } from './need.model';
import { toSearchDocument } from './need.search';

function needRecord(overrides: Partial<TechNeedRecord> = {}): TechNeedRecord {
  const at = new Date('2025-05-01T08:00:00Z');
  return {
    _id: new Types.ObjectId(), org: new Types.ObjectId(), owner: new Types.ObjectId(),
    status: 'published', submittedAt: at, publishedAt: at, lastConfirmedAt: at, returnReason: null, history: [],
    searchV: 3, searchDirty: true, createdAt: at, updatedAt: at,
    title: '碳纤维部件快速成型', problem: '热压罐工艺周期长', desiredOutcome: '周期缩短到5分钟', keywords: ['碳纤维'], industry: 'C36', discipline: '430',
    budgetMin: 500_000, budgetMax: 2_000_000, negotiable: false, deadline: new Date('2099-12-30T16:00:00Z'), cooperationModes: ['commissioned'],
    city: '220100', county: '绿园区', confidentiality: 'public', contact: { name: '李工', phone: '0431-85900001', email: 'li@faw.cn' },
    ...overrides,
  };
}

const FIELDS = ['id', '_v', 'title', 'problem', 'desiredOutcome', 'keywords', 'orgName', 'industry', 'discipline', 'cooperationModes', 'budgetMin', 'budgetMax', 'budgetBand', 'city', 'orgId', 'orgType', 'status', 'deadline', 'publishedAt', 'expiresAt', 'updatedAt'];

describe('technology need search document', () => {
  const now = new Date('2025-06-01T00:00:00Z');

  it('has exactly the agreed fields for a public need', () => {
    const n = needRecord();
    const doc = toSearchDocument(n, { _id: n.org, name: '一汽', type: 'enterprise' }, now);
    expect(Object.keys(doc).sort()).toEqual([...FIELDS].sort());
    expect(doc).toMatchObject({ _v: 3, problem: '热压罐工艺周期长', budgetMin: 500_000, budgetBand: '100w_500w', orgName: '一汽', deadline: Date.parse('2099-12-30T16:00:00Z') });
    expect(JSON.stringify(doc)).not.toContain('0431-85900001');
  });

  it('indexes only what the public may see of summary-only and confidential needs', () => {
    const summary = needRecord({ confidentiality: 'summary_only' });
    expect(toSearchDocument(summary, { _id: summary.org, name: '一汽', type: 'enterprise' }, now)).toMatchObject({
      problem: '', desiredOutcome: '', budgetMin: null, budgetMax: null, budgetBand: '100w_500w', keywords: ['碳纤维'], orgName: '一汽',
    });
    const secret = needRecord({ confidentiality: 'confidential' });
    const doc = toSearchDocument(secret, { _id: secret.org, name: '一汽', type: 'enterprise' }, now);
    expect(Object.keys(doc).sort()).toEqual([...FIELDS].sort());
    expect(doc).toMatchObject({ title: '碳纤维部件快速成型', industry: 'C36', city: '220100', budgetBand: '100w_500w', problem: '', keywords: [], orgName: '', orgId: null, discipline: null, cooperationModes: [], deadline: null });
  });
});
