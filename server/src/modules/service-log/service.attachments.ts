/**
 * Files on service log entries (photos of a visit, reports): the commissioner adds them to his own
 * entry until the enterprise has confirmed it; both sides, members of the enterprise and
 * administrators download them (others get 404, as for the service itself). Stored by the
 * listings' attachment store, type checked by content.
 */
import { SERVICE_ATTACHMENT_LIMIT, type ServiceEntryView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { checkedAttachmentType, removeUpload, saveUpload, uploadPath } from '../listings/attachment.store';
import type { UserDoc } from '../users/user.model';
import { ServiceEntryModel, type ServiceAttachmentRecord, type ServiceEntryRecord } from './service.model';
import { assertSide, loadServicePairing } from './service.policy';
import { presentEntry } from './service.presenter';

async function entryOf(pairing: Types.ObjectId, entryId: string): Promise<ServiceEntryRecord> {
  const entry = await ServiceEntryModel.findOne({ _id: entryId, pairing }).lean<ServiceEntryRecord>();
  if (!entry) {
    throw createError('NOT_FOUND');
  }
  return entry;
}

/** Stores a file on an entry the commissioner logged and the enterprise has not yet confirmed. */
export async function addEntryAttachment(
  user: UserDoc, id: string, entryId: string, file: { bytes: Uint8Array; name: string; mime: string }, ip: string, now = new Date(),
): Promise<ServiceEntryView> {
  const { pairing, sides } = await loadServicePairing(user, id);
  assertSide(sides, 'commissioner');
  const entry = await entryOf(pairing._id, entryId);
  const mime = checkedAttachmentType(file);
  if (entry.status === 'confirmed') {
    throw createError('INVALID_STATE', { message: '已确认的服务记录不能再添加附件', messageEn: 'Files cannot be added to a confirmed entry' });
  }
  if ((entry.attachments ?? []).length >= SERVICE_ATTACHMENT_LIMIT) {
    throw createError('CONFLICT', { message: `每条服务记录最多 ${SERVICE_ATTACHMENT_LIMIT} 个附件`, messageEn: `At most ${SERVICE_ATTACHMENT_LIMIT} files per entry` });
  }
  const key = await saveUpload(file.bytes);
  const meta: ServiceAttachmentRecord = { key, name: file.name, size: file.bytes.byteLength, mime, uploadedAt: now, uploadedBy: user._id };
  // Re-checked in the update: the entry may have been confirmed or filled meanwhile.
  const updated = await ServiceEntryModel.findOneAndUpdate(
    { _id: entry._id, status: { $ne: 'confirmed' }, [`attachments.${SERVICE_ATTACHMENT_LIMIT - 1}`]: { $exists: false } },
    { $push: { attachments: meta } },
    { returnDocument: 'after' },
  ).lean<ServiceEntryRecord>();
  if (!updated) {
    await removeUpload(key);
    throw createError('CONFLICT', { message: '服务记录已确认或附件已满', messageEn: 'The entry was confirmed or is full' });
  }
  await audit({ action: 'service.entry_attach', actor: user._id, target: { kind: 'pairing', id: String(pairing._id) }, detail: { entry: entryId, key, name: file.name, size: meta.size }, ip });
  return presentEntry(updated);
}

/** A file to download: whoever may read the pairing's service. */
export async function openEntryAttachment(user: UserDoc, id: string, entryId: string, key: string) {
  const { pairing } = await loadServicePairing(user, id);
  const entry = await entryOf(pairing._id, entryId);
  const meta = (entry.attachments ?? []).find((a) => a.key === key);
  if (!meta) {
    throw createError('NOT_FOUND');
  }
  return { path: uploadPath(meta.key), name: meta.name, mime: meta.mime };
}
