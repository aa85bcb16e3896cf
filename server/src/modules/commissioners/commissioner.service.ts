/**
 * Commissioner applications: apply for a term, the organisation's endorsement, the
 * administrator's approval or send-back, resubmission. Every step notifies the other side and is
 * audited; every state change is one conditional update (no transactions on FerretDB).
 */
import { cityOfRegion, type CityCode, type CommissionerApplicationInput, type CommissionerEndorsementInput, type CommissionerReviewInput, type FieldError } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { notify } from '../notifications/notification.service';
import { managersOf } from '../orgs/membership.service';
import { OrgModel } from '../orgs/org.model';
import { UserModel, type UserDoc } from '../users/user.model';
import { CommissionerModel, type CommissionerRecord } from './commissioner.model';
import { assertMayApply, mayEndorse, mayReadApplication } from './commissioner.policy';
import { currentTerm } from './commissioner.queries';

const LINK = '/commissioners/applications';

function invalid(fields: FieldError[]): never {
  throw createError('VALIDATION_FAILED', { fields });
}

/** Enterprises on the platform, or a field error naming the list. */
async function checkStakes(ids: readonly string[], path: string): Promise<void> {
  if (ids.length === 0) {
    return;
  }
  const found = await OrgModel.countDocuments({ _id: { $in: ids }, type: 'enterprise' });
  if (found !== ids.length) {
    invalid([{ path, code: 'custom', message: '利益关联单位须为平台上的企业', messageEn: 'Declared stakes must be enterprises on the platform' }]);
  }
}

async function checkInput(input: CommissionerApplicationInput, now: Date): Promise<void> {
  const term = currentTerm(now);
  if (input.term < term || input.term > term + 1) {
    invalid([{ path: 'body.term', code: 'custom', message: '只能申请今年或明年的服务期', messageEn: 'Apply for this year or next year only' }]);
  }
  await checkStakes(input.stakes, 'body.stakes');
}

/** The stored fields of an application. */
function content(input: CommissionerApplicationInput) {
  const serveCities = new Set<CityCode>(input.cities);
  for (const county of input.counties) {
    serveCities.add(cityOfRegion(county) as CityCode);
  }
  return {
    expertise: input.expertise,
    keywords: input.keywords,
    disciplines: input.disciplines,
    industries: input.industries,
    cities: input.cities,
    counties: input.counties,
    serveCities: [...serveCities],
    capacity: input.capacity,
    availability: { daysPerMonth: input.availability.daysPerMonth ?? null, note: input.availability.note ?? '' },
    stakes: input.stakes,
  };
}

async function tellManagers(orgId: Types.ObjectId, applicant: UserDoc, app: CommissionerRecord, again: boolean): Promise<void> {
  const org = await OrgModel.findById(orgId, { name: 1, createdBy: 1, verified: 1 }).lean();
  if (!org) {
    return;
  }
  for (const manager of await managersOf(org)) {
    if (!manager.equals(applicant._id)) {
      await notify(manager, {
        kind: 'pairing.application',
        title: `${applicant.displayName}${again ? '重新提交了' : '申请担任'}${app.term}年度科技特派员，请确认推荐`,
        titleEn: `${applicant.displayName} ${again ? 'resubmitted an application' : 'applies'} to serve as a ${app.term} science commissioner: please endorse or decline`,
        link: LINK,
        key: `commissioner:${String(app._id)}:submitted:${app.submittedAt.getTime()}`,
      });
    }
  }
}

/** Applies for a term; one application per person per term (409 for a second). */
export async function applyCommissioner(user: UserDoc, input: CommissionerApplicationInput, ip: string, now = new Date()): Promise<CommissionerRecord> {
  const org = user.org ? await OrgModel.findById(user.org, { type: 1, verified: 1, createdBy: 1 }).lean() : null;
  assertMayApply(user, org);
  await checkInput(input, now);
  const duplicate = () =>
    createError('CONFLICT', { message: `已提交过${input.term}年度的申请，可在被退回后修改重新提交`, messageEn: `You already applied for ${input.term}; resubmit it if it is sent back` });
  if (await CommissionerModel.exists({ user: user._id, term: input.term })) {
    throw duplicate();
  }
  let doc;
  try {
    doc = await CommissionerModel.create({ user: user._id, org: org._id, term: input.term, status: 'awaiting_endorsement', submittedAt: now, ...content(input) });
  } catch (err) {
    if ((err as { code?: number }).code === 11000) {
      throw duplicate();
    }
    throw err;
  }
  const app = doc.toObject() as CommissionerRecord;
  await audit({ action: 'commissioner.apply', actor: user._id, target: { kind: 'commissioner', id: String(app._id) }, detail: { term: app.term }, ip });
  await tellManagers(org._id, user, app, false);
  return app;
}

async function load(id: string): Promise<CommissionerRecord> {
  const app = await CommissionerModel.findById(id).lean<CommissionerRecord>();
  if (!app) {
    throw createError('NOT_FOUND');
  }
  return app;
}

/** Reads an application the caller may read (others get 404: its existence is not public). */
export async function readApplication(user: UserDoc, id: string): Promise<CommissionerRecord> {
  const app = await load(id);
  const org = await OrgModel.findById(app.org, { createdBy: 1 }).lean();
  if (!mayReadApplication(user, app, org?.createdBy)) {
    throw createError('NOT_FOUND');
  }
  return app;
}

const notNow = () => createError('INVALID_STATE', { message: '申请当前状态下不能执行此操作', messageEn: 'Not possible in the application’s current state' });

/** The applicant replaces a declined or returned application; it goes to his organisation again. */
export async function resubmitApplication(user: UserDoc, id: string, input: CommissionerApplicationInput, ip: string, now = new Date()): Promise<CommissionerRecord> {
  const app = await readApplication(user, id);
  if (!app.user.equals(user._id)) {
    throw createError('FORBIDDEN');
  }
  if (input.term !== app.term) {
    invalid([{ path: 'body.term', code: 'custom', message: '重新提交不能更改服务期', messageEn: 'A resubmission keeps its term' }]);
  }
  await checkStakes(input.stakes, 'body.stakes');
  const updated = await CommissionerModel.findOneAndUpdate(
    { _id: app._id, user: user._id, status: { $in: ['returned', 'endorsement_declined'] } },
    { $set: { ...content(input), status: 'awaiting_endorsement', endorsement: null, orgStakes: [], submittedAt: now } },
    { returnDocument: 'after' },
  ).lean<CommissionerRecord>();
  if (!updated) {
    throw notNow();
  }
  await audit({ action: 'commissioner.resubmit', actor: user._id, target: { kind: 'commissioner', id }, detail: { term: app.term }, ip });
  await tellManagers(updated.org, user, updated, true);
  return updated;
}

/** A manager of the applicant's organisation endorses (adding the organisation's stakes) or declines. */
export async function endorseApplication(user: UserDoc, id: string, input: CommissionerEndorsementInput, ip: string, now = new Date()): Promise<CommissionerRecord> {
  const app = await load(id);
  const org = await OrgModel.findById(app.org, { createdBy: 1, name: 1 }).lean();
  if (!mayEndorse(user, app, org?.createdBy)) {
    throw createError('FORBIDDEN', { message: '仅申请人所在单位的管理员可以确认推荐', messageEn: "Only a manager of the applicant's organisation may endorse" });
  }
  await checkStakes(input.orgStakes, 'body.orgStakes');
  const endorsement = { endorsed: input.endorse, by: user._id, byName: user.displayName, at: now, note: input.note ?? null };
  const updated = await CommissionerModel.findOneAndUpdate(
    { _id: app._id, status: 'awaiting_endorsement' },
    { $set: { endorsement, status: input.endorse ? 'awaiting_review' : 'endorsement_declined', orgStakes: input.endorse ? input.orgStakes : [] } },
    { returnDocument: 'after' },
  ).lean<CommissionerRecord>();
  if (!updated) {
    throw notNow();
  }
  await audit({ action: input.endorse ? 'commissioner.endorse' : 'commissioner.endorsement_decline', actor: user._id, target: { kind: 'commissioner', id }, detail: { term: app.term, ...(input.note ? { note: input.note } : {}) }, ip });
  const key = `commissioner:${id}:endorsement:${now.getTime()}`;
  await notify(app.user, {
    kind: 'pairing.application',
    title: input.endorse ? `${org?.name ?? '所在单位'}已确认推荐您的特派员申请，等待管理部门审核` : `${org?.name ?? '所在单位'}未确认推荐您的特派员申请`,
    titleEn: input.endorse ? 'Your organisation endorsed your commissioner application; it awaits review' : 'Your organisation declined to endorse your commissioner application',
    body: input.note ?? '',
    bodyEn: input.note ?? '',
    link: LINK,
    key,
  });
  if (input.endorse) {
    for (const a of await UserModel.find({ role: 'admin' }, { _id: 1 }).limit(50).lean()) {
      await notify(a._id, { kind: 'pairing.application', title: `新的${app.term}年度科技特派员申请待审核`, titleEn: `A ${app.term} commissioner application awaits review`, link: '/admin/commissioners', key });
    }
  }
  return updated;
}

/** An administrator approves an endorsed application (standing for its term) or sends it back with a reason. */
export async function reviewApplication(admin: UserDoc, id: string, input: CommissionerReviewInput, ip: string, now = new Date()): Promise<CommissionerRecord> {
  const app = await load(id);
  const approve = input.decision === 'approve';
  const set = approve ? { status: 'approved', approvedAt: now, approvedBy: admin._id, returnReason: null } : { status: 'returned', returnReason: input.reason ?? '' };
  const updated = await CommissionerModel.findOneAndUpdate({ _id: app._id, status: 'awaiting_review' }, { $set: set }, { returnDocument: 'after' }).lean<CommissionerRecord>();
  if (!updated) {
    throw notNow();
  }
  await audit({ action: approve ? 'commissioner.approve' : 'commissioner.return', actor: admin._id, target: { kind: 'commissioner', id }, detail: { term: app.term, ...(input.reason ? { reason: input.reason } : {}) }, ip });
  const key = `commissioner:${id}:review:${now.getTime()}`;
  await notify(app.user, {
    kind: 'pairing.application',
    title: approve ? `您已获批担任${app.term}年度科技特派员` : `您的${app.term}年度科技特派员申请被退回修改`,
    titleEn: approve ? `You are approved as a ${app.term} science commissioner` : `Your ${app.term} commissioner application was sent back`,
    body: input.reason ?? '',
    bodyEn: input.reason ?? '',
    link: LINK,
    key,
  });
  if (app.endorsement) {
    await notify(app.endorsement.by, {
      kind: 'pairing.application',
      title: approve ? `您推荐的特派员申请已获批准（${app.term}年度）` : `您推荐的特派员申请被退回修改（${app.term}年度）`,
      titleEn: approve ? `The commissioner application you endorsed was approved (${app.term})` : `The commissioner application you endorsed was sent back (${app.term})`,
      link: LINK,
      key,
    });
  }
  return updated;
}
