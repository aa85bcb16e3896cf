/**
 * What leaves the server of a carrier. The public view (directory, carrier page) whitelists the
 * registry's public fields; steps (who did what), reports' narratives, review reasons and the
 * overdue flag are the organisation's members' and administrators' only.
 */
import type { CarrierPublicView, CarrierType, CarrierView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { OrgModel } from '../orgs/org.model';
import type { CarrierRecord } from './carrier.model';
import { overdueYear } from './carrier.rules';

/** What the organisations a carrier's details name are to it. */
const LINK_ROLE: Record<CarrierType, string> = {
  alliance: 'member', industry_base: 'enterprise', incubator: 'tenant',
  innovative_enterprise: 'partner', innovation_centre: 'partner', key_lab: 'partner', academician_workstation: 'partner', talent: 'partner',
};

type OrgRef = CarrierPublicView['org'];

/** Names of every organisation the carriers mention (one query). */
export async function orgRefs(docs: readonly CarrierRecord[]): Promise<Map<string, OrgRef>> {
  const ids: Types.ObjectId[] = docs.flatMap((d) => [d.org, ...d.linkedOrgs]);
  const orgs = await OrgModel.find({ _id: { $in: ids } }, { name: 1, type: 1, city: 1 }).lean();
  return new Map(orgs.map((o) => [String(o._id), { id: String(o._id), name: o.name, type: o.type, city: o.city }]));
}

const missing = (id: string): OrgRef => ({ id, name: '', type: '', city: '' });
const day = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10) : null);

export function presentPublic(c: CarrierRecord, orgs: Map<string, OrgRef>): CarrierPublicView {
  const latest = c.reports.filter((r) => r.status === 'accepted').sort((a, b) => b.year - a.year)[0];
  return {
    id: String(c._id),
    type: c.type,
    name: c.name,
    summary: c.summary,
    status: c.status,
    city: c.city,
    industry: c.industry,
    org: orgs.get(String(c.org)) ?? missing(String(c.org)),
    details: c.details,
    linkedOrgs: c.linkedOrgs.map((o) => ({ ...(orgs.get(String(o)) ?? missing(String(o))), role: LINK_ROLE[c.type] })),
    certificateNo: c.certificateNo,
    recognisedOn: day(c.recognisedOn),
    latestReport: latest ? { year: latest.year, figures: latest.figures } : null,
  };
}

export async function presentPublicList(docs: readonly CarrierRecord[]): Promise<CarrierPublicView[]> {
  const orgs = await orgRefs(docs);
  return docs.map((d) => presentPublic(d, orgs));
}

/** The whole record, for the organisation's members (`mayEdit`) and administrators. */
export async function presentCarriers(docs: readonly CarrierRecord[], mayEdit: (c: CarrierRecord) => boolean, now = new Date()): Promise<CarrierView[]> {
  const orgs = await orgRefs(docs);
  return docs.map((c) => ({
    ...presentPublic(c, orgs),
    steps: c.steps.map((s) => ({ action: s.action, byName: s.byName, at: s.at.toISOString(), note: s.note })),
    reports: c.reports.map((r) => ({ year: r.year, figures: r.figures, narrative: r.narrative, status: r.status, submittedAt: r.submittedAt.toISOString(), reviewNote: r.reviewNote })),
    reviewReason: c.reviewReason,
    overdueYear: overdueYear(c, now),
    mayEdit: mayEdit(c),
  }));
}
