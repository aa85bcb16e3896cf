import { savedSearchView } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../search/types';
import { buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { savedSearchMatches } from './saved-search.match';
import { SavedSearchModel } from './saved-search.model';

useTestDb();

describe('saved searches', () => {
  it('keeps an unfiltered search as empty params: listed as the schema says, and it matches every new listing', async () => {
    const app = testApp();
    const user = await buildUser({ role: 'enterprise' });
    const c = await signedInAs(app, user);
    const created = await c.post('/api/saved-searches', { kind: 'results', name: '全部成果', params: {} });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '全部成果', params: {} });

    const list = await c.get('/api/saved-searches');
    expect(list.status).toBe(200);
    const items = (list.body as { items: unknown[] }).items;
    expect(items).toHaveLength(1);
    expect(savedSearchView.parse(items[0]).params).toEqual({});

    const stored = await SavedSearchModel.findOne({ user: user._id }).lean();
    expect(stored?.params).toEqual({});
    const doc = { id: 'x', title: '玉米秸秆制备聚乳酸', city: '220100' } as unknown as SearchDocument;
    expect(savedSearchMatches('results', stored?.params, doc)).toBe(true);
  });

  it('holds the limit of 50 also against concurrent creates', async () => {
    const app = testApp();
    const user = await buildUser({ role: 'enterprise' });
    const c = await signedInAs(app, user);
    await SavedSearchModel.insertMany(
      Array.from({ length: 47 }, (_, i) => ({ user: user._id, kind: 'results', name: `搜索${i}`, params: { q: `词${i}` } })),
    );
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => c.post('/api/saved-searches', { kind: 'needs', name: `并发${i}`, params: { q: '碳纤维' } })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
    expect(await SavedSearchModel.countDocuments({ user: user._id })).toBeLessThanOrEqual(50);
    for (let n = await SavedSearchModel.countDocuments({ user: user._id }); n < 50; n += 1) {
      expect((await c.post('/api/saved-searches', { kind: 'needs', name: `补足${n}`, params: {} })).status).toBe(201);
    }
    expect((await c.post('/api/saved-searches', { kind: 'needs', name: '第51个', params: {} })).status).toBe(409);
    expect(await SavedSearchModel.countDocuments({ user: user._id })).toBe(50);
  });
});
