import {
  idParams,
  myListingView,
  myListingsQuery,
  paginated,
  resultFullView,
  resultInput,
  resultUpdateInput,
  resultView,
} from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import type { TransitionAction } from '../listings/lifecycle';
import { listingActor, requireListingActor } from '../listings/listing.actor';
import { can, disclosureFor, type ListingActor } from '../listings/listing.policy';
import { listingOrg, presentListingOwner } from '../listings/listing.presenter';
import type { ListingRouteDeps } from '../listings/listing.routes';
import { listMine } from '../listings/listing.queries';
import { listingShareRoutes } from '../listings/listing-share.routes';
import { findReadable, listingRef, runTransition, withListing } from '../listings/listing.store';
import { resultAttachmentRoutes } from './result-attachment.routes';
import { ResearchResultModel, type ResearchResultRecord } from './result.model';
import { presentResult } from './result.presenter';
import { createResult, resultQuality, updateResult } from './result.service';

/** A result as the caller may see it. */
export async function viewResult(doc: ResearchResultRecord, actor: ListingActor | null, now = new Date()) {
  const ref = listingRef('result', doc, now);
  const view = presentResult(doc, await listingOrg(doc.org, actor?.org), disclosureFor(actor, ref), now);
  if (view.disclosure !== 'full') {
    return view;
  }
  const canShare = can(actor, 'share', ref);
  return { ...view, canEdit: can(actor, 'edit', ref), canShare, sharedWith: ref.sharedWith, ...(canShare ? { owner: await presentListingOwner(doc.owner) } : {}) };
}

const TRANSITIONS: { action: Extract<TransitionAction, 'submit' | 'withdraw' | 'confirm'>; summary: string }[] = [
  { action: 'submit', summary: 'Submit a draft (or a withdrawn result) for review' },
  { action: 'withdraw', summary: 'Withdraw a result from the platform' },
  { action: 'confirm', summary: 'Confirm a published result is still current (renews it for 180 days; brings an expired one back)' },
];

/** Research results: create, read (staged disclosure), edit, lifecycle, my organisation's list, attachments. */
export function resultRoutes(api: ApiRouter, _deps: ListingRouteDeps = {}): void {
  api.add({
    method: 'post', path: '/results', tag: 'results', access: 'user', status: 201,
    summary: 'Create a research result as a draft (researchers and commissioners of an organisation)',
    body: resultInput, response: resultFullView,
    handler: async ({ body }, req) => {
      const actor = await requireListingActor(req);
      return viewResult(await createResult(body, actor), actor);
    },
  });
  api.add({
    method: 'get', path: '/results/:id', tag: 'results', access: 'public',
    summary: 'One research result: public summary for everyone, contact for verified members, everything for the owner (drafts: owner and administrators only)',
    params: idParams, response: resultView,
    handler: async ({ params }, req) => {
      const actor = await listingActor(req);
      const now = new Date();
      return viewResult(await findReadable(ResearchResultModel, 'result', params.id, actor, now), actor, now);
    },
  });
  api.add({
    method: 'patch', path: '/results/:id', tag: 'results', access: 'user',
    summary: "Edit a result (its organisation's members); a published result goes back to review",
    params: idParams, body: resultUpdateInput, response: resultFullView,
    handler: async ({ params, body }, req) => {
      const actor = await requireListingActor(req);
      return viewResult(await updateResult(params.id, body, actor), actor);
    },
  });
  for (const t of TRANSITIONS) {
    api.add({
      method: 'post', path: `/results/:id/${t.action}`, tag: 'results', access: 'user',
      summary: t.summary, params: idParams, response: resultFullView,
      handler: async ({ params }, req) => {
        const actor = await requireListingActor(req);
        const now = new Date();
        const updated = await withListing(ResearchResultModel, 'result', params.id, actor, 'manage', now, (doc) => runTransition(ResearchResultModel, doc, t.action, actor, now));
        return viewResult(updated, actor, now);
      },
    });
  }
  api.add({
    method: 'get', path: '/me/results', tag: 'results', access: 'user',
    summary: "My research results (mine and shared with me; scope=org: the organisation's), optionally of one status",
    query: myListingsQuery, response: paginated(myListingView),
    handler: async ({ query }, req) => {
      const actor = await requireListingActor(req);
      const { items, total } = await listMine(ResearchResultModel, 'result', actor, query, new Date(), (d) => resultQuality(d).score);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  });
  resultAttachmentRoutes(api);
  listingShareRoutes(api, 'result', ResearchResultModel);
}
