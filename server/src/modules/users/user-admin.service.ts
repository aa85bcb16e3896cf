import { LIMITS, type AdminUserListQuery, type AdminUserView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { LoginAttemptModel } from '../auth/login-attempt.model';
import { clearAccountAttempts } from '../auth/throttle';
import { OrgModel } from '../orgs/org.model';
import { endUserSessions } from '../sessions/session-end';
import type { MongooseSessionStore } from '../sessions/session.store';
import { UserModel, type User } from './user.model';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the account's failed logins of the last hour reach the lock. */
async function isLocked(userId: string): Promise<boolean> {
  const since = new Date(Date.now() - 3600_000);
  return (await LoginAttemptModel.countDocuments({ key: `acct:${userId}`, at: { $gt: since } })) >= LIMITS.loginFailuresPerHour;
}

async function present(u: User & { _id: Types.ObjectId }, orgNames: Map<string, string>): Promise<AdminUserView> {
  return {
    id: String(u._id),
    email: u.email,
    phone: u.phone,
    displayName: u.displayName,
    role: u.role,
    orgName: u.org ? (orgNames.get(String(u.org)) ?? null) : null,
    disabled: Boolean(u.disabledAt),
    locked: await isLocked(String(u._id)),
    lastLoginAt: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** Accounts for administrators, newest first; `q` matches email, mobile number or name. */
export async function listUsers(q: AdminUserListQuery) {
  const filter: Record<string, unknown> = {};
  if (q.q) {
    // Escaped user text in a regex we build ourselves; never the user's object.
    const re = { $regex: escapeRegex(q.q), $options: 'i' };
    filter.$or = [{ email: re }, { phone: re }, { displayName: re }];
  }
  const [users, total] = await Promise.all([
    UserModel.find(filter).sort({ createdAt: -1 }).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean(),
    UserModel.countDocuments(filter),
  ]);
  const orgIds = users.flatMap((u) => (u.org ? [u.org] : []));
  const orgs = await OrgModel.find({ _id: { $in: orgIds } }, { name: 1 }).lean();
  const names = new Map(orgs.map((o) => [String(o._id), o.name]));
  return { items: await Promise.all(users.map((u) => present(u, names))), total };
}

async function load(id: string) {
  const u = await UserModel.findById(id);
  if (!u) {
    throw createError('NOT_FOUND');
  }
  return u;
}

async function presentOne(id: string): Promise<AdminUserView> {
  const u = await UserModel.findById(id).lean();
  if (!u) {
    throw createError('NOT_FOUND');
  }
  const org = u.org ? await OrgModel.findById(u.org, { name: 1 }).lean() : null;
  return present(u, new Map(org ? [[String(org._id), org.name]] : []));
}

/** Ends a login lock at once (audited). */
export async function unlockUser(id: string, actor: Types.ObjectId, ip: string): Promise<AdminUserView> {
  const u = await load(id);
  const cleared = await clearAccountAttempts(String(u._id));
  await audit({ action: 'user.unlock', actor, target: { kind: 'user', id: String(u._id) }, detail: { cleared }, ip });
  return presentOne(id);
}

/**
 * Disables or re-enables an account (audited). Disabling ends its sessions and sockets at once;
 * administrators cannot disable themselves.
 */
export async function setUserDisabled(
  store: MongooseSessionStore,
  id: string,
  disabled: boolean,
  actor: Types.ObjectId,
  ip: string,
): Promise<AdminUserView> {
  const u = await load(id);
  if (disabled && u._id.equals(actor)) {
    throw createError('INVALID_STATE', { message: '不能停用自己的账号', messageEn: 'You cannot disable your own account' });
  }
  await UserModel.updateOne({ _id: u._id }, { $set: { disabledAt: disabled ? new Date() : null } });
  if (disabled) {
    await endUserSessions(store, String(u._id));
  }
  await audit({ action: disabled ? 'user.disable' : 'user.enable', actor, target: { kind: 'user', id: String(u._id) }, ip });
  return presentOne(id);
}
