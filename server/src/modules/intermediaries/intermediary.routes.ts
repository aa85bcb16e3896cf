import express from 'express';
import {
  ATTACHMENT_LIMITS,
  ATTACHMENT_MIMES,
  attachmentUploadBody,
  attachmentUploadQuery,
  dealIntermediaryView,
  dealInvitationInput,
  dealInvitationParams,
  dealOrderParams,
  idParams,
  intermediaryAnswerInput,
  intermediaryHomeView,
  intermediaryOrgListView,
  intermediaryScorecardView,
  intermediaryServiceInput,
  intermediaryServiceListView,
  intermediaryServiceQuery,
  intermediaryServiceView,
  orderDeliveryInput,
  orderCancelInput,
  orderRatingInput,
  serviceOrderInput,
} from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser, requireAuth } from '../../lib/auth-guard';
import { listingActor, requireListingActor } from '../listings/listing.actor';
import { createService, getService, listServices, updateService, withdrawService } from './intermediary.catalogue';
import { intermediaryHome, listIntermediaries } from './intermediary.home';
import { answerInvitation, dealIntermediary, inviteIntermediary, withdrawInvitation } from './intermediary.invitations';
import { acceptDelivery, answerOrder, cancelOrder, deliverOrder, openDeliveryFile, placeOrder, uploadDeliveryFile } from './intermediary.orders';
import { intermediaryScorecard } from './intermediary.scorecard';
import { sendStoredFile } from '../../lib/send-file';

const TAG = 'intermediaries';
const ROOM = ['NOT_FOUND', 'FORBIDDEN', 'INVALID_STATE', 'CONFLICT'] as const;

/** The intermediaries' service catalogue and scorecards (public), their home, and their part in deal rooms. */
export function intermediaryRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/intermediary-services', tag: TAG, access: 'public',
    summary: 'The service catalogue: active services by kind, organisation and words of the title; `mine=1` lists the caller’s organisation’s, withdrawn too',
    query: intermediaryServiceQuery, response: intermediaryServiceListView,
    handler: async ({ query }, req) => listServices(await listingActor(req), query),
  });
  api.add({
    method: 'post', path: '/intermediary-services', tag: TAG, access: 'user', status: 201,
    summary: 'A member of a verified intermediary organisation publishes a service of his organisation',
    body: intermediaryServiceInput, response: intermediaryServiceView, errors: ['FORBIDDEN'],
    handler: async ({ body }, req) => createService(await requireListingActor(req), body, req.ip ?? ''),
  });
  api.add({
    method: 'get', path: '/intermediary-services/:id', tag: TAG, access: 'public',
    summary: 'A service (withdrawn ones only for its organisation’s members)',
    params: idParams, response: intermediaryServiceView, errors: ['NOT_FOUND'],
    handler: async ({ params }, req) => getService(await listingActor(req), params.id),
  });
  api.add({
    method: 'put', path: '/intermediary-services/:id', tag: TAG, access: 'user',
    summary: 'A member of the service’s organisation edits it (a withdrawn one is published again)',
    params: idParams, body: intermediaryServiceInput, response: intermediaryServiceView, errors: ['NOT_FOUND', 'FORBIDDEN'],
    handler: async ({ params, body }, req) => updateService(await requireListingActor(req), params.id, body, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/intermediary-services/:id/withdraw', tag: TAG, access: 'user',
    summary: 'A member of the service’s organisation withdraws it from the catalogue (past orders keep it)',
    params: idParams, response: intermediaryServiceView, errors: ['NOT_FOUND', 'FORBIDDEN'],
    handler: async ({ params }, req) => withdrawService(await requireListingActor(req), params.id, req.ip ?? ''),
  });
  api.add({
    method: 'get', path: '/intermediaries', tag: TAG, access: 'public',
    summary: 'Verified intermediary organisations with their count of active services',
    response: intermediaryOrgListView,
    handler: () => listIntermediaries(),
  });
  api.add({
    method: 'get', path: '/intermediaries/:id/scorecard', tag: TAG, access: 'public',
    summary: 'An intermediary’s public scorecard from the platform’s records: median first response, deals, signing and done, contract value, ratings, orders delivered',
    params: idParams, response: intermediaryScorecardView, errors: ['NOT_FOUND'],
    handler: ({ params }) => intermediaryScorecard(params.id),
  });
  api.add({
    method: 'get', path: '/me/intermediary', tag: TAG, access: 'user',
    summary: 'An intermediary member’s home: invitations awaiting an answer, open orders, its deals (introduced ones marked)',
    response: intermediaryHomeView, errors: ['FORBIDDEN'],
    handler: async (_input, req) => intermediaryHome(await requireListingActor(req)),
  });
  api.add({
    method: 'get', path: '/deals/:id/intermediary', tag: TAG, access: 'user',
    summary: 'The intermediary part of a room: the intermediary, invitations, service orders with deliveries and ratings',
    params: idParams, response: dealIntermediaryView, errors: ['NOT_FOUND'],
    handler: ({ params }, req) => dealIntermediary(currentUser(req), params.id, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/deals/:id/invitations', tag: TAG, access: 'user', status: 201,
    summary: 'The provider or the enterprise invites a verified intermediary organisation into the room (one pending invitation, one intermediary)',
    params: idParams, body: dealInvitationInput, response: dealIntermediaryView, errors: ROOM,
    handler: ({ params, body }, req) => inviteIntermediary(currentUser(req), params.id, body, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/deals/:id/invitations/:invitationId/answer', tag: TAG, access: 'user',
    summary: 'A member of the invited organisation accepts (joins the room) or declines; an order that came with it is answered too',
    params: dealInvitationParams, body: intermediaryAnswerInput, response: dealIntermediaryView, errors: ROOM,
    handler: ({ params, body }, req) => answerInvitation(currentUser(req), params.id, params.invitationId, body, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/deals/:id/invitations/:invitationId/withdraw', tag: TAG, access: 'user',
    summary: 'The provider or the enterprise withdraws a pending invitation (and the order it came with)',
    params: dealInvitationParams, response: dealIntermediaryView, errors: ROOM,
    handler: ({ params }, req) => withdrawInvitation(currentUser(req), params.id, params.invitationId, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/deals/:id/orders', tag: TAG, access: 'user', status: 201,
    summary: 'The provider or the enterprise orders a catalogue service into the room (an intermediary not yet in it is invited with the order)',
    params: idParams, body: serviceOrderInput, response: dealIntermediaryView, errors: ROOM,
    handler: ({ params, body }, req) => placeOrder(currentUser(req), params.id, body, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/deals/:id/orders/:orderId/answer', tag: TAG, access: 'user',
    summary: 'The intermediary accepts or declines an order',
    params: dealOrderParams, body: intermediaryAnswerInput, response: dealIntermediaryView, errors: ROOM,
    handler: ({ params, body }, req) => answerOrder(currentUser(req), params.id, params.orderId, body, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/deals/:id/orders/:orderId/file', tag: TAG, access: 'user',
    summary: 'The intermediary uploads or replaces the report of an order in progress (raw body: PDF, DOCX, XLSX, PNG or JPG checked by content, at most 10 MB; name in ?name=)',
    before: [requireAuth(), express.raw({ type: ATTACHMENT_MIMES, limit: ATTACHMENT_LIMITS.maxBytes })],
    params: dealOrderParams, query: attachmentUploadQuery, body: attachmentUploadBody, response: dealIntermediaryView,
    errors: [...ROOM, 'UNSUPPORTED_MEDIA_TYPE'],
    handler: ({ params, query, body }, req) =>
      uploadDeliveryFile(currentUser(req), params.id, params.orderId, { bytes: body, name: query.name, mime: req.get('content-type') ?? '' }, req.ip ?? ''),
  });
  api.add({
    method: 'get', path: '/deals/:id/orders/:orderId/file', tag: TAG, access: 'user', raw: true,
    summary: 'Download an order’s report (the room’s participants once delivered; others 404)',
    params: dealOrderParams,
    handler: async ({ params }, req, res) => {
      const file = await openDeliveryFile(currentUser(req), params.id, params.orderId, req.ip ?? '');
      await sendStoredFile(res, file);
    },
  });
  api.add({
    method: 'post', path: '/deals/:id/orders/:orderId/delivery', tag: TAG, access: 'user',
    summary: 'The intermediary delivers an order in progress with a summary (the report uploaded before)',
    params: dealOrderParams, body: orderDeliveryInput, response: dealIntermediaryView, errors: ROOM,
    handler: ({ params, body }, req) => deliverOrder(currentUser(req), params.id, params.orderId, body, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/deals/:id/orders/:orderId/cancel', tag: TAG, access: 'user',
    summary: 'The ordering party withdraws or cancels an order before delivery, or the intermediary withdraws from one in progress (a reason once in progress)',
    params: dealOrderParams, body: orderCancelInput, response: dealIntermediaryView, errors: ROOM,
    handler: ({ params, body }, req) => cancelOrder(currentUser(req), params.id, params.orderId, body, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/deals/:id/orders/:orderId/acceptance', tag: TAG, access: 'user',
    summary: 'The ordering party accepts the delivery and rates it (1–5 and a comment)',
    params: dealOrderParams, body: orderRatingInput, response: dealIntermediaryView, errors: ROOM,
    handler: ({ params, body }, req) => acceptDelivery(currentUser(req), params.id, params.orderId, body, req.ip ?? ''),
  });
}
