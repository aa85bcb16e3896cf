/** Attachments of applications in the listings' attachment store: type checked by content, one per required document at least. */
import { createError } from '../../lib/errors';
import type { StoredFile } from '../../lib/send-file';
import { removeUpload, saveCheckedUpload, uploadPath } from '../listings/attachment.store';
import type { UserDoc } from '../users/user.model';
import { ApplicationModel, type ApplicationAttachment, type ApplicationRecord } from './application.model';
import { assertCanEdit, standing } from './application.policy';
import { loadApplication } from './application.service';

const MAX_FILES = 20;

export async function addApplicationFile(user: UserDoc, id: string, file: { bytes: Uint8Array; name: string; mime: string; document: string }, now = new Date()): Promise<ApplicationAttachment> {
  const doc = await loadApplication(id);
  assertCanEdit(user, doc);
  const { key, mime, size } = await saveCheckedUpload(file);
  const meta: ApplicationAttachment = { key, name: file.name, size, mime, document: file.document, uploadedAt: now, uploadedBy: user._id };
  const updated = await ApplicationModel.updateOne(
    { _id: doc._id, status: { $in: ['draft', 'returned'] }, [`attachments.${MAX_FILES - 1}`]: { $exists: false } },
    { $push: { attachments: meta } },
  );
  if (updated.modifiedCount !== 1) {
    await removeUpload(key);
    throw createError('CONFLICT', { message: `每份申报书最多 ${MAX_FILES} 个附件`, messageEn: `At most ${MAX_FILES} files per application` });
  }
  return meta;
}

export async function removeApplicationFile(user: UserDoc, id: string, key: string): Promise<void> {
  const doc = await loadApplication(id);
  assertCanEdit(user, doc);
  const res = await ApplicationModel.updateOne({ _id: doc._id, status: { $in: ['draft', 'returned'] } }, { $pull: { attachments: { key } } });
  if (res.modifiedCount !== 1) {
    throw createError('NOT_FOUND');
  }
  await removeUpload(key);
}

/** A file for whoever may read the application. */
export async function openApplicationFile(user: UserDoc, id: string, key: string): Promise<StoredFile> {
  const doc: ApplicationRecord = await loadApplication(id);
  const file = standing(user, doc) ? doc.attachments.find((a) => a.key === key) : undefined;
  if (!file) {
    throw createError('NOT_FOUND');
  }
  return { path: uploadPath(file.key), name: file.name, mime: file.mime };
}
