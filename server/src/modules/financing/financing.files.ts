/**
 * Attachments of financing applications (business plan, financial statements …) in the listings'
 * attachment store, type checked by content. The applicant's members add and remove them while the
 * application is open; only the applicant's and the provider's members download them (404 to anyone else).
 */
import { FINANCING_ATTACHMENTS_MAX, type FinancingDocument } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import type { StoredFile } from '../../lib/send-file';
import { removeUpload, saveCheckedUpload, uploadPath } from '../listings/attachment.store';
import type { ListingActor } from '../listings/listing.policy';
import { OPEN, sideOf } from './financing.applications';
import { FinancingApplicationModel, type FinancingApplicationRecord, type FinancingAttachmentRecord } from './financing.model';

async function loadForSide(actor: ListingActor, id: string): Promise<{ a: FinancingApplicationRecord; side: 'applicant' | 'provider' }> {
  const a = await FinancingApplicationModel.findById(id).lean<FinancingApplicationRecord>();
  const side = a ? sideOf(actor, a) : null;
  if (!a || !side) {
    throw createError('NOT_FOUND');
  }
  return { a, side };
}

export async function addFinancingFile(
  actor: ListingActor, id: string, file: { bytes: Uint8Array; name: string; mime: string; document: FinancingDocument }, now = new Date(),
): Promise<FinancingAttachmentRecord> {
  const { a, side } = await loadForSide(actor, id);
  if (side !== 'applicant') {
    throw createError('FORBIDDEN');
  }
  const { key, mime, size } = await saveCheckedUpload(file);
  const meta: FinancingAttachmentRecord = { key, name: file.name, size, mime, document: file.document, uploadedAt: now, uploadedBy: actor.id };
  const updated = await FinancingApplicationModel.updateOne(
    { _id: a._id, status: { $in: OPEN }, [`attachments.${FINANCING_ATTACHMENTS_MAX - 1}`]: { $exists: false } },
    { $push: { attachments: meta } },
  );
  if (updated.modifiedCount !== 1) {
    await removeUpload(key);
    throw OPEN.includes(a.status)
      ? createError('CONFLICT', { message: `每份融资申请最多 ${FINANCING_ATTACHMENTS_MAX} 个附件`, messageEn: `At most ${FINANCING_ATTACHMENTS_MAX} files per application` })
      : createError('INVALID_STATE');
  }
  return meta;
}

export async function removeFinancingFile(actor: ListingActor, id: string, key: string): Promise<void> {
  const { a, side } = await loadForSide(actor, id);
  if (side !== 'applicant') {
    throw createError('FORBIDDEN');
  }
  const res = await FinancingApplicationModel.updateOne({ _id: a._id, status: { $in: OPEN }, 'attachments.key': key }, { $pull: { attachments: { key } } });
  if (res.modifiedCount !== 1) {
    throw OPEN.includes(a.status) ? createError('NOT_FOUND') : createError('INVALID_STATE');
  }
  await removeUpload(key);
}

/** A file for the applicant's or the provider's members; 404 to anyone else, administrators included. */
export async function openFinancingFile(actor: ListingActor, id: string, key: string): Promise<StoredFile> {
  const { a } = await loadForSide(actor, id);
  const file = (a.attachments ?? []).find((f) => f.key === key);
  if (!file) {
    throw createError('NOT_FOUND');
  }
  return { path: uploadPath(file.key), name: file.name, mime: file.mime };
}
