import { fundingDecisionInput, fundingOverviewView, idParams } from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import { decideFunding, fundingOverview } from './funding.service';

const TAG = 'programmes';

/** The administrator's funding decision per call (budget bar, fund or reject each accepted application). */
export function fundingRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/admin/calls/:id/funding', tag: TAG, access: ['admin'],
    summary: "The call's budget used and its accepted, under-review and decided applications with requested funds",
    params: idParams, response: fundingOverviewView,
    handler: ({ params }) => fundingOverview(params.id),
  });
  api.add({
    method: 'post', path: '/admin/applications/:id/funding', tag: TAG, access: ['admin'],
    summary: "Fund (amount ≤ requested, within the call's range and remaining budget) or reject (reason) an application",
    params: idParams, body: fundingDecisionInput, response: fundingOverviewView,
    handler: ({ params, body }, req) => decideFunding(currentUser(req), params.id, body, req.ip ?? ''),
  });
}
