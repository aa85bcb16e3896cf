/** Attachments of research results: upload, removal and download under the disclosure rule. */
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES, type AttachmentMime } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import { contentMatches, removeUpload, saveUpload, uploadPath } from '../listings/attachment.store';
import { withOutbox } from '../listings/lifecycle';
import { can, type ListingActor } from '../listings/listing.policy';
import { findReadable, listingRef, withListing } from '../listings/listing.store';
import { ResearchResultModel, type AttachmentRecord } from './result.model';

export function isAttachmentMime(mime: string): mime is AttachmentMime {
  return Object.hasOwn(ATTACHMENT_TYPES, mime);
}

function unsupported() {
  return createError('UNSUPPORTED_MEDIA_TYPE', {
    message: '仅支持 PDF、DOCX、XLSX、PNG、JPG 文件，且文件内容须与类型、扩展名一致',
    messageEn: 'Only PDF, DOCX, XLSX, PNG and JPG files whose content matches their type and extension',
  });
}

/** Stores a file and records it on the result (owner's organisation only). */
export async function addResultAttachment(
  id: string,
  file: { bytes: Uint8Array; name: string; mime: string },
  actor: ListingActor,
  now = new Date(),
): Promise<AttachmentRecord> {
  return withListing(ResearchResultModel, 'result', id, actor, 'edit', now, async (doc) => {
    const mime = file.mime.split(';')[0]?.trim().toLowerCase() ?? '';
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    if (!isAttachmentMime(mime) || !(ATTACHMENT_TYPES[mime] as readonly string[]).includes(ext) || !contentMatches(mime, file.bytes)) {
      throw unsupported();
    }
    if (doc.attachments.length >= ATTACHMENT_LIMITS.perListing) {
      throw createError('CONFLICT', {
        message: `每项成果最多 ${ATTACHMENT_LIMITS.perListing} 个附件`,
        messageEn: `At most ${ATTACHMENT_LIMITS.perListing} attachments per result`,
      });
    }
    const key = await saveUpload(file.bytes);
    // A draft's files are reviewed with the draft; a file added after submission waits for its own review.
    const pending = doc.status !== 'draft';
    const meta: AttachmentRecord = { key, name: file.name, size: file.bytes.byteLength, mime, uploadedAt: now, uploadedBy: actor.id, pending };
    const updated = await ResearchResultModel.updateOne({ _id: doc._id }, withOutbox({ $push: { attachments: meta } }));
    if (updated.matchedCount === 0) {
      await removeUpload(key);
      throw createError('NOT_FOUND');
    }
    return meta;
  });
}

/** Removes a file from the result and from the disk. */
export async function removeResultAttachment(id: string, key: string, actor: ListingActor, now = new Date()): Promise<void> {
  await withListing(ResearchResultModel, 'result', id, actor, 'edit', now, async (doc) => {
    if (!doc.attachments.some((a) => a.key === key)) {
      throw createError('NOT_FOUND');
    }
    await ResearchResultModel.updateOne({ _id: doc._id }, withOutbox({ $pull: { attachments: { key } } }));
  });
  await removeUpload(key);
}

/**
 * A file to download, under the same rule as contacts: members of verified organisations, the
 * owner's organisation and administrators. Others get 401 (anonymous) or 403.
 */
export async function openResultAttachment(id: string, key: string, actor: ListingActor | null, now = new Date()) {
  const doc = await findReadable(ResearchResultModel, 'result', id, actor, now);
  if (!can(actor, 'read_private', listingRef('result', doc, now))) {
    throw createError(actor ? 'FORBIDDEN' : 'UNAUTHENTICATED', {
      message: '附件仅向已认证机构的会员开放',
      messageEn: 'Attachments are open to members of verified organisations',
    });
  }
  const meta = doc.attachments.find((a) => a.key === key);
  // Not yet reviewed: as if absent for everyone but the organisation and administrators.
  if (!meta || (meta.pending && !can(actor, 'read_full', listingRef('result', doc, now)))) {
    throw createError('NOT_FOUND');
  }
  return { path: uploadPath(meta.key), name: meta.name, mime: meta.mime };
}
