import {
  applicationReviewsView,
  assignInput,
  callRankingView,
  expertInput,
  expertInviteInput,
  expertListQuery,
  expertUpdate,
  expertView,
  idParams,
  myReviewListQuery,
  myReviewView,
  paginated,
  proposalsView,
  scoreInput,
} from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import { audit } from '../audit/audit.service';
import { readCall } from './call.service';
import { logMessaging, type Messaging } from '../messaging/messaging';
import { inviteExpert } from './experts.invite';
import { createExpert, listExperts, presentExperts, updateExpert } from './experts.service';
import {
  applicationReviews,
  assignReviewers,
  callRanking,
  listMyReviews,
  proposals,
  readMyReview,
  reopenReview,
  saveScores,
  withdrawReview,
} from './review.service';

const TAG = 'programme review';

/** The expert pool, assignments, the reviewers' workbench and a call's ranking. */
export function reviewRoutes(api: ApiRouter, { messaging }: { messaging: Messaging } = { messaging: logMessaging() }): void {
  expertRoutes(api, messaging);
  api.add({
    method: 'get', path: '/admin/applications/:id/proposals', tag: TAG, access: ['admin'],
    summary: 'Active experts ranked by field match for an application, with the reasons; conflicted experts last with theirs',
    params: idParams, response: proposalsView,
    handler: async ({ params }) => ({ items: await proposals(params.id) }),
  });
  api.add({
    method: 'get', path: '/admin/applications/:id/reviews', tag: TAG, access: ['admin'],
    summary: "An application's reviewers, their weighted totals, mean, spread, outliers and completion",
    params: idParams, response: applicationReviewsView,
    handler: ({ params }) => applicationReviews(params.id),
  });
  api.add({
    method: 'post', path: '/admin/applications/:id/reviews', tag: TAG, access: ['admin'],
    summary: 'Assign reviewers from the pool (refused with the reasons if any has a conflict of interest); the reviewers are told',
    params: idParams, body: assignInput, response: applicationReviewsView,
    handler: async ({ params, body }, req) => {
      await assignReviewers(currentUser(req), params.id, body.experts, req.ip ?? '');
      return applicationReviews(params.id);
    },
  });
  api.add({
    method: 'delete', path: '/admin/reviews/:id', tag: TAG, access: ['admin'], status: 204,
    summary: 'Withdraw an assignment whose score is not in yet', params: idParams,
    handler: async ({ params }, req) => {
      await withdrawReview(currentUser(req), params.id, req.ip ?? '');
    },
  });
  api.add({
    method: 'post', path: '/admin/reviews/:id/reopen', tag: TAG, access: ['admin'], status: 204,
    summary: 'Reopen a submitted review for changes (audited; the reviewer is told)', params: idParams,
    handler: async ({ params }, req) => {
      await reopenReview(currentUser(req), params.id, req.ip ?? '');
    },
  });
  api.add({
    method: 'get', path: '/admin/calls/:id/ranking', tag: TAG, access: ['admin'],
    summary: "The call's applications under review by mean weighted score (unscored last)",
    params: idParams, response: callRankingView,
    handler: async ({ params }) => callRanking((await readCall(params.id, true))._id),
  });
  api.add({
    method: 'get', path: '/me/reviews', tag: TAG, access: 'user',
    summary: 'My review assignments, newest first', query: myReviewListQuery, response: paginated(myReviewView),
    handler: ({ query }, req) => listMyReviews(currentUser(req), query),
  });
  api.add({
    method: 'get', path: '/reviews/:id', tag: TAG, access: 'user',
    summary: 'One of my review assignments with the application (no other reviewers)', params: idParams, response: myReviewView,
    handler: ({ params }, req) => readMyReview(currentUser(req), params.id),
  });
  api.add({
    method: 'put', path: '/reviews/:id', tag: TAG, access: 'user',
    summary: "Save my scores as a draft (criteria must be the call's)", params: idParams, body: scoreInput, response: myReviewView,
    handler: async ({ params, body }, req) => {
      const user = currentUser(req);
      await saveScores(user, params.id, body, false, req.ip ?? '');
      return readMyReview(user, params.id);
    },
  });
  api.add({
    method: 'post', path: '/reviews/:id/submit', tag: TAG, access: 'user',
    summary: 'Submit my final scores: every criterion and a recommendation', params: idParams, body: scoreInput, response: myReviewView,
    handler: async ({ params, body }, req) => {
      const user = currentUser(req);
      await saveScores(user, params.id, body, true, req.ip ?? '');
      return readMyReview(user, params.id);
    },
  });
}

function expertRoutes(api: ApiRouter, messaging: Messaging): void {
  api.add({
    method: 'get', path: '/admin/experts', tag: TAG, access: ['admin'],
    summary: 'The expert pool, newest edit first', query: expertListQuery, response: paginated(expertView),
    handler: ({ query }) => listExperts(query),
  });
  api.add({
    method: 'post', path: '/admin/experts', tag: TAG, access: ['admin'], status: 201,
    summary: 'Enter a platform account (not an administrator) in the pool', body: expertInput, response: expertView,
    handler: async ({ body }, req) => {
      const actor = currentUser(req)._id;
      const doc = await createExpert(actor, body);
      await audit({ action: 'programme.expert_create', actor, target: { kind: 'user', id: String(doc.user) }, ip: req.ip ?? '' });
      return (await presentExperts([doc]))[0];
    },
  });
  api.add({
    method: 'post', path: '/admin/experts/invite', tag: TAG, access: ['admin'], status: 201,
    summary: 'Invite an outside expert without an account: creates the account (no password) and the pool entry, mails a set-password link (audited)',
    body: expertInviteInput, response: expertView, errors: ['CONFLICT'],
    handler: async ({ body }, req) => presentExperts([await inviteExpert(currentUser(req), body, messaging, req.ip ?? '')]).then((v) => v[0]),
  });
  api.add({
    method: 'put', path: '/admin/experts/:id', tag: TAG, access: ['admin'],
    summary: "Edit a pool entry's fields, terms, stakes or active flag", params: idParams, body: expertUpdate, response: expertView,
    handler: async ({ params, body }, req) => {
      const doc = await updateExpert(params.id, body);
      await audit({ action: 'programme.expert_update', actor: currentUser(req)._id, target: { kind: 'user', id: String(doc.user) }, ip: req.ip ?? '' });
      return (await presentExperts([doc]))[0];
    },
  });
}
