/**
 * Verifying an organisation with evidence: its managers upload a business licence or legal-person
 * certificate and apply; an administrator looks at the evidence and the credit-code check and
 * decides. Verification wins a disputed credit code: other organisations claiming it are flagged
 * as released and can no longer be verified with it.
 */
import { EVIDENCE_LIMITS, EVIDENCE_MIMES, isValidUscc, type AdminOrgView, type OrgVerificationView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { contentMatches, removeUpload, saveUpload, uploadPath } from '../listings/attachment.store';
import { notify } from '../notifications/notification.service';
import { UserModel, type UserDoc } from '../users/user.model';
import { managersOf, requireOrgManager } from './membership.service';
import { OrgModel, orgCollisionKey, orgNameKey, type Org } from './org.model';

type OrgLean = Org & { _id: Types.ObjectId };
type EvidenceMime = (typeof EVIDENCE_MIMES)[number];

const EXTENSIONS: Record<EvidenceMime, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

async function loadOrg(id: string): Promise<OrgLean> {
  const org = await OrgModel.findById(id).lean<OrgLean>();
  if (!org) {
    throw createError('NOT_FOUND');
  }
  return org;
}

function presentEvidence(org: OrgLean) {
  return (org.evidence ?? []).map((e) => ({ key: e.key, name: e.name, mime: e.mime, size: e.size, uploadedAt: e.uploadedAt.toISOString() }));
}

/** Stores one evidence file (PDF, JPEG or PNG, checked by content; at most 10 MB, 5 per organisation). */
export async function addEvidence(user: UserDoc, orgId: string, file: { bytes: Uint8Array; name: string; mime: string }, ip: string, now = new Date()) {
  await requireOrgManager(user, orgId);
  const org = await loadOrg(orgId);
  const mime = (file.mime.split(';')[0]?.trim().toLowerCase() ?? '') as EvidenceMime;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  if (!EVIDENCE_MIMES.includes(mime) || !EXTENSIONS[mime].includes(ext) || !contentMatches(mime, file.bytes)) {
    throw createError('UNSUPPORTED_MEDIA_TYPE', { message: '仅支持内容与扩展名一致的 PDF、JPG、PNG 文件', messageEn: 'Only PDF, JPG and PNG files whose content matches their extension' });
  }
  if ((org.evidence ?? []).length >= EVIDENCE_LIMITS.perOrg) {
    throw createError('CONFLICT', { message: `最多上传 ${EVIDENCE_LIMITS.perOrg} 份证明材料`, messageEn: `At most ${EVIDENCE_LIMITS.perOrg} evidence files` });
  }
  const key = await saveUpload(file.bytes);
  const meta = { key, name: file.name, mime, size: file.bytes.byteLength, uploadedBy: user._id, uploadedAt: now };
  await OrgModel.updateOne({ _id: org._id }, { $push: { evidence: meta } });
  await audit({ action: 'org.evidence_upload', actor: user._id, target: { kind: 'org', id: orgId }, detail: { key, name: file.name, size: meta.size }, ip });
  return { key, name: meta.name, mime, size: meta.size, uploadedAt: now.toISOString() };
}

export async function removeEvidence(user: UserDoc, orgId: string, key: string): Promise<void> {
  await requireOrgManager(user, orgId);
  const res = await OrgModel.updateOne({ _id: orgId, 'evidence.key': key, verificationState: { $ne: 'requested' } }, { $pull: { evidence: { key } } });
  if (res.modifiedCount === 0) {
    throw createError('NOT_FOUND');
  }
  await removeUpload(key);
}

/** The application's state as the organisation's members see it (managers see the evidence too). */
export async function verificationView(user: UserDoc, orgId: string): Promise<OrgVerificationView> {
  if (user.role !== 'admin' && String(user.org) !== orgId) {
    throw createError('FORBIDDEN');
  }
  const org = await loadOrg(orgId);
  const state = org.verified ? 'verified' : org.verificationState === 'verified' ? 'none' : org.verificationState;
  const evidence = presentEvidence(org);
  const waitingOn = state === 'verified' ? 'nothing' : state === 'requested' ? 'admin' : evidence.length === 0 ? 'evidence' : 'submit';
  return { state, note: org.verificationNote ?? null, evidence, emailDomains: org.emailDomains ?? [], waitingOn };
}

/** Managers apply for verification once evidence is uploaded; administrators are told. */
export async function requestVerification(user: UserDoc, orgId: string, ip: string): Promise<OrgVerificationView> {
  await requireOrgManager(user, orgId);
  const org = await loadOrg(orgId);
  if (org.verified || (org.evidence ?? []).length === 0) {
    throw createError('INVALID_STATE', { message: '请先上传营业执照或法人证书', messageEn: 'Upload the business licence or legal-person certificate first' });
  }
  await OrgModel.updateOne({ _id: org._id }, { $set: { verificationState: 'requested', verificationNote: null } });
  await audit({ action: 'org.verification_request', actor: user._id, target: { kind: 'org', id: orgId }, ip });
  const admins = await UserModel.find({ role: 'admin' }, { _id: 1 }).limit(50).lean();
  for (const a of admins) {
    await notify(a._id, {
      kind: 'org.verification',
      title: `${org.name} 申请机构认证`,
      titleEn: `${org.name} applies for verification`,
      link: '/admin/orgs',
      key: `verify-request:${orgId}:${Date.now()}`,
    });
  }
  return verificationView(user, orgId);
}

/**
 * Sets or clears the verified flag (administrators), with an audit entry. A code held by another
 * verified organisation cannot be verified twice; verifying releases the code's other claimants.
 */
export async function setOrgVerification(id: string, verified: boolean, actor: Types.ObjectId, note: string | undefined, ip: string) {
  const before = await loadOrg(id);
  if (verified && (await OrgModel.exists({ _id: { $ne: before._id }, uscc: before.uscc, verified: true }))) {
    throw createError('CONFLICT', { message: '该统一社会信用代码已由另一家已认证机构持有', messageEn: 'Another verified organisation holds this credit code' });
  }
  const state = verified ? 'verified' : before.verificationState === 'requested' ? 'rejected' : 'none';
  const org = await OrgModel.findByIdAndUpdate(
    id,
    {
      $set: { verified, verifiedAt: verified ? new Date() : null, verifiedBy: verified ? actor : null, verificationState: state, verificationNote: note ?? null },
      ...(verified ? { $pull: { flags: { $in: ['uscc_disputed', 'uscc_released'] } } } : {}),
    },
    { new: true },
  ).lean<OrgLean>();
  if (!org) {
    throw createError('NOT_FOUND');
  }
  await audit({
    action: verified ? 'org.verify' : state === 'rejected' ? 'org.verification_reject' : 'org.unverify',
    actor,
    target: { kind: 'org', id },
    detail: { name: org.name, uscc: org.uscc, ...(note ? { note } : {}) },
    ip,
  });
  if (verified) {
    await releaseDisputedCode(org, actor, ip);
  }
  const verb = verified ? { zh: '已通过认证', en: 'is verified' } : state === 'rejected' ? { zh: '的认证申请未通过', en: 'was not verified' } : { zh: '的认证已撤销', en: 'is no longer verified' };
  for (const m of await managersOf(org)) {
    await notify(m, { kind: 'org.verification', title: `${org.name}${verb.zh}`, titleEn: `${org.name} ${verb.en}`, body: note ?? '', bodyEn: note ?? '', link: '/org', key: `verify:${id}:${Date.now()}` });
  }
  return org;
}

/** The verified organisation owns the code: other claimants are flagged released, and their managers told. */
async function releaseDisputedCode(org: OrgLean, actor: Types.ObjectId, ip: string): Promise<void> {
  const others = await OrgModel.find({ _id: { $ne: org._id }, uscc: org.uscc }).lean<OrgLean[]>();
  for (const other of others) {
    await OrgModel.updateOne({ _id: other._id }, { $addToSet: { flags: 'uscc_released' }, $set: { verificationState: 'none' } });
    await audit({ action: 'org.uscc_released', actor, target: { kind: 'org', id: String(other._id) }, detail: { uscc: org.uscc, to: String(org._id) }, ip });
    for (const m of await managersOf(other)) {
      await notify(m, {
        kind: 'org.verification',
        title: `统一社会信用代码 ${org.uscc} 已由 ${org.name} 认证`,
        titleEn: `Credit code ${org.uscc} was verified for ${org.name}`,
        body: '贵机构对该代码的登记已失效，如有异议请联系平台管理员。',
        bodyEn: "Your organisation's claim to this code is released; contact the administrators if you disagree.",
        link: '/org',
        key: `released:${String(other._id)}:${Date.now()}`,
      });
    }
  }
}

/** What the administrator's verification dialog shows. */
export async function adminOrgView(id: string): Promise<AdminOrgView> {
  const org = await loadOrg(id);
  const brief = (o: { _id: Types.ObjectId; name: string; verified: boolean }) => ({ id: String(o._id), name: o.name, verified: o.verified });
  const [sameCode, sameName] = await Promise.all([
    OrgModel.find({ _id: { $ne: org._id }, uscc: org.uscc }, { name: 1, verified: 1 }).limit(20).lean(),
    OrgModel.find({ _id: { $ne: org._id }, $or: [{ collisionKey: orgCollisionKey(org.name) }, { nameKey: orgNameKey(org.name) }] }, { name: 1, verified: 1 }).limit(20).lean(),
  ]);
  return {
    id: String(org._id),
    name: org.name,
    uscc: org.uscc,
    verified: org.verified,
    state: org.verified ? 'verified' : org.verificationState,
    flags: org.flags ?? [],
    evidence: presentEvidence(org),
    usccCheck: { checksumValid: isValidUscc(org.uscc), sameCode: sameCode.map(brief), sameName: sameName.map(brief) },
  };
}

/** An evidence file for an administrator to download; every view is audited. */
export async function openEvidence(admin: UserDoc, orgId: string, key: string, ip: string) {
  const org = await loadOrg(orgId);
  const meta = (org.evidence ?? []).find((e) => e.key === key);
  if (!meta) {
    throw createError('NOT_FOUND');
  }
  await audit({ action: 'org.evidence_view', actor: admin._id, target: { kind: 'org', id: orgId }, detail: { key, name: meta.name }, ip });
  return { path: uploadPath(meta.key), name: meta.name, mime: meta.mime };
}
