import {
  dealDetailView,
  dealHistoryQuery,
  dealHistoryView,
  dealIntroductionInput,
  dealListQuery,
  dealListView,
  dealMessageInput,
  dealMessageView,
  dealReadInput,
  dealStageInput,
  dealUnreadView,
  idParams,
} from '@kezhuan/shared';
import { z } from 'zod';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import { requireListingActor } from '../listings/listing.actor';
import { markRead, messageHistory, postMessage } from './deal.messages';
import { introduce } from './deal.open';
import { openDealFromPairing } from './deal.pairing';
import { changeStage, dealDetail, dropProposal, listMyDeals, unreadTotal } from './deal.service';

const TAG = 'deals';
const ROOM_ERRORS = ['NOT_FOUND', 'FORBIDDEN'] as const;

/**
 * Deal rooms: the caller's rooms, a room's page, its stage changes (deal.transitions.ts) and chat.
 * Only participants (approved members of the participating organisations) enter a room; others get
 * 404; administrators read, audited, and act for no party (403 on writes).
 */
export function dealRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/deals', tag: TAG, access: 'user',
    summary: 'The deal rooms of the caller’s organisation, most recently active first, optionally of one stage, with unread counts',
    query: dealListQuery, response: dealListView,
    handler: ({ query }, req) => listMyDeals(currentUser(req), query),
  });
  api.add({
    method: 'get', path: '/deals/unread', tag: TAG, access: 'user',
    summary: 'Unread messages of others over the caller’s rooms (the badge of “my deals”)',
    response: dealUnreadView,
    handler: (_input, req) => unreadTotal(currentUser(req)),
  });
  api.add({
    method: 'post', path: '/deals/introductions', tag: TAG, access: 'user', status: 201,
    summary: 'A member of an intermediary organisation introduces a published listing’s organisation to another organisation: opens a room with all three (or brings the intermediary into their open room)',
    body: dealIntroductionInput, response: dealDetailView, errors: ['FORBIDDEN', 'INVALID_STATE', 'CONFLICT', 'NOT_FOUND'],
    handler: async ({ body }, req) => {
      const { room } = await introduce(await requireListingActor(req), body, req.ip ?? '');
      return dealDetail(currentUser(req), String(room._id), req.ip ?? '');
    },
  });
  api.add({
    method: 'post', path: '/pairings/:id/deal', tag: TAG, access: 'user', status: 201,
    summary: 'Either side of an accepted commissioner pairing opens (or returns) a deal room about the published need the service request was made from: the commissioner’s organisation and the enterprise',
    params: idParams, response: dealDetailView, errors: ['NOT_FOUND', 'FORBIDDEN', 'INVALID_STATE'],
    handler: async ({ params }, req) => {
      const { room } = await openDealFromPairing(currentUser(req), params.id, req.ip ?? '');
      return dealDetail(currentUser(req), String(room._id), req.ip ?? '');
    },
  });
  api.add({
    method: 'get', path: '/deals/:id', tag: TAG, access: 'user',
    summary: 'A deal room: stage, parties, linked listing, pending proposal, the stage changes the caller may make, history of changes and read markers',
    params: idParams, response: dealDetailView, errors: ROOM_ERRORS,
    handler: ({ params }, req) => dealDetail(currentUser(req), params.id, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/deals/:id/stage', tag: TAG, access: 'user',
    summary: 'Change the stage: a move, a proposal of a two-sided change (signing, implementation, done, ending a contract) or the confirmation of the other side’s; terminating needs a reason code',
    params: idParams, body: dealStageInput, response: dealDetailView, errors: [...ROOM_ERRORS, 'INVALID_STATE', 'CONFLICT'],
    handler: ({ params, body }, req) => changeStage(currentUser(req), params.id, body, req.ip ?? ''),
  });
  api.add({
    method: 'delete', path: '/deals/:id/proposal', tag: TAG, access: 'user',
    summary: 'Withdraw one’s pending stage proposal, or decline the other side’s',
    params: idParams, response: dealDetailView, errors: [...ROOM_ERRORS, 'INVALID_STATE', 'CONFLICT'],
    handler: ({ params }, req) => dropProposal(currentUser(req), params.id, req.ip ?? ''),
  });
  api.add({
    method: 'get', path: '/deals/:id/messages', tag: TAG, access: 'user',
    summary: 'Chat history, oldest first on the page: the newest messages, those before a message id (scroll back) or after one (catch up)',
    params: idParams, query: dealHistoryQuery, response: dealHistoryView, errors: ROOM_ERRORS,
    handler: ({ params, query }, req) => messageHistory(currentUser(req), params.id, query, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/deals/:id/messages', tag: TAG, access: 'user',
    summary: 'Post a message with a client-generated id: 201 when stored, 200 with the stored message when the same sender repeats the id (retries are safe)',
    params: idParams, body: dealMessageInput, response: dealMessageView, errors: [...ROOM_ERRORS, 'INVALID_STATE'],
    handler: async ({ params, body }, req, res) => {
      const { message, created } = await postMessage(currentUser(req), params.id, body, req.ip ?? '');
      res.status(created ? 201 : 200);
      return message;
    },
  });
  api.add({
    method: 'post', path: '/deals/:id/read', tag: TAG, access: 'user',
    summary: 'Mark the room read up to a message (the marker only moves forward); others see it as a read receipt',
    params: idParams, body: dealReadInput, response: z.object({ messageId: z.string() }), errors: ROOM_ERRORS,
    handler: ({ params, body }, req) => markRead(currentUser(req), params.id, body.messageId, req.ip ?? ''),
  });
}
