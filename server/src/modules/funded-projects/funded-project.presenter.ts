import type { MilestoneState, ProjectSummaryView, ProjectView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { DealRoomModel } from '../deals/deal.model';
import { TechNeedModel } from '../needs/need.model';
import { OrgModel } from '../orgs/org.model';
import { PairingModel } from '../pairing/pairing.model';
import { CallModel } from '../programmes/call.model';
import { chinaToday } from '../programmes/programme.dates';
import { ResearchResultModel } from '../results/result.model';
import { ServiceRequestModel } from '../service-requests/service-request.model';
import { UserModel, type UserDoc } from '../users/user.model';
import type { FundedProjectRecord, MilestoneRecord } from './funded-project.model';
import { projectStanding } from './funded-project.policy';

/** Past due (China day) without an accepted report. */
export const isOverdue = (m: Pick<MilestoneRecord, 'state' | 'dueDate'>, today: string) => m.state !== 'accepted' && m.dueDate < today;

export function milestoneState(m: Pick<MilestoneRecord, 'state' | 'dueDate'>, today: string): MilestoneState {
  return isOverdue(m, today) ? 'overdue' : m.state;
}

const byId = <T extends { _id: unknown }>(xs: T[]) => new Map(xs.map((x) => [String(x._id), x]));

/** Lists: number, title, org, programme, year, amount, state (public information of a province programme). */
export async function presentProjectSummaries(docs: FundedProjectRecord[]): Promise<ProjectSummaryView[]> {
  const orgs = byId(await OrgModel.find({ _id: { $in: docs.map((d) => d.org) } }, { name: 1 }).lean());
  return docs.map((d) => ({
    id: String(d._id),
    number: d.number,
    title: d.title,
    org: { id: String(d.org), name: orgs.get(String(d.org))?.name ?? '' },
    programmeType: d.programmeType,
    year: d.year,
    amount: d.amount,
    state: d.state,
    overdueCount: d.overdueCount,
  }));
}

interface PairingLike { _id: Types.ObjectId; term: number; request: Types.ObjectId; commissionerUser: Types.ObjectId }

/** "2014 · 王教授 · 玉米秸秆综合利用" — the term, the commissioner and the enterprise's request. */
export async function pairingTitles(pairings: PairingLike[]): Promise<Map<string, string>> {
  const [requests, users] = await Promise.all([
    ServiceRequestModel.find({ _id: { $in: pairings.map((p) => p.request) } }, { title: 1 }).lean(),
    UserModel.find({ _id: { $in: pairings.map((p) => p.commissionerUser) } }, { displayName: 1 }).lean(),
  ]);
  const req = new Map(requests.map((r) => [String(r._id), r.title]));
  const who = new Map(users.map((u) => [String(u._id), u.displayName]));
  return new Map(pairings.map((p) => [String(p._id), [String(p.term), who.get(String(p.commissionerUser)), req.get(String(p.request))].filter(Boolean).join(' · ')]));
}

/** The project page as `user` sees it. */
export async function presentProject(user: UserDoc, d: FundedProjectRecord, now = new Date()): Promise<ProjectView> {
  const today = chinaToday(now);
  const [summary] = await presentProjectSummaries([d]);
  const [call, partners, results, needs, deals, pairings] = await Promise.all([
    CallModel.findById(d.call, { title: 1 }).lean(),
    OrgModel.find({ _id: { $in: d.partners } }, { name: 1 }).lean(),
    ResearchResultModel.find({ _id: { $in: d.results } }, { title: 1 }).lean(),
    TechNeedModel.find({ _id: { $in: d.needs } }, { title: 1 }).lean(),
    DealRoomModel.find({ _id: { $in: d.deals } }, { listing: 1 }).lean(),
    PairingModel.find({ _id: { $in: d.pairings } }, { term: 1, request: 1, commissionerUser: 1 }).lean(),
  ]);
  const names = byId(partners);
  const pairingTitle = await pairingTitles(pairings);
  const s = projectStanding(user, d);
  return {
    ...summary!,
    call: { id: String(d.call), title: call?.title ?? '' },
    applicationId: String(d.application),
    partners: d.partners.map((p) => ({ id: String(p), name: names.get(String(p))?.name ?? '' })),
    periodFrom: d.periodFrom,
    periodTo: d.periodTo,
    milestones: [...d.milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate)).map((m) => ({
      id: String(m._id),
      name: m.name,
      kind: m.kind,
      dueDate: m.dueDate,
      target: m.target,
      state: milestoneState(m, today),
      overdue: isOverdue(m, today),
      report: m.report ? { actual: m.report.actual, date: m.report.date, evidence: m.report.evidence, state: m.report.state, reason: m.report.reason ?? null, at: m.report.at.toISOString() } : null,
    })),
    yearlyReports: [...d.yearlyReports].sort((a, b) => b.year - a.year).map((r) => ({
      year: r.year,
      attachments: (d.files ?? []).filter((f) => f.year === r.year).map((f) => ({ key: f.key, name: f.name, size: f.size, mime: f.mime, uploadedAt: f.uploadedAt.toISOString() })),
      narrative: r.narrative, figures: { ...(r.figures ?? {}) }, state: r.state, reason: r.reason ?? null, at: r.at.toISOString(),
    })),
    results: results.map((r) => ({ id: String(r._id), title: r.title })),
    needs: needs.map((n) => ({ id: String(n._id), title: n.title })),
    deals: deals.map((x) => ({ id: String(x._id), title: x.listing.title })),
    pairings: pairings.map((p) => ({ id: String(p._id), title: pairingTitle.get(String(p._id)) ?? '' })),
    canReport: s === 'lead',
    canReview: s === 'admin',
  };
}
