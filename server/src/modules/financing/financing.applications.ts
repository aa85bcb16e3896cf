/**
 * Applications to financing products: an enterprise's approved member applies (amount, purpose, an
 * optional linked result, need or deal); the provider's members accept it for review, ask for
 * information, approve with terms or decline with a reason; the applicant replies or withdraws.
 * Both sides read the thread; anyone else gets 404, an administrator an audited read.
 */
import {
  type FinancingAnswerInput, type FinancingApplicationInput, type FinancingApplicationListView, type FinancingApplicationQuery,
  type FinancingApplicationStatus, type FinancingApplicationView, type FinancingReplyInput, FINANCING_PRODUCT_KINDS,
} from '@kezhuan/shared';
import type { Request } from 'express';
import { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import type { QuerySpec } from '../../lib/query-spec';
import { audit } from '../audit/audit.service';
import type { ListingActor } from '../listings/listing.policy';
import { FinancingApplicationModel, FinancingProductModel, type FinancingApplicationRecord, type FinancingProductRecord } from './financing.model';
import { tellOrg } from './financing.notify';
import { applicationNames, presentApplication } from './financing.presenter';
import { loadSubject } from './financing.subjects';

type Side = 'applicant' | 'provider';
export const OPEN: FinancingApplicationStatus[] = ['submitted', 'reviewing', 'info_requested'];
/** From which states each provider answer may be given, and the state it leads to. */
const ANSWERS: Record<FinancingAnswerInput['action'], { from: FinancingApplicationStatus[]; to: FinancingApplicationStatus; zh: string; en: string }> = {
  review: { from: ['submitted', 'info_requested'], to: 'reviewing', zh: '已受理，进入审核', en: 'accepted it for review' },
  request_info: { from: ['submitted', 'reviewing'], to: 'info_requested', zh: '请补充材料', en: 'asks for more information' },
  approve: { from: OPEN, to: 'approved', zh: '已批准', en: 'approved it' },
  decline: { from: OPEN, to: 'declined', zh: '已谢绝', en: 'declined it' },
};

function applicantOrg(actor: ListingActor): Types.ObjectId {
  if (actor.role !== 'enterprise' || !actor.orgId || !actor.orgRole || actor.org?.type !== 'enterprise') {
    throw createError('FORBIDDEN', { message: '只有企业的成员可以申请融资', messageEn: 'Only members of an enterprise can apply for financing' });
  }
  return new Types.ObjectId(actor.orgId);
}

/** The caller's side of an application: an approved member of the applicant or of the provider organisation. */
export function sideOf(actor: ListingActor | null, a: Pick<FinancingApplicationRecord, 'applicantOrg' | 'provider'>): Side | null {
  if (!actor || actor.role === 'admin' || !actor.orgRole || !actor.orgId) {
    return null;
  }
  return actor.orgId === String(a.applicantOrg) ? 'applicant' : actor.orgId === String(a.provider) ? 'provider' : null;
}

async function present(a: FinancingApplicationRecord, side: Side | null): Promise<FinancingApplicationView> {
  return presentApplication(a, await applicationNames([a]), side);
}

const kindLabel = (code: string) => FINANCING_PRODUCT_KINDS.find((k) => k.code === code) ?? { zh: code, en: code };

export async function applyToProduct(actor: ListingActor, productId: string, input: FinancingApplicationInput, req: Request): Promise<FinancingApplicationView> {
  const org = applicantOrg(actor);
  const product = await FinancingProductModel.findById(productId).lean<FinancingProductRecord>();
  if (!product || product.status !== 'active') {
    throw createError('NOT_FOUND');
  }
  let link: FinancingApplicationRecord['link'] = null;
  const kind = input.result ? 'result' : input.need ? 'need' : input.deal ? 'deal' : null;
  const linkId = input.result ?? input.need ?? input.deal;
  if (kind && linkId) {
    const subject = await loadSubject(kind, linkId, actor, req);
    // A need or a deal must be the applicant's own; a result may be anyone's published one (the one it wants to buy).
    if (kind !== 'result' && !subject.orgs.some((o) => o.equals(org))) {
      throw createError('NOT_FOUND');
    }
    link = { kind, id: new Types.ObjectId(linkId), title: subject.title };
  }
  const now = new Date();
  const doc = (
    await FinancingApplicationModel.create({
      product: product._id, productKind: product.kind, productTitle: product.title, provider: product.org, applicantOrg: org, applicant: actor.id,
      amount: input.amount, termMonths: input.termMonths ?? null, purpose: input.purpose, link, status: 'submitted',
      thread: [{ kind: 'apply', side: 'applicant', by: actor.id, at: now, note: input.purpose }],
    })
  ).toObject() as FinancingApplicationRecord;
  await audit({ action: 'financing.apply', actor: actor.id, target: { kind: 'org', id: String(product.org) }, detail: { application: String(doc._id), product: productId }, ip: req.ip ?? '' });
  const k = kindLabel(product.kind);
  await tellOrg(product.org, `apply:${String(doc._id)}`, `/financing/applications/${String(doc._id)}`, {
    title: `${actor.org?.name ?? ''} 申请了「${product.title}」`, titleEn: `${actor.org?.name ?? ''} applied for “${product.title}” (${k.en})`,
  });
  return present(doc, 'applicant');
}

/** The application if the caller is on one of its sides (or an administrator, audited); else 404. */
async function loadApplication(actor: ListingActor, id: string, ip: string): Promise<{ a: FinancingApplicationRecord; side: Side | null }> {
  const a = await FinancingApplicationModel.findById(id).lean<FinancingApplicationRecord>();
  if (!a) {
    throw createError('NOT_FOUND');
  }
  const side = sideOf(actor, a);
  if (side) {
    return { a, side };
  }
  if (actor.role !== 'admin') {
    throw createError('NOT_FOUND');
  }
  await audit({ action: 'financing.admin_view', actor: actor.id, target: { kind: 'org', id: String(a.applicantOrg) }, detail: { application: id }, ip });
  return { a, side: null };
}

export async function getApplication(actor: ListingActor, id: string, ip: string): Promise<FinancingApplicationView> {
  const { a, side } = await loadApplication(actor, id, ip);
  return present(a, side);
}

async function step(
  actor: ListingActor, id: string, need: Side, from: FinancingApplicationStatus[], set: Record<string, unknown>, entry: { kind: FinancingApplicationRecord['thread'][number]['kind']; note: string | null }, ip: string,
): Promise<FinancingApplicationRecord> {
  const { a, side } = await loadApplication(actor, id, ip);
  if (side !== need) {
    throw createError('FORBIDDEN');
  }
  const updated = await FinancingApplicationModel.findOneAndUpdate(
    { _id: a._id, status: { $in: from } },
    { $set: set, $push: { thread: { ...entry, side, by: actor.id, at: new Date() } } },
    { returnDocument: 'after' },
  ).lean<FinancingApplicationRecord>();
  if (!updated) {
    throw createError('INVALID_STATE');
  }
  return updated;
}

export async function answerApplication(actor: ListingActor, id: string, input: FinancingAnswerInput, ip: string): Promise<FinancingApplicationView> {
  const rule = ANSWERS[input.action];
  const set: Record<string, unknown> = { status: rule.to };
  if (input.action === 'approve') {
    set.terms = input.terms;
  }
  const a = await step(actor, id, 'provider', rule.from, set, { kind: input.action, note: input.note ?? null }, ip);
  await audit({ action: 'financing.answer', actor: actor.id, target: { kind: 'org', id: String(a.provider) }, detail: { application: id, action: input.action }, ip });
  const names = await applicationNames([a]);
  const provider = names.org.get(String(a.provider)) ?? '';
  await tellOrg(a.applicantOrg, `answer:${id}:${a.thread.length}`, `/financing/applications/${id}`, {
    title: `${provider}：「${a.productTitle}」${rule.zh}`, titleEn: `${provider} ${rule.en}: “${a.productTitle}”`, body: input.note, bodyEn: input.note,
  });
  return presentApplication(a, names, 'provider');
}

export async function replyToApplication(actor: ListingActor, id: string, input: FinancingReplyInput, ip: string): Promise<FinancingApplicationView> {
  const current = await FinancingApplicationModel.findById(id, { status: 1 }).lean();
  // A reply to a request for information sends the application back to review.
  const set = current?.status === 'info_requested' ? { status: 'reviewing' } : {};
  const a = await step(actor, id, 'applicant', OPEN, set, { kind: 'reply', note: input.note }, ip);
  await audit({ action: 'financing.reply', actor: actor.id, target: { kind: 'org', id: String(a.provider) }, detail: { application: id }, ip });
  await tellOrg(a.provider, `reply:${id}:${a.thread.length}`, `/financing/applications/${id}`, { title: `申请人回复了「${a.productTitle}」的融资申请`, titleEn: `The applicant replied on “${a.productTitle}”`, body: input.note, bodyEn: input.note });
  return present(a, 'applicant');
}

export async function withdrawApplication(actor: ListingActor, id: string, ip: string): Promise<FinancingApplicationView> {
  const a = await step(actor, id, 'applicant', OPEN, { status: 'withdrawn' }, { kind: 'withdraw', note: null }, ip);
  await audit({ action: 'financing.withdraw', actor: actor.id, target: { kind: 'org', id: String(a.provider) }, detail: { application: id }, ip });
  await tellOrg(a.provider, `withdraw:${id}`, `/financing/applications/${id}`, { title: `「${a.productTitle}」的融资申请已撤回`, titleEn: `An application for “${a.productTitle}” was withdrawn` });
  return present(a, 'applicant');
}

/** An organisation's applications (`mine`) or those to its products (`inbox`), newest activity first: {applicantOrg|provider, updatedAt}. */
export function applicationsQuery(box: 'mine' | 'inbox', org: Types.ObjectId, status?: FinancingApplicationStatus): QuerySpec {
  return { filter: { ...(box === 'mine' ? { applicantOrg: org } : { provider: org }), ...(status ? { status } : {}) }, sort: { updatedAt: -1 } };
}

/** My organisation's applications (`mine`) or those to my organisation's products (`inbox`), newest activity first. */
export async function listApplications(actor: ListingActor, q: FinancingApplicationQuery): Promise<FinancingApplicationListView> {
  if (!actor.orgId || !actor.orgRole || actor.role === 'admin') {
    return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  }
  const { filter, sort } = applicationsQuery(q.box, new Types.ObjectId(actor.orgId), q.status);
  const [rows, total] = await Promise.all([
    FinancingApplicationModel.find(filter).sort(sort).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<FinancingApplicationRecord[]>(),
    FinancingApplicationModel.countDocuments(filter),
  ]);
  const names = await applicationNames(rows);
  return { items: rows.map((a) => presentApplication(a, names, q.box === 'mine' ? 'applicant' : 'provider')), total, page: q.page, pageSize: q.pageSize };
}
