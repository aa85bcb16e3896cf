import { budgetTotals, type ApplicationView } from '@kezhuan/shared';
import { TechNeedModel } from '../needs/need.model';
import { OrgModel } from '../orgs/org.model';
import { ResearchResultModel } from '../results/result.model';
import type { UserDoc } from '../users/user.model';
import type { ApplicationRecord } from './application.model';
import { isEditable, standing } from './application.policy';
import { CallModel } from './call.model';

/** Applications as `user` sees them, with titles and names of what they link (one query per collection). */
export async function presentApplications(user: UserDoc, docs: ApplicationRecord[]): Promise<ApplicationView[]> {
  const ids = (pick: (d: ApplicationRecord) => unknown[]) => [...new Set(docs.flatMap((d) => pick(d).map(String)))];
  const [calls, orgs, results, needs] = await Promise.all([
    CallModel.find({ _id: { $in: ids((d) => [d.call]) } }, { title: 1, programmeType: 1, year: 1, closesAt: 1 }).lean(),
    OrgModel.find({ _id: { $in: ids((d) => [d.org, ...d.partners]) } }, { name: 1 }).lean(),
    ResearchResultModel.find({ _id: { $in: ids((d) => d.results) } }, { title: 1 }).lean(),
    TechNeedModel.find({ _id: { $in: ids((d) => d.needs) } }, { title: 1 }).lean(),
  ]);
  const byId = <T extends { _id: unknown }>(xs: T[]) => new Map(xs.map((x) => [String(x._id), x]));
  const callMap = byId(calls);
  const orgMap = byId(orgs);
  const resultMap = byId(results);
  const needMap = byId(needs);
  return docs.map((d) => {
    const call = callMap.get(String(d.call));
    const s = standing(user, d);
    return {
      id: String(d._id),
      call: { id: String(d.call), title: call?.title ?? '', programmeType: call?.programmeType ?? 'key_transformation', year: call?.year ?? 0, closesAt: call?.closesAt ?? '' },
      org: { id: String(d.org), name: orgMap.get(String(d.org))?.name ?? '' },
      status: d.status,
      title: d.title,
      description: d.description,
      results: d.results.map((r) => ({ id: String(r), title: resultMap.get(String(r))?.title ?? '' })),
      needs: d.needs.map((n) => ({ id: String(n), title: needMap.get(String(n))?.title ?? '' })),
      partners: d.partners.map((p) => ({ id: String(p), name: orgMap.get(String(p))?.name ?? '' })),
      budget: d.budget.map((b) => ({ item: b.item, ownFunds: b.ownFunds, requestedFunds: b.requestedFunds })),
      totals: budgetTotals(d.budget),
      milestones: d.milestones.map((m) => ({ name: m.name, dueDate: m.dueDate, kind: m.kind, target: m.target })),
      attachments: d.attachments.map((a) => ({ key: a.key, name: a.name, size: a.size, mime: a.mime, document: a.document, uploadedAt: a.uploadedAt.toISOString() })),
      returnReasons: d.returnReasons.map((r) => ({ field: r.field, reason: r.reason })),
      submittedAt: d.submittedAt?.toISOString() ?? null,
      canEdit: s === 'lead' && isEditable(d),
      asPartner: s === 'partner',
      updatedAt: d.updatedAt.toISOString(),
    };
  });
}
