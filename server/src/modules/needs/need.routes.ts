import { idParams, myListingView, myListingsQuery, needCreateInput, needFullView, needUpdateInput, needView, paginated } from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import type { TransitionAction } from '../listings/lifecycle';
import { listingActor, requireListingActor } from '../listings/listing.actor';
import { can, disclosureFor, type ListingActor } from '../listings/listing.policy';
import { listingOrg, presentListingOwner } from '../listings/listing.presenter';
import type { ListingRouteDeps } from '../listings/listing.routes';
import { listMine } from '../listings/listing.queries';
import { listingShareRoutes } from '../listings/listing-share.routes';
import { findReadable, listingRef, runTransition, withListing } from '../listings/listing.store';
import { TechNeedModel, type TechNeedRecord } from './need.model';
import { needDisclosure, presentNeed } from './need.presenter';
import { createNeed, needQuality, updateNeed } from './need.service';

/** A need as the caller may see it. */
export async function viewNeed(doc: TechNeedRecord, actor: ListingActor | null, now = new Date()) {
  const ref = listingRef('need', doc, now);
  const view = presentNeed(doc, await listingOrg(doc.org, actor?.org), needDisclosure(disclosureFor(actor, ref), doc.confidentiality), now);
  if (view.disclosure !== 'full') {
    return view;
  }
  const canShare = can(actor, 'share', ref);
  return { ...view, canEdit: can(actor, 'edit', ref), canShare, sharedWith: ref.sharedWith, ...(canShare ? { owner: await presentListingOwner(doc.owner) } : {}) };
}

const TRANSITIONS: { action: Extract<TransitionAction, 'submit' | 'withdraw' | 'confirm'>; summary: string }[] = [
  { action: 'submit', summary: 'Submit a draft (or a withdrawn need) for review' },
  { action: 'withdraw', summary: 'Withdraw a need from the platform' },
  { action: 'confirm', summary: 'Confirm a published need is still current (renews it for 180 days; brings an expired one back)' },
];

/** Technology needs: create, read (by confidentiality and standing), edit, lifecycle, my enterprise's list. */
export function needRoutes(api: ApiRouter, _deps: ListingRouteDeps = {}): void {
  api.add({
    method: 'post', path: '/needs', tag: 'needs', access: 'user', status: 201,
    summary: 'Post a technology need as a draft (enterprise users)',
    body: needCreateInput, response: needFullView,
    handler: async ({ body }, req) => {
      const actor = await requireListingActor(req);
      return viewNeed(await createNeed(body, actor), actor);
    },
  });
  api.add({
    method: 'get', path: '/needs/:id', tag: 'needs', access: 'public',
    summary: 'One technology need, disclosed by its confidentiality and the caller (drafts: owner and administrators only)',
    params: idParams, response: needView,
    handler: async ({ params }, req) => {
      const actor = await listingActor(req);
      const now = new Date();
      return viewNeed(await findReadable(TechNeedModel, 'need', params.id, actor, now), actor, now);
    },
  });
  api.add({
    method: 'patch', path: '/needs/:id', tag: 'needs', access: 'user',
    summary: "Edit a need (its enterprise's members); a published need goes back to review",
    params: idParams, body: needUpdateInput, response: needFullView,
    handler: async ({ params, body }, req) => {
      const actor = await requireListingActor(req);
      return viewNeed(await updateNeed(params.id, body, actor), actor);
    },
  });
  for (const t of TRANSITIONS) {
    api.add({
      method: 'post', path: `/needs/:id/${t.action}`, tag: 'needs', access: 'user',
      summary: t.summary, params: idParams, response: needFullView,
      handler: async ({ params }, req) => {
        const actor = await requireListingActor(req);
        const now = new Date();
        const updated = await withListing(TechNeedModel, 'need', params.id, actor, 'manage', now, (doc) => runTransition(TechNeedModel, doc, t.action, actor, now));
        return viewNeed(updated, actor, now);
      },
    });
  }
  api.add({
    method: 'get', path: '/me/needs', tag: 'needs', access: 'user',
    summary: "My technology needs (mine and shared with me; scope=org: the organisation's), optionally of one status",
    query: myListingsQuery, response: paginated(myListingView),
    handler: async ({ query }, req) => {
      const actor = await requireListingActor(req);
      const { items, total } = await listMine(TechNeedModel, 'need', actor, query, new Date(), (d) => needQuality(d).score);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  });
  listingShareRoutes(api, 'need', TechNeedModel);
}
