import {
  planDashboardView, planEntryInput, planEntryParams, planEntryUpdate, planEntryView, planExportQuery, planInput, planListView, planParams, planSummaryView,
} from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import { registerPlanCounters } from './plan.counters';
import { planDashboard } from './plan.dashboard';
import { presentEntry, presentPlanSummary } from './plan.presenter';
import { createEntry, createPlan, deleteEntry, listPlans, updateEntry } from './plan.service';
import { planWorkbook } from './plan.xlsx';

const TAG = 'plan';
const noNames = new Map<string, string>();

/** The plan-target dashboard (规划目标): plans as data, counters or manual entries, charts' figures, XLSX. */
export function planRoutes(api: ApiRouter): void {
  registerPlanCounters();
  api.add({
    method: 'get', path: '/plans', tag: TAG, access: 'public',
    summary: 'The plans whose targets the platform follows, newest period first',
    response: planListView,
    handler: () => listPlans(),
  });
  api.add({
    method: 'get', path: '/plans/:code/dashboard', tag: TAG, access: 'public',
    summary: "A plan's targets with their values (registered counter, else the sum of manual entries), by city and by year; no evidence",
    params: planParams, response: planDashboardView,
    handler: ({ params }) => planDashboard(params.code, { withEntries: false }),
  });
  api.add({
    method: 'post', path: '/admin/plans', tag: TAG, access: ['admin'], status: 201,
    summary: 'Adds a plan (code, title, period, source) with its targets (number, unit, per year or over the period, counter name)',
    body: planInput, response: planSummaryView, errors: ['CONFLICT'],
    handler: async ({ body }, req) => presentPlanSummary(await createPlan(currentUser(req), body, req.ip ?? '')),
  });
  api.add({
    method: 'get', path: '/admin/plans/:code/dashboard', tag: TAG, access: ['admin'],
    summary: "The dashboard with the manual entries, their evidence and correction history",
    params: planParams, response: planDashboardView,
    handler: ({ params }) => planDashboard(params.code, { withEntries: true }),
  });
  api.add({
    method: 'get', path: '/admin/plans/:code/dashboard.xlsx', tag: TAG, access: ['admin'], raw: true,
    summary: "The dashboard as an XLSX workbook: overview, targets × years, targets × cities, entries with evidence",
    params: planParams, query: planExportQuery,
    handler: async ({ params, query }, _req, res) => {
      const bytes = await planWorkbook(await planDashboard(params.code, { withEntries: true }), query.lang === 'en' ? 'en' : 'zh');
      res
        .status(200)
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .set('Content-Disposition', `attachment; filename="plan-${params.code}.xlsx"; filename*=UTF-8''${encodeURIComponent(`规划目标-${params.code}.xlsx`)}`)
        .set('Cache-Control', 'no-store')
        .send(bytes);
    },
  });
  api.add({
    method: 'post', path: '/admin/plans/:code/entries', tag: TAG, access: ['admin'], status: 201,
    summary: 'Enters a count for one target, city and year with its evidence (one entry per cell: 409, correct it instead)',
    params: planParams, body: planEntryInput, response: planEntryView, errors: ['CONFLICT'],
    handler: async ({ params, body }, req) => presentEntry(await createEntry(currentUser(req), params.code, body, req.ip ?? ''), noNames),
  });
  api.add({
    method: 'patch', path: '/admin/plans/:code/entries/:id', tag: TAG, access: ['admin'],
    summary: 'Corrects an entry (count, evidence) with a reason; the previous version is kept in its history',
    params: planEntryParams, body: planEntryUpdate, response: planEntryView, errors: ['CONFLICT'],
    handler: async ({ params, body }, req) => presentEntry(await updateEntry(currentUser(req), params.code, params.id, body, req.ip ?? ''), noNames),
  });
  api.add({
    method: 'delete', path: '/admin/plans/:code/entries/:id', tag: TAG, access: ['admin'], status: 204,
    summary: 'Removes an entry (audited with its figures and evidence)',
    params: planEntryParams,
    handler: ({ params }, req) => deleteEntry(currentUser(req), params.code, params.id, req.ip ?? ''),
  });
}
