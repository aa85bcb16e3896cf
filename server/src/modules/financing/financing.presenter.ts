/** What leaves the server of financing products and applications: whitelisted fields, names for ids. */
import type { FinancialOrgKind, FinancingApplicationView, FinancingProductView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { OrgModel } from '../orgs/org.model';
import { userNames } from '../intermediaries/intermediary.presenter';
import { FinancialProfileModel, type FinancingApplicationRecord, type FinancingProductRecord } from './financing.model';

export interface ProviderInfo {
  name: string;
  city: string | null;
  kind: FinancialOrgKind | null;
}

/** Names, cities and kinds of the providers a page of products mentions (two reads). */
export async function providers(ids: readonly Types.ObjectId[]): Promise<Map<string, ProviderInfo>> {
  const unique = [...new Set(ids.map(String))];
  if (!unique.length) {
    return new Map();
  }
  const [orgs, profiles] = await Promise.all([
    OrgModel.find({ _id: { $in: unique } }, { name: 1, city: 1 }).lean(),
    FinancialProfileModel.find({ org: { $in: unique } }, { org: 1, kind: 1 }).lean(),
  ]);
  const kinds = new Map(profiles.map((p) => [String(p.org), p.kind]));
  return new Map(orgs.map((o) => [String(o._id), { name: o.name, city: o.city ?? null, kind: kinds.get(String(o._id)) ?? null }]));
}

export function presentProduct(p: FinancingProductRecord, orgs: Map<string, ProviderInfo>, mine: boolean): FinancingProductView {
  const org = orgs.get(String(p.org));
  const c = p.conditions;
  return {
    id: String(p._id),
    org: { id: String(p.org), name: org?.name ?? '', city: org?.city ?? null, kind: org?.kind ?? null },
    kind: p.kind,
    title: p.title,
    description: p.description,
    conditions: {
      maturities: c.maturities ?? [], industries: c.industries ?? [], cities: c.cities ?? [],
      amountMin: c.amountMin ?? null, amountMax: c.amountMax ?? null, termMonthsMin: c.termMonthsMin ?? null, termMonthsMax: c.termMonthsMax ?? null,
      rateText: c.rateText ?? '', documents: c.documents ?? [],
    },
    status: p.status,
    mine,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Names of the organisations and people a page of applications mentions. */
export async function applicationNames(rows: readonly FinancingApplicationRecord[]): Promise<{ org: Map<string, string>; user: Map<string, string> }> {
  const orgIds = [...new Set(rows.flatMap((a) => [String(a.provider), String(a.applicantOrg)]))];
  const [orgs, user] = await Promise.all([
    orgIds.length ? OrgModel.find({ _id: { $in: orgIds } }, { name: 1 }).lean() : [],
    userNames(rows.flatMap((a) => a.thread.map((s) => s.by))),
  ]);
  return { org: new Map(orgs.map((o) => [String(o._id), o.name])), user };
}

export function presentApplication(
  a: FinancingApplicationRecord, names: { org: Map<string, string>; user: Map<string, string> }, side: 'applicant' | 'provider' | null,
): FinancingApplicationView {
  const ref = (m: Map<string, string>, id: Types.ObjectId) => ({ id: String(id), name: m.get(String(id)) ?? '' });
  return {
    id: String(a._id),
    product: { id: String(a.product), kind: a.productKind, title: a.productTitle },
    provider: ref(names.org, a.provider),
    applicant: ref(names.org, a.applicantOrg),
    amount: a.amount,
    termMonths: a.termMonths ?? null,
    purpose: a.purpose,
    link: a.link ? { kind: a.link.kind, id: String(a.link.id), title: a.link.title } : null,
    status: a.status,
    terms: a.terms ? { amount: a.terms.amount, termMonths: a.terms.termMonths, rateText: a.terms.rateText } : null,
    thread: a.thread.map((s) => ({ kind: s.kind, side: s.side, by: ref(names.user, s.by), at: s.at.toISOString(), note: s.note ?? null })),
    attachments: (a.attachments ?? []).map((f) => ({ key: f.key, name: f.name, size: f.size, mime: f.mime, document: f.document, uploadedAt: f.uploadedAt.toISOString() })),
    side,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
