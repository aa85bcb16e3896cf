/**
 * The service of an accepted pairing: the commissioner drafts the agreement (plan within the term),
 * the enterprise side confirms it; the commissioner logs visits and work, the enterprise confirms or
 * disputes each entry (only confirmed hours count) and rates the service once.
 */
import type {
  FieldError,
  PairingServiceView,
  ServiceAgreementInput,
  ServiceEntryInput,
  ServiceEntryReviewInput,
  ServiceEntryView,
  ServiceRatingInput,
} from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { canReadListing } from './service.links';
import { notify } from '../notifications/notification.service';
import type { PairingRecord } from '../pairing/pairing.model';
import { pairingNames } from '../pairing/pairing.names';
import type { ListingActor } from '../listings/listing.policy';
import type { UserDoc } from '../users/user.model';
import { assertSide, loadServicePairing } from './service.policy';
import { ServiceAgreementModel, ServiceEntryModel, type ServiceAgreementRecord, type ServiceEntryRecord } from './service.model';
import { presentEntry, presentService } from './service.presenter';
import { agreementOfPairingQuery, pairingLogQuery } from './service.queries';

const invalid = (message: string, messageEn: string) => createError('INVALID_STATE', { message, messageEn });

async function agreementOf(pairing: PairingRecord): Promise<ServiceAgreementRecord | null> {
  return ServiceAgreementModel.findOne(agreementOfPairingQuery(pairing._id).filter).lean<ServiceAgreementRecord>();
}

async function tell(p: PairingRecord, to: 'commissioner' | 'enterprise', key: string, zh: string, en: string): Promise<void> {
  const names = await pairingNames([p]);
  const title = names.request.get(String(p.request))?.title ?? '';
  await notify(to === 'commissioner' ? p.commissionerUser : p.owner, {
    kind: 'pairing.service', key: `pairing.service:${String(p._id)}:${key}`, link: `/me/pairings/${String(p._id)}/service`,
    title: `“${title}”：${zh}`, titleEn: `"${title}": ${en}`, body: '', bodyEn: '',
  });
}

/** A pairing's agreement, log (newest first) and totals: both sides, members of the enterprise, administrators. */
export async function pairingService(user: UserDoc, id: string): Promise<PairingServiceView> {
  const { pairing, sides } = await loadServicePairing(user, id);
  const { filter, sort } = pairingLogQuery(pairing._id);
  const [agreement, entries, names] = await Promise.all([
    agreementOf(pairing),
    ServiceEntryModel.find(filter).sort(sort).limit(500).lean<ServiceEntryRecord[]>(),
    pairingNames([pairing]),
  ]);
  const heading = {
    term: pairing.term,
    title: names.request.get(String(pairing.request))?.title ?? '',
    enterprise: names.org.get(String(pairing.org)) ?? '',
    commissioner: names.commissioner.get(String(pairing.commissioner)) ?? '',
    sides,
  };
  return presentService(String(pairing._id), heading, agreement, entries);
}

/** The commissioner drafts (or, until it is confirmed, redrafts) the agreement; dates within the pairing's term. */
export async function draftAgreement(user: UserDoc, id: string, input: ServiceAgreementInput, ip: string): Promise<PairingServiceView> {
  const { pairing, sides } = await loadServicePairing(user, id);
  assertSide(sides, 'commissioner');
  const year = String(pairing.term);
  if (!input.startsOn.startsWith(year) || !input.endsOn.startsWith(year)) {
    throw createError('VALIDATION_FAILED', { fields: [{ path: 'body.startsOn', code: 'term', message: `服务期须在 ${year} 年度内`, messageEn: `The service period must lie within the ${year} term` }] });
  }
  const existing = await agreementOf(pairing);
  if (existing?.status === 'confirmed') {
    throw invalid('服务协议已确认，不能修改', 'The agreement is confirmed and cannot be changed');
  }
  await ServiceAgreementModel.updateOne(
    { pairing: pairing._id, status: 'draft' },
    { $set: { ...input, status: 'draft' }, $setOnInsert: { pairing: pairing._id, term: pairing.term, org: pairing.org, commissioner: pairing.commissioner } },
    { upsert: true },
  ).catch((err: { code?: number }) => {
    if (err.code === 11000) {
      throw invalid('服务协议已确认，不能修改', 'The agreement is confirmed and cannot be changed');
    }
    throw err;
  });
  await audit({ action: 'service.agreement_draft', actor: user._id, target: { kind: 'pairing', id: String(pairing._id) }, ip });
  await tell(pairing, 'enterprise', 'agreement', '科技特派员起草了服务协议，请确认', 'the commissioner drafted the service agreement; please confirm');
  return pairingService(user, id);
}

export async function confirmAgreement(user: UserDoc, id: string, ip: string): Promise<PairingServiceView> {
  const { pairing, sides } = await loadServicePairing(user, id);
  assertSide(sides, 'enterprise');
  const done = await ServiceAgreementModel.findOneAndUpdate({ pairing: pairing._id, status: 'draft' }, { $set: { status: 'confirmed', confirmedAt: new Date(), confirmedBy: user._id } }).lean();
  if (!done) {
    throw invalid('没有待确认的服务协议', 'There is no drafted agreement to confirm');
  }
  await audit({ action: 'service.agreement_confirm', actor: user._id, target: { kind: 'pairing', id: String(pairing._id) }, ip });
  await tell(pairing, 'commissioner', 'agreement-confirmed', '企业确认了服务协议', 'the enterprise confirmed the service agreement');
  return pairingService(user, id);
}

/** The commissioner logs a visit or work, dated within the agreement; linked result/need must exist and be visible to him. */
export async function logEntry(user: UserDoc, actor: ListingActor, id: string, input: ServiceEntryInput, ip: string): Promise<ServiceEntryView> {
  const { pairing, sides } = await loadServicePairing(user, id);
  assertSide(sides, 'commissioner');
  const agreement = await agreementOf(pairing);
  if (agreement?.status !== 'confirmed') {
    throw invalid('服务协议确认后才能记录服务', 'Work can be logged once the agreement is confirmed');
  }
  const fields: FieldError[] = [];
  if (input.date < agreement.startsOn || input.date > agreement.endsOn) {
    fields.push({ path: 'body.date', code: 'period', message: `日期须在服务期 ${agreement.startsOn}–${agreement.endsOn} 内`, messageEn: `The date must lie within the service period ${agreement.startsOn}–${agreement.endsOn}` });
  }
  if (input.result && !(await canReadListing(actor, 'result', input.result))) {
    fields.push({ path: 'body.result', code: 'not_found', message: '关联的科技成果不存在', messageEn: 'The linked research result does not exist' });
  }
  if (input.need && !(await canReadListing(actor, 'need', input.need))) {
    fields.push({ path: 'body.need', code: 'not_found', message: '关联的技术需求不存在', messageEn: 'The linked technology need does not exist' });
  }
  if (fields.length) {
    throw createError('VALIDATION_FAILED', { fields });
  }
  const entry = await ServiceEntryModel.create({ ...input, pairing: pairing._id, term: pairing.term, by: user._id, status: 'logged' });
  await audit({ action: 'service.entry_log', actor: user._id, target: { kind: 'pairing', id: String(pairing._id) }, detail: { entry: String(entry._id), hours: input.hours }, ip });
  await tell(pairing, 'enterprise', `entry:${String(entry._id)}`, `科技特派员记录了 ${input.hours} 小时服务，请确认`, `the commissioner logged ${input.hours} h of service; please confirm`);
  return presentEntry(entry.toObject() as ServiceEntryRecord);
}

/** The enterprise confirms an entry or disputes it with a reason (once). */
export async function reviewEntry(user: UserDoc, id: string, entryId: string, input: ServiceEntryReviewInput, ip: string): Promise<ServiceEntryView> {
  const { pairing, sides } = await loadServicePairing(user, id);
  assertSide(sides, 'enterprise');
  const status = input.confirm ? 'confirmed' : 'disputed';
  const entry = await ServiceEntryModel.findOneAndUpdate(
    { _id: entryId, pairing: pairing._id, status: 'logged' },
    { $set: { status, reason: input.confirm ? null : (input.reason ?? null), reviewedBy: user._id, reviewedAt: new Date() } },
    { returnDocument: 'after' },
  ).lean<ServiceEntryRecord>();
  if (!entry) {
    if (!(await ServiceEntryModel.exists({ _id: entryId, pairing: pairing._id }))) {
      throw createError('NOT_FOUND');
    }
    throw invalid('这条记录已经确认或提出过异议', 'This entry has been confirmed or disputed already');
  }
  await audit({ action: input.confirm ? 'service.entry_confirm' : 'service.entry_dispute', actor: user._id, target: { kind: 'pairing', id: String(pairing._id) }, detail: { entry: entryId }, ip });
  await tell(
    pairing, 'commissioner', `review:${entryId}`,
    input.confirm ? `企业确认了 ${entry.date} 的服务记录` : `企业对 ${entry.date} 的服务记录提出异议：${input.reason ?? ''}`,
    input.confirm ? `the enterprise confirmed the entry of ${entry.date}` : `the enterprise disputed the entry of ${entry.date}: ${input.reason ?? ''}`,
  );
  return presentEntry(entry);
}

/** The enterprise rates the service once, after at least one confirmed entry. */
export async function rateService(user: UserDoc, id: string, input: ServiceRatingInput, ip: string): Promise<PairingServiceView> {
  const { pairing, sides } = await loadServicePairing(user, id);
  assertSide(sides, 'enterprise');
  if (!(await ServiceEntryModel.exists({ pairing: pairing._id, status: 'confirmed' }))) {
    throw invalid('至少确认一条服务记录后才能评价', 'Rate the service after confirming at least one entry');
  }
  const rating = { score: input.score, comment: input.comment ?? null, by: user._id as Types.ObjectId, at: new Date() };
  const done = await ServiceAgreementModel.findOneAndUpdate({ pairing: pairing._id, rating: null }, { $set: { rating } }).lean();
  if (!done) {
    throw createError('CONFLICT', { message: '这次服务已经评价过', messageEn: 'This service has been rated already' });
  }
  await audit({ action: 'service.rate', actor: user._id, target: { kind: 'pairing', id: String(pairing._id) }, detail: { score: input.score }, ip });
  await tell(pairing, 'commissioner', 'rating', `企业评价了您的服务：${input.score} 分`, `the enterprise rated your service ${input.score}/5`);
  return pairingService(user, id);
}
