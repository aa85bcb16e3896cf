import {
  budgetBand,
  chinaToday,
  type Confidentiality,
  type ListingOrgView,
  type NeedFullView,
  type NeedMemberView,
  type NeedPublicView,
  type NeedRestrictedView,
  type NeedSummaryView,
  type NeedView,
} from '@kezhuan/shared';
import type { Disclosure } from '../listings/listing.policy';
import { presentLifecycle, presentOwnerExtras } from '../listings/listing.presenter';
import type { TechNeedRecord } from './need.model';
import { needQuality } from './need.service';

export type NeedDisclosure = NeedView['disclosure'];

/**
 * What of a need the caller sees, from their standing (policy) and the need's confidentiality:
 * a confidential need shows outsiders only title, industry, city and budget band; a summary-only
 * need hides the problem text and amounts from the public but not from verified members.
 */
export function needDisclosure(standing: Disclosure, confidentiality: Confidentiality): NeedDisclosure {
  if (standing === 'full') {
    return 'full';
  }
  switch (confidentiality) {
    case 'confidential':
      return 'restricted';
    case 'summary_only':
      return standing === 'member' ? 'member' : 'summary';
    case 'public':
      return standing;
  }
}

/** Presents a need at a disclosure level; each level whitelists its fields. */
export function presentNeed(n: TechNeedRecord, org: ListingOrgView, disclosure: NeedDisclosure, now = new Date()): NeedView {
  const restricted: Omit<NeedRestrictedView, 'disclosure'> = {
    id: String(n._id),
    kind: 'need',
    title: n.title,
    industry: n.industry,
    city: n.city,
    budgetBand: budgetBand(n.budgetMin, n.budgetMax),
    confidentiality: n.confidentiality,
    ...presentLifecycle(n, now),
  };
  if (disclosure === 'restricted') {
    return { disclosure, ...restricted } satisfies NeedRestrictedView;
  }
  const summary: Omit<NeedSummaryView, 'disclosure'> = {
    ...restricted,
    keywords: n.keywords,
    discipline: n.discipline,
    county: n.county,
    cooperationModes: n.cooperationModes,
    deadline: n.deadline ? chinaToday(n.deadline) : null,
    org,
  };
  if (disclosure === 'summary') {
    return { disclosure, ...summary } satisfies NeedSummaryView;
  }
  const open: Omit<NeedPublicView, 'disclosure'> = {
    ...summary,
    problem: n.problem,
    desiredOutcome: n.desiredOutcome,
    budgetMin: n.budgetMin,
    budgetMax: n.budgetMax,
    negotiable: n.negotiable,
  };
  if (disclosure === 'public') {
    return { disclosure, ...open } satisfies NeedPublicView;
  }
  const contact = { name: n.contact.name, phone: n.contact.phone, email: n.contact.email };
  if (disclosure === 'member') {
    return { disclosure, ...open, contact } satisfies NeedMemberView;
  }
  return { disclosure, ...open, contact, ...presentOwnerExtras(n, needQuality(n)) } satisfies NeedFullView;
}
