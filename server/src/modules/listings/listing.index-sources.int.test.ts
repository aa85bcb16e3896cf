import { describe, expect, it } from 'vitest';
import { buildOrg, buildUser } from '../../testing/factories';
import { useTestDb } from '../../testing/harness';
import { buildNeed, buildResult } from '../../testing/listing-factories';
import { ResearchResultModel } from '../results/result.model';
import { needIndexSource, resultIndexSource } from './listing.index-sources';

useTestDb();

describe('listing index sources', () => {
  it('map published listings to documents and everything else (including expired-by-date) to null', async () => {
    const org = await buildOrg({ type: 'university', name: '长春理工大学' });
    const researcher = await buildUser({ role: 'researcher', org: org._id });
    const published = await buildResult(researcher, { status: 'published' });
    const draft = await buildResult(researcher);
    const stale = await buildResult(researcher, { status: 'published' });
    await ResearchResultModel.updateOne({ _id: stale._id }, { $set: { lastConfirmedAt: new Date(Date.now() - 181 * 86_400_000) } });
    const records = await ResearchResultModel.find({ _id: { $in: [published._id, draft._id, stale._id] } }).lean();

    const docs = await resultIndexSource.toDocuments(records);
    expect(docs.get(String(published._id))).toMatchObject({ id: String(published._id), _v: published.searchV, orgName: '长春理工大学', status: 'published' });
    expect(docs.get(String(draft._id))).toBeNull();
    expect(docs.get(String(stale._id))).toBeNull();

    const company = await buildUser({ role: 'enterprise' });
    const need = await buildNeed(company, { status: 'published', input: { confidentiality: 'confidential' } });
    const needDocs = await needIndexSource.toDocuments([need]);
    expect(needDocs.get(String(need._id))).toMatchObject({ title: need.title, problem: '', orgName: '' });
  });
});
