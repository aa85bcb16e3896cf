import { feedbackSummaryView, idParams, matchFeedbackInput, recommendationsResponse } from '@kezhuan/shared';
import { z } from 'zod';
import type { ApiRouter } from '../../lib/api-router';
import type { PlatformSearch } from '../../search/search.service';
import { listingActor, requireListingActor } from '../listings/listing.actor';
import { feedbackSummary, giveFeedback } from './feedback.service';
import { recommendationsForNeed, recommendationsForResult } from './recommend.service';

/** Explained recommendations both ways, verdicts on them, and the owners' aggregate view. */
export function matchingRoutes(api: ApiRouter, deps: { search: PlatformSearch }): void {
  api.add({
    method: 'get', path: '/needs/:id/recommendations', tag: 'matching', access: 'public',
    summary: 'Research results recommended for a technology need, each with a score and its reasons',
    params: idParams, response: recommendationsResponse,
    handler: async ({ params }, req) => recommendationsForNeed(deps.search.engine, params.id, await listingActor(req)),
  });
  api.add({
    method: 'get', path: '/results/:id/recommendations', tag: 'matching', access: 'public',
    summary: 'Technology needs recommended for a research result, each with a score and its reasons',
    params: idParams, response: recommendationsResponse,
    handler: async ({ params }, req) => recommendationsForResult(deps.search.engine, params.id, await listingActor(req)),
  });
  api.add({
    method: 'post', path: '/match-feedback', tag: 'matching', access: 'user',
    summary: '“Interested” or “not a fit” (with a reason) on a recommended pair, by a member of one side’s organisation; interest needs both listings published, tells the other side’s owner which organisation is interested and opens (or returns) the pair’s deal room, whose id it answers',
    body: matchFeedbackInput, response: z.object({ verdict: z.string(), deal: z.string().optional() }),
    handler: async ({ body }, req) => giveFeedback(await requireListingActor(req), body),
  });
  api.add({
    method: 'get', path: '/results/:id/feedback', tag: 'matching', access: 'user',
    summary: 'How enterprises judged this result when it was recommended to them: not-a-fit reasons in aggregate, and which organisations are interested (its organisation and administrators)',
    params: idParams, response: feedbackSummaryView,
    handler: async ({ params }, req) => feedbackSummary('result', params.id, await requireListingActor(req)),
  });
  api.add({
    method: 'get', path: '/needs/:id/feedback', tag: 'matching', access: 'user',
    summary: 'How researchers judged this need when it was recommended to them: not-a-fit reasons in aggregate, and which organisations are interested (its organisation and administrators)',
    params: idParams, response: feedbackSummaryView,
    handler: async ({ params }, req) => feedbackSummary('need', params.id, await requireListingActor(req)),
  });
}
