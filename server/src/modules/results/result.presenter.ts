import { priceBand, type ListingOrgView, type ResultFullView, type ResultMemberView, type ResultPublicView, type ResultView } from '@kezhuan/shared';
import type { Disclosure } from '../listings/listing.policy';
import { presentLifecycle, presentOwnerExtras } from '../listings/listing.presenter';
import type { AttachmentRecord, ResearchResultRecord } from './result.model';
import { resultQuality } from './result.service';

export function presentAttachment(a: AttachmentRecord) {
  return { key: a.key, name: a.name, size: a.size, mime: a.mime, uploadedAt: a.uploadedAt.toISOString(), pending: Boolean(a.pending) };
}

/** The public summary of a result: whitelisted fields, never contact or attachments. */
function publicFields(r: ResearchResultRecord, org: ListingOrgView, now: Date): Omit<ResultPublicView, 'disclosure'> {
  return {
    id: String(r._id),
    kind: 'result',
    title: r.title,
    summary: r.summary,
    keywords: r.keywords,
    discipline: r.discipline,
    industry: r.industry,
    maturity: r.maturity,
    trl: r.trl,
    ip: { items: r.ip.items.map((i) => ({ type: i.type, number: i.number, status: i.status })) },
    transferModes: r.transferModes,
    price: r.negotiable ? null : r.price,
    negotiable: r.negotiable,
    priceBand: priceBand(r.negotiable ? null : r.price),
    city: r.city,
    team: r.team.map((t) => ({ name: t.name, role: t.role })),
    applications: r.applications,
    advantages: r.advantages.map((a) => ({ metric: a.metric, value: a.value, unit: a.unit, baseline: a.baseline })),
    org,
    ...presentLifecycle(r, now),
  };
}

/**
 * A result as `disclosure` allows: the public summary; for members of verified organisations
 * also the contact and attachments; for the owner's organisation and administrators everything,
 * with the history, the last return reason and the quality check.
 */
export function presentResult(r: ResearchResultRecord, org: ListingOrgView, disclosure: Disclosure, now = new Date()): ResultView {
  const base = publicFields(r, org, now);
  if (disclosure === 'public') {
    return { disclosure, ...base } satisfies ResultPublicView;
  }
  const contact = { name: r.contact.name, phone: r.contact.phone, email: r.contact.email };
  if (disclosure === 'member') {
    // Files not yet reviewed are the organisation's and the administrators' business only.
    const attachments = r.attachments.filter((a) => !a.pending).map(presentAttachment);
    return { disclosure, ...base, contact, attachments } satisfies ResultMemberView;
  }
  const attachments = r.attachments.map(presentAttachment);
  return { disclosure, ...base, contact, attachments, ...presentOwnerExtras(r, resultQuality(r)) } satisfies ResultFullView;
}
