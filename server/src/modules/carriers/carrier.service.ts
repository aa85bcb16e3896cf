/**
 * Carrier applications: apply, resubmit after a return, the administrator's review (return with
 * reasons / reject / recognise 认定 with a certificate). Every step is pushed onto the carrier's
 * `steps`, audited, and notified to the other side; each change is one conditional update.
 */
import { CARRIER_TYPE_INFO, type CarrierApplicationInput, type CarrierDetails, type CarrierReviewInput, type CityCode, type FieldError } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { notify } from '../notifications/notification.service';
import { OrgModel } from '../orgs/org.model';
import { isApprovedMember } from '../orgs/membership.rules';
import { UserModel, type UserDoc } from '../users/user.model';
import { CarrierModel, type CarrierRecord, type CarrierStep } from './carrier.model';
import { assertMayApply, mayActFor, mayReadPrivate } from './carrier.policy';
import { beijingYear, namedOrgs, placeOf } from './carrier.rules';

export const MY_LINK = '/carriers/mine';
export const ADMIN_LINK = '/admin/carriers';

function invalid(fields: FieldError[]): never {
  throw createError('VALIDATION_FAILED', { fields });
}

export const notNow = () => createError('INVALID_STATE', { message: '载体当前状态下不能执行此操作', messageEn: 'Not possible in the carrier’s current state' });

export function step(action: string, user: { _id: Types.ObjectId; displayName: string } | null, at: Date, note = ''): CarrierStep {
  return { action, by: user?._id ?? null, byName: user?.displayName ?? '系统 system', at, note };
}

/** Checks what the details name against the platform: organisations exist (enterprises where it says so), the talent is a member. */
async function checkDetails(details: CarrierDetails, orgId: Types.ObjectId): Promise<void> {
  const named = namedOrgs(details);
  if (named.some((n) => n.id === String(orgId))) {
    invalid([{ path: 'body.details', code: 'custom', message: '载体所属机构不必列入名单', messageEn: 'The carrier’s own organisation is not listed among its members' }]);
  }
  if (named.length > 0) {
    const wantEnterprise = details.type !== 'alliance';
    const filter = { _id: { $in: named.map((n) => n.id) }, ...(wantEnterprise ? { type: 'enterprise' as const } : {}) };
    const found = await OrgModel.countDocuments(filter);
    if (found !== named.length) {
      const key = details.type === 'alliance' ? 'members' : details.type === 'industry_base' ? 'enterprises' : 'tenants';
      invalid([{ path: `body.details.${key}`, code: 'custom', message: wantEnterprise ? '所列单位须为平台上的企业' : '所列单位须为平台上的机构', messageEn: wantEnterprise ? 'Listed organisations must be enterprises on the platform' : 'Listed organisations must be on the platform' }]);
    }
  }
  if (details.type === 'talent' && details.user) {
    const person = await UserModel.findById(details.user, { org: 1, orgStatus: 1 }).lean();
    if (!person || !isApprovedMember(person, orgId)) {
      invalid([{ path: 'body.details.user', code: 'custom', message: '人才须为本机构的成员', messageEn: 'The talent must be a member of the organisation' }]);
    }
  }
}

async function content(input: CarrierApplicationInput, org: { _id: Types.ObjectId; city: string }) {
  await checkDetails(input.details, org._id);
  const place = placeOf(input.details, org.city as CityCode);
  return {
    type: input.details.type,
    name: input.name,
    summary: input.summary,
    details: input.details,
    linkedOrgs: namedOrgs(input.details).map((n) => new Types.ObjectId(n.id)),
    city: place.city,
    industry: place.industry,
  };
}

async function tellAdmins(c: CarrierRecord, key: string): Promise<void> {
  const label = CARRIER_TYPE_INFO[c.type];
  for (const a of await UserModel.find({ role: 'admin', disabledAt: null }, { _id: 1 }).limit(50).lean()) {
    await notify(a._id, { kind: 'carrier', title: `新的${label.zh}认定申请待审核：${c.name}`, titleEn: `A carrier application awaits review (${label.en}): ${c.name}`, link: ADMIN_LINK, key });
  }
}

/** Applies for recognition of a carrier of the input's type, for the applicant's organisation. */
export async function applyCarrier(user: UserDoc, input: CarrierApplicationInput, ip: string, now = new Date()): Promise<CarrierRecord> {
  const org = user.org ? await OrgModel.findById(user.org, { type: 1, verified: 1, city: 1 }).lean() : null;
  assertMayApply(user, org, input.details.type);
  const doc = await CarrierModel.create({
    ...(await content(input, org)),
    org: org._id,
    status: 'submitted',
    applicant: user._id,
    submittedAt: now,
    steps: [step('apply', user, now)],
  });
  const c = doc.toObject() as CarrierRecord;
  await audit({ action: 'carrier.apply', actor: user._id, target: { kind: 'carrier', id: String(c._id) }, detail: { type: c.type }, ip });
  await tellAdmins(c, `carrier:${String(c._id)}:submitted:${now.getTime()}`);
  return c;
}

export async function loadCarrier(id: string): Promise<CarrierRecord> {
  const c = await CarrierModel.findById(id).lean<CarrierRecord>();
  if (!c) {
    throw createError('NOT_FOUND');
  }
  return c;
}

/** The whole record, for its organisation's members and administrators (others: 404). */
export async function readCarrier(user: UserDoc, id: string, ip: string): Promise<CarrierRecord> {
  const c = await loadCarrier(id);
  if (!mayReadPrivate(user, c)) {
    throw createError('NOT_FOUND');
  }
  if (user.role === 'admin' && !mayActFor(user, c)) {
    await audit({ action: 'carrier.admin_view', actor: user._id, target: { kind: 'carrier', id }, ip });
  }
  return c;
}

/** A member of the organisation replaces a returned application; it goes to review again. */
export async function resubmitCarrier(user: UserDoc, id: string, input: CarrierApplicationInput, ip: string, now = new Date()): Promise<CarrierRecord> {
  const c = await loadCarrier(id);
  if (!mayActFor(user, c)) {
    throw createError('NOT_FOUND');
  }
  if (input.details.type !== c.type) {
    invalid([{ path: 'body.details.type', code: 'custom', message: '重新提交不能更改载体类型', messageEn: 'A resubmission keeps its carrier type' }]);
  }
  const org = await OrgModel.findById(c.org, { city: 1 }).lean();
  const updated = await CarrierModel.findOneAndUpdate(
    { _id: c._id, status: 'returned' },
    { $set: { ...(await content(input, { _id: c.org, city: org?.city ?? c.city })), status: 'submitted', submittedAt: now }, $push: { steps: step('resubmit', user, now) } },
    { returnDocument: 'after' },
  ).lean<CarrierRecord>();
  if (!updated) {
    throw notNow();
  }
  await audit({ action: 'carrier.resubmit', actor: user._id, target: { kind: 'carrier', id }, detail: { type: c.type }, ip });
  await tellAdmins(updated, `carrier:${id}:submitted:${now.getTime()}`);
  return updated;
}

/** Tells the organisation's applicant (and, failing him, its members are shown it on "my carriers"). */
export async function tellApplicant(c: CarrierRecord, title: string, titleEn: string, body: string, key: string): Promise<void> {
  if (c.applicant) {
    await notify(c.applicant, { kind: 'carrier', title, titleEn, body, bodyEn: body, link: MY_LINK, key });
  }
}

/** The administrator recognises (认定), returns with reasons, or rejects a submitted application. */
export async function reviewCarrier(admin: UserDoc, id: string, input: CarrierReviewInput, ip: string, now = new Date()): Promise<CarrierRecord> {
  const c = await loadCarrier(id);
  let set: Record<string, unknown>;
  let note: string;
  if (input.decision === 'recognise') {
    const on = new Date(`${input.recognisedOn}T00:00:00+08:00`);
    if (on.getTime() > now.getTime() + 86_400_000) {
      invalid([{ path: 'body.recognisedOn', code: 'custom', message: '认定日期不能晚于今天', messageEn: 'The date of recognition cannot be in the future' }]);
    }
    set = { status: 'recognised', certificateNo: input.certificateNo, recognisedOn: on, recognisedYear: beijingYear(on), reviewReason: null };
    note = `${input.certificateNo}${input.note ? ` ${input.note}` : ''}`;
  } else {
    set = { status: input.decision === 'return' ? 'returned' : 'rejected', reviewReason: input.reason };
    note = input.reason;
  }
  const updated = await CarrierModel.findOneAndUpdate({ _id: c._id, status: 'submitted' }, { $set: set, $push: { steps: step(input.decision, admin, now, note) } }, { returnDocument: 'after' }).lean<CarrierRecord>();
  if (!updated) {
    throw notNow();
  }
  await audit({ action: `carrier.${input.decision}`, actor: admin._id, target: { kind: 'carrier', id }, detail: { type: c.type, note }, ip });
  const label = CARRIER_TYPE_INFO[c.type];
  const wording: Record<CarrierReviewInput['decision'], [string, string]> = {
    recognise: [`“${c.name}”已认定为${label.zh}（证书编号 ${note}）`, `“${c.name}” is recognised: ${label.en}`],
    return: [`“${c.name}”的认定申请被退回修改`, `The application for “${c.name}” was returned for changes`],
    reject: [`“${c.name}”的认定申请未获通过`, `The application for “${c.name}” was rejected`],
  };
  const words = wording[input.decision];
  await tellApplicant(updated, words[0], words[1], input.decision === 'recognise' ? '' : note, `carrier:${id}:review:${now.getTime()}`);
  return updated;
}
