import type { Types } from 'mongoose';
import { SINCE_EVER, type QuerySpec } from '../../lib/query-spec';
import { AuditModel } from './audit.model';

export type AuditAction =
  | 'org.verify'
  | 'org.unverify'
  | 'user.password_change'
  | 'user.login_locked'
  | 'user.unlock'
  | 'user.disable'
  | 'user.enable'
  | 'user.password_reset'
  | 'user.email_verify'
  | 'admin.create'
  | 'result.approve'
  | 'result.return'
  | 'need.approve'
  | 'need.return'
  | 'import.cancel'
  | 'attachment.approve'
  | 'attachment.reject'
  | 'org.create'
  | 'org.join_request'
  | 'org.member_approve'
  | 'org.member_reject'
  | 'org.member_role'
  | 'org.listings_transfer'
  | 'org.settings'
  | 'org.evidence_upload'
  | 'org.evidence_view'
  | 'org.verification_request'
  | 'org.verification_reject'
  | 'org.uscc_released';

/** Records a sensitive action. */
export async function audit(entry: {
  action: AuditAction;
  actor: Types.ObjectId | null;
  target: { kind: string; id: string };
  detail?: Record<string, unknown>;
  ip?: string;
}): Promise<void> {
  await AuditModel.create({ ...entry, detail: entry.detail ?? {}, ip: entry.ip ?? '' });
}

/** The audit log page, newest first: index {action, at} with an action, else {at}. */
export function auditQuery(action?: string): QuerySpec {
  return { filter: action ? { action } : { at: { $gte: SINCE_EVER } }, sort: { at: -1 } };
}

export async function listAudit(q: { action?: string; page: number; pageSize: number }) {
  const { filter, sort } = auditQuery(q.action);
  const [items, total] = await Promise.all([
    AuditModel.find(filter)
      .sort(sort)
      .skip((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .populate<{ actor: { _id: Types.ObjectId; displayName: string } | null }>('actor', 'displayName')
      .lean(),
    AuditModel.countDocuments(filter),
  ]);
  return { items, total };
}
