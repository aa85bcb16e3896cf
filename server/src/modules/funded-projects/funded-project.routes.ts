import express from 'express';
import {
  ATTACHMENT_LIMITS,
  ATTACHMENT_MIMES,
  attachmentUploadBody,
  projectAttachmentQuery,
  projectAttachmentView,
  projectFileParams,
  adminProjectListQuery,
  idParams,
  milestoneParams,
  milestoneReportInput,
  paginated,
  projectLinkCandidatesView,
  projectLinksInput,
  projectListQuery,
  projectSummaryView,
  publicProjectListQuery,
  publicProjectSummaryView,
  projectView,
  reportReviewInput,
  yearlyReportInput,
  yearlyReportParams,
} from '@kezhuan/shared';
import { z } from 'zod';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser, requireAuth } from '../../lib/auth-guard';
import { sendStoredFile } from '../../lib/send-file';
import { addYearlyReportFile, openProjectFile } from './funded-project.files';
import type { QuerySpec } from '../../lib/query-spec';
import { OrgModel } from '../orgs/org.model';
import type { UserDoc } from '../users/user.model';
import { FundedProjectModel, type FundedProjectRecord } from './funded-project.model';
import { presentProject, presentProjectSummaries } from './funded-project.presenter';
import { adminProjectsQuery, orgProjectsQuery, publicProjectsQuery } from './funded-project.queries';
import { linkCandidates, updateLinks } from './funded-project.links';
import { readProject, reportMilestone, reviewMilestone, reviewYearlyReport, submitYearlyReport } from './funded-project.service';
import { overdueMilestones } from './funded-project.sweep';

const TAG = 'funded-projects';

async function page(q: QuerySpec, p: { page: number; pageSize: number }) {
  const [docs, total] = await Promise.all([
    FundedProjectModel.find(q.filter).sort(q.sort ?? {}).skip((p.page - 1) * p.pageSize).limit(p.pageSize).lean<FundedProjectRecord[]>(),
    FundedProjectModel.countDocuments(q.filter),
  ]);
  return { items: await presentProjectSummaries(docs), total, page: p.page, pageSize: p.pageSize };
}

const overdueView = z.object({
  project: z.object({ id: z.string(), number: z.string(), title: z.string(), org: z.object({ id: z.string(), name: z.string() }) }),
  milestone: z.object({ id: z.string(), name: z.string(), kind: z.string(), dueDate: z.string(), state: z.string() }),
});

/** Funded projects (立项项目): public list, my organisation's, the project page, reports and links. */
export function fundedProjectRoutes(api: ApiRouter): void {
  const show = async (user: UserDoc, doc: FundedProjectRecord) => presentProject(user, doc);
  api.add({
    method: 'get', path: '/projects', tag: TAG, access: 'public',
    summary: 'Funded projects, newest first, by year and programme (number, title, organisation, programme, year, amount, state: public in a province programme; no overdue count)',
    query: publicProjectListQuery, response: paginated(publicProjectSummaryView),
    handler: async ({ query }) => {
      const { items, ...rest } = await page(publicProjectsQuery(query), query);
      return { ...rest, items: items.map(({ overdueCount: _hidden, ...pub }) => pub) };
    },
  });
  api.add({
    method: 'get', path: '/me/projects', tag: TAG, access: 'user',
    summary: "My organisation's funded projects, as lead or partner",
    query: projectListQuery, response: paginated(projectSummaryView),
    handler: async ({ query }, req) => {
      const user = currentUser(req);
      if (!user.org || user.orgStatus === 'pending') {
        return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      }
      return page(orgProjectsQuery(user.org), query);
    },
  });
  api.add({
    method: 'get', path: '/projects/:id', tag: TAG, access: 'user',
    summary: 'One funded project with milestones, reports and links (lead and partner members; administrators, audited)',
    params: idParams, response: projectView,
    handler: async ({ params }, req) => show(currentUser(req), await readProject(currentUser(req), params.id, req.ip ?? '')),
  });
  api.add({
    method: 'post', path: '/projects/:id/milestones/:mid/report', tag: TAG, access: 'user',
    summary: 'Report a milestone: actual value, date, evidence (lead members)',
    params: milestoneParams, body: milestoneReportInput, response: projectView,
    handler: async ({ params, body }, req) => show(currentUser(req), await reportMilestone(currentUser(req), params.id, params.mid, body, req.ip ?? '')),
  });
  api.add({
    method: 'post', path: '/projects/:id/yearly-reports', tag: TAG, access: 'user', status: 201,
    summary: 'File the yearly report: narrative and figures per milestone kind (lead members)',
    params: idParams, body: yearlyReportInput, response: projectView,
    handler: async ({ params, body }, req) => show(currentUser(req), await submitYearlyReport(currentUser(req), params.id, body, req.ip ?? '')),
  });
  api.add({
    method: 'post', path: '/projects/:id/yearly-reports/:year/attachments', tag: TAG, access: 'user', status: 201,
    summary: "Attach a file to the year's report (raw body: PDF, DOCX, XLSX, PNG or JPG; ?name=) while it is not accepted (lead members)",
    before: [requireAuth(), express.raw({ type: ATTACHMENT_MIMES, limit: ATTACHMENT_LIMITS.maxBytes })],
    params: yearlyReportParams, query: projectAttachmentQuery, body: attachmentUploadBody, response: projectAttachmentView,
    errors: ['UNSUPPORTED_MEDIA_TYPE'],
    handler: async ({ params, query, body }, req) => {
      const meta = await addYearlyReportFile(currentUser(req), params.id, params.year, { bytes: body, name: query.name, mime: req.get('content-type') ?? '' });
      return { key: meta.key, name: meta.name, size: meta.size, mime: meta.mime, uploadedAt: meta.uploadedAt.toISOString() };
    },
  });
  api.add({
    method: 'get', path: '/projects/:id/attachments/:key', tag: TAG, access: 'user', raw: true,
    summary: "Download a project's file (whoever may read the project)",
    params: projectFileParams,
    handler: async ({ params }, req, res) => {
      await sendStoredFile(res, await openProjectFile(currentUser(req), params.id, params.key));
    },
  });
  api.add({
    method: 'get', path: '/projects/:id/link-candidates', tag: TAG, access: 'user',
    summary: "What the lead may link: its organisations' results (not withdrawn), their deal rooms, the lead's pairings (not declined); newest first, 200 of each",
    params: idParams, response: projectLinkCandidatesView,
    handler: async ({ params }, req) => linkCandidates(currentUser(req), params.id),
  });
  api.add({
    method: 'put', path: '/projects/:id/links', tag: TAG, access: 'user',
    summary: "Link the project to its organisations' own results, deals and pairings (lead members)",
    params: idParams, body: projectLinksInput, response: projectView,
    handler: async ({ params, body }, req) => show(currentUser(req), await updateLinks(currentUser(req), params.id, body, req.ip ?? '')),
  });
  api.add({
    method: 'get', path: '/admin/projects', tag: TAG, access: ['admin'],
    summary: 'Funded projects, filtered by call, year, state or overdue',
    query: adminProjectListQuery, response: paginated(projectSummaryView),
    handler: ({ query }) => page(adminProjectsQuery(query), query),
  });
  api.add({
    method: 'get', path: '/admin/projects/overdue', tag: TAG, access: ['admin'],
    summary: 'Every overdue milestone (past due without an accepted report), oldest due first',
    response: z.array(overdueView),
    handler: async () => {
      const rows = await overdueMilestones();
      const orgs = new Map((await OrgModel.find({ _id: { $in: rows.map((r) => r.project.org) } }, { name: 1 }).lean()).map((o) => [String(o._id), o.name]));
      return rows.map(({ project: p, milestone: m }) => ({
        project: { id: String(p._id), number: p.number, title: p.title, org: { id: String(p.org), name: orgs.get(String(p.org)) ?? '' } },
        milestone: { id: String(m._id), name: m.name, kind: m.kind, dueDate: m.dueDate, state: m.state },
      }));
    },
  });
  api.add({
    method: 'post', path: '/admin/projects/:id/milestones/:mid/review', tag: TAG, access: ['admin'],
    summary: 'Accept a milestone report, or return it with a reason',
    params: milestoneParams, body: reportReviewInput, response: projectView,
    handler: async ({ params, body }, req) => show(currentUser(req), await reviewMilestone(currentUser(req), params.id, params.mid, body, req.ip ?? '')),
  });
  api.add({
    method: 'post', path: '/admin/projects/:id/yearly-reports/:year/review', tag: TAG, access: ['admin'],
    summary: 'Accept a yearly report, or return it with a reason',
    params: yearlyReportParams, body: reportReviewInput, response: projectView,
    handler: async ({ params, body }, req) => show(currentUser(req), await reviewYearlyReport(currentUser(req), params.id, params.year, body, req.ip ?? '')),
  });
}
