import { idParams, listingShareInput, listingShareView, type ListingKind } from '@kezhuan/shared';
import type { Model } from 'mongoose';
import type { ApiRouter } from '../../lib/api-router';
import { createError } from '../../lib/errors';
import { approvedMemberFilter } from '../orgs/membership.rules';
import { UserModel } from '../users/user.model';
import { requireListingActor } from './listing.actor';
import type { ListingRecord } from './listing.fields';
import { withListing } from './listing.store';

/**
 * Sharing a listing with named colleagues, who may then edit it too (its owner and the
 * organisation's managers decide). Only approved members of the listing's organisation qualify.
 */
export function listingShareRoutes<T extends ListingRecord>(api: ApiRouter, kind: ListingKind, model: Model<T>): void {
  const base = kind === 'result' ? 'results' : 'needs';
  api.add({
    method: 'put', path: `/${base}/:id/share`, tag: base, access: 'user',
    summary: `Share a ${kind} with colleagues of its organisation (replaces the list; the owner and managers)`,
    params: idParams, body: listingShareInput, response: listingShareView,
    handler: async ({ params, body }, req) => {
      const actor = await requireListingActor(req);
      return withListing(model, kind, params.id, actor, 'share', new Date(), async (doc) => {
        const colleagues = await UserModel.find({ ...approvedMemberFilter(doc.org), _id: { $in: body.userIds } }, { displayName: 1 }).lean();
        if (colleagues.length !== body.userIds.length) {
          throw createError('VALIDATION_FAILED', {
            fields: [{ path: 'body.userIds', code: 'not_member', message: '只能共享给本机构已批准的成员', messageEn: 'Share only with approved members of the organisation' }],
          });
        }
        await model.updateOne({ _id: doc._id }, { $set: { sharedWith: colleagues.map((c) => c._id) } });
        return { sharedWith: colleagues.map((c) => ({ id: String(c._id), name: c.displayName })) };
      });
    },
  });
}
