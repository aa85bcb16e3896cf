import { paginated, reviewCountsView, reviewDecisionInput, reviewOutcomeView, reviewParams, reviewQueueItemView, reviewQueueQuery } from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import type { PlatformSearch } from '../../search/search.service';
import { requireListingActor } from './listing.actor';
import { decideReview, reviewCounts, reviewQueue } from './review.service';

/** What the listing route modules take from createApp(). */
export interface ListingRouteDeps {
  /** The platform search service; the public search endpoints (next step) will use it. */
  search?: PlatformSearch;
}

/** The administrators' review of submitted research results and technology needs. */
export function listingReviewRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/admin/review', tag: 'administration', access: ['admin'],
    summary: 'Review queue: submitted results or needs, oldest first (administrators)',
    query: reviewQueueQuery, response: paginated(reviewQueueItemView),
    handler: async ({ query }) => {
      const { items, total } = await reviewQueue(query);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  });
  api.add({
    method: 'get', path: '/admin/review/counts', tag: 'administration', access: ['admin'],
    summary: 'How many results, needs and added files wait for review (the review page\'s tabs)',
    response: reviewCountsView,
    handler: () => reviewCounts(),
  });
  api.add({
    method: 'post', path: '/admin/review/:kind/:id', tag: 'administration', access: ['admin'],
    summary: 'Approve a submitted listing, or return it to draft with a reason (administrators; audited)',
    params: reviewParams, body: reviewDecisionInput, response: reviewOutcomeView,
    handler: async ({ params, body }, req) => decideReview(params.kind, params.id, body, await requireListingActor(req), req.ip ?? ''),
  });
}
