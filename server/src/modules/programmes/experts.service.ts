/**
 * The expert pool (评审专家库): the administrator enters platform accounts (researchers,
 * commissioners, enterprise staff… not administrators) with their fields, key terms and declared
 * stakes. An outside expert without an account is invited instead (experts.invite.ts): the platform
 * makes the account and mails a link to set its password.
 */
import type { ExpertInput, ExpertUpdate, ExpertView, FieldError } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { OrgModel } from '../orgs/org.model';
import { UserModel } from '../users/user.model';
import { ExpertModel, type ExpertRecord } from './experts.model';
import { expertsQuery } from './review.queries';

function invalid(fields: FieldError[]): never {
  throw createError('VALIDATION_FAILED', { fields });
}

export async function checkStakes(ids: readonly string[]): Promise<void> {
  if (ids.length && (await OrgModel.countDocuments({ _id: { $in: ids } })) !== ids.length) {
    invalid([{ path: 'body.stakes', code: 'custom', message: '利益关联单位须为平台上的机构', messageEn: 'Declared stakes must be organisations on the platform' }]);
  }
}

/** The account's organisation, if it is an approved member of one. */
const orgOf = (u: { org?: Types.ObjectId | null; orgStatus?: string | null }) => (u.org && u.orgStatus !== 'pending' ? u.org : null);

export async function createExpert(actor: Types.ObjectId, input: ExpertInput): Promise<ExpertRecord> {
  const user = await UserModel.findById(input.user, { role: 1, org: 1, orgStatus: 1 }).lean();
  if (!user || user.role === 'admin') {
    invalid([{ path: 'body.user', code: 'custom', message: '须为平台上的非管理员账户', messageEn: 'Must be a platform account that is not an administrator' }]);
  }
  await checkStakes(input.stakes);
  try {
    const doc = await ExpertModel.create({ ...input, org: orgOf(user), createdBy: actor });
    return doc.toObject() as ExpertRecord;
  } catch (e) {
    if ((e as { code?: number }).code === 11000) {
      throw createError('CONFLICT', { message: '该账户已在专家库中', messageEn: 'This account is already in the pool' });
    }
    throw e;
  }
}

export async function updateExpert(id: string, input: ExpertUpdate): Promise<ExpertRecord> {
  const doc = await ExpertModel.findById(id).lean<ExpertRecord>();
  if (!doc) {
    throw createError('NOT_FOUND');
  }
  await checkStakes(input.stakes);
  const user = await UserModel.findById(doc.user, { org: 1, orgStatus: 1 }).lean();
  const updated = await ExpertModel.findByIdAndUpdate(id, { $set: { ...input, org: user ? orgOf(user) : doc.org } }, { returnDocument: 'after' }).lean<ExpertRecord>();
  return updated!;
}

export async function listExperts(q: { active?: 'true' | 'false'; page: number; pageSize: number }) {
  const { filter, sort } = expertsQuery(q.active === undefined ? undefined : q.active === 'true');
  const [docs, total] = await Promise.all([
    ExpertModel.find(filter).sort(sort).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<ExpertRecord[]>(),
    ExpertModel.countDocuments(filter),
  ]);
  return { items: await presentExperts(docs), total, page: q.page, pageSize: q.pageSize };
}

/** Pool entries for the administrator, with account and organisation names (one query per collection). */
export async function presentExperts(docs: ExpertRecord[]): Promise<ExpertView[]> {
  const orgIds = [...new Set(docs.flatMap((d) => [...(d.org ? [d.org] : []), ...d.stakes]).map(String))];
  const [users, orgs] = await Promise.all([
    UserModel.find({ _id: { $in: docs.map((d) => d.user) } }, { displayName: 1, role: 1 }).lean(),
    OrgModel.find({ _id: { $in: orgIds } }, { name: 1 }).lean(),
  ]);
  const userMap = new Map(users.map((u) => [String(u._id), u]));
  const orgName = new Map(orgs.map((o) => [String(o._id), o.name]));
  const named = (id: Types.ObjectId) => ({ id: String(id), name: orgName.get(String(id)) ?? '' });
  return docs.map((d) => {
    const u = userMap.get(String(d.user));
    return {
      id: String(d._id),
      user: { id: String(d.user), displayName: u?.displayName ?? '', role: u?.role ?? '' },
      org: d.org ? named(d.org) : null,
      disciplines: d.disciplines,
      industries: d.industries,
      terms: d.terms,
      stakes: d.stakes.map(named),
      active: d.active,
    };
  });
}
