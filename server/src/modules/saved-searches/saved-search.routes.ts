import { idParams, savedSearchInput, savedSearchUpdate, savedSearchView, type SavedSearchView } from '@kezhuan/shared';
import { z } from 'zod';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import { createError } from '../../lib/errors';
import type { QuerySpec } from '../../lib/query-spec';
import { SavedSearchModel } from './saved-search.model';

const MAX_PER_USER = 50;

/** A user's saved searches, newest first: index {user, createdAt}. */
export function savedSearchesQuery(user: unknown): QuerySpec {
  return { filter: { user }, sort: { createdAt: -1 } };
}

type Stored = { _id: unknown; kind: string; name: string; params: unknown; subscribed: boolean; createdAt: Date };
const present = (d: Stored): SavedSearchView => ({
  id: String(d._id),
  kind: d.kind as SavedSearchView['kind'],
  name: d.name,
  // Saved before unfiltered params were kept, a search may have none: it is "everything".
  params: (d.params ?? {}) as SavedSearchView['params'],
  subscribed: d.subscribed,
  createdAt: d.createdAt.toISOString(),
});

/** My saved searches; subscribed ones notify me of new matching listings. */
export function savedSearchRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/saved-searches', tag: 'search', access: 'user',
    summary: 'My saved searches', response: z.object({ items: z.array(savedSearchView) }),
    handler: async (_in, req) => {
      const { filter, sort } = savedSearchesQuery(currentUser(req)._id);
      return { items: (await SavedSearchModel.find(filter).sort(sort).lean()).map(present) };
    },
  });
  api.add({
    method: 'post', path: '/saved-searches', tag: 'search', access: 'user', status: 201,
    summary: 'Save a search (and subscribe to new matches)', body: savedSearchInput, response: savedSearchView,
    handler: async ({ body }, req) => {
      const user = currentUser(req)._id;
      const { page: _page, pageSize: _size, ...params } = body.params;
      const created = await SavedSearchModel.create({ user, kind: body.kind, name: body.name, params, subscribed: body.subscribed });
      // Insert, then count: of concurrent creates the ones that see more than the limit take theirs
      // back, so the limit holds without a lock (checking first and inserting after can be raced).
      if ((await SavedSearchModel.countDocuments({ user })) > MAX_PER_USER) {
        await SavedSearchModel.deleteOne({ _id: created._id });
        throw createError('CONFLICT', { message: `最多保存 ${MAX_PER_USER} 个搜索`, messageEn: `At most ${MAX_PER_USER} saved searches` });
      }
      return present(created.toObject());
    },
  });
  api.add({
    method: 'patch', path: '/saved-searches/:id', tag: 'search', access: 'user',
    summary: 'Rename a saved search or change its subscription', params: idParams, body: savedSearchUpdate, response: savedSearchView,
    handler: async ({ params, body }, req) => {
      const doc = await SavedSearchModel.findOneAndUpdate({ _id: params.id, user: currentUser(req)._id }, { $set: body }, { new: true }).lean();
      if (!doc) {
        throw createError('NOT_FOUND');
      }
      return present(doc);
    },
  });
  api.add({
    method: 'delete', path: '/saved-searches/:id', tag: 'search', access: 'user', status: 204,
    summary: 'Delete a saved search', params: idParams,
    handler: async ({ params }, req) => {
      const r = await SavedSearchModel.deleteOne({ _id: params.id, user: currentUser(req)._id });
      if (r.deletedCount === 0) {
        throw createError('NOT_FOUND');
      }
    },
  });
}
