/**
 * Review of files added to a result after it was submitted: they wait (`pending`) until an
 * administrator approves them, and only the result's organisation and administrators see them
 * meanwhile. Approving the whole result approves its files with it.
 */
import type { PendingAttachmentView, ReviewDecisionInput } from '@kezhuan/shared';
import { audit } from '../audit/audit.service';
import { createError } from '../../lib/errors';
import { removeUpload } from '../listings/attachment.store';
import { listingOrgs, orgOrPlaceholder } from '../listings/listing.presenter';
import type { ListingActor } from '../listings/listing.policy';
import { withListing } from '../listings/listing.store';
import { notify } from '../notifications/notification.service';
import { presentAttachment } from './result.presenter';
import { ResearchResultModel, type ResearchResultRecord } from './result.model';

/** Marks every file of a result reviewed (call under the result's write lock). */
export async function approveAllAttachments(id: string): Promise<void> {
  const doc = await ResearchResultModel.findById(id, { attachments: 1 }).lean<Pick<ResearchResultRecord, 'attachments'>>();
  if (doc?.attachments.some((a) => a.pending)) {
    await ResearchResultModel.updateOne({ _id: id }, { $set: { attachments: doc.attachments.map((a) => ({ ...a, pending: false })) } });
  }
}

/** Files waiting for review, oldest upload first, with the result they belong to. */
export async function pendingAttachments(): Promise<PendingAttachmentView[]> {
  const docs = await ResearchResultModel.find({ 'attachments.pending': true }, { title: 1, org: 1, status: 1, attachments: 1 })
    .limit(200)
    .lean<Pick<ResearchResultRecord, '_id' | 'title' | 'org' | 'status' | 'attachments'>[]>();
  const orgs = await listingOrgs(docs.map((d) => d.org));
  return docs
    .flatMap((d) =>
      d.attachments
        .filter((a) => a.pending)
        .map((a) => ({ resultId: String(d._id), title: d.title, org: orgOrPlaceholder(orgs, d.org), attachment: presentAttachment(a) })),
    )
    .sort((a, b) => a.attachment.uploadedAt.localeCompare(b.attachment.uploadedAt));
}

/**
 * Approves a waiting file (it becomes visible under the usual rule) or refuses it (it is deleted;
 * the reason goes to the uploader). Audited; the uploader is told either way.
 */
export async function reviewAttachment(id: string, key: string, input: ReviewDecisionInput, actor: ListingActor, ip: string, now = new Date()): Promise<void> {
  const reason = input.reason || null;
  const { title, file } = await withListing(ResearchResultModel, 'result', id, actor, 'review', now, async (doc) => {
    const found = doc.attachments.find((a) => a.key === key && a.pending);
    if (!found) {
      throw createError('NOT_FOUND');
    }
    if (input.decision === 'approve') {
      await ResearchResultModel.updateOne({ _id: doc._id }, { $set: { attachments: doc.attachments.map((a) => (a.key === key ? { ...a, pending: false } : a)) } });
    } else {
      await ResearchResultModel.updateOne({ _id: doc._id }, { $pull: { attachments: { key } } });
    }
    return { title: doc.title, file: found };
  });
  if (input.decision === 'return') {
    await removeUpload(key);
  }
  await audit({
    action: input.decision === 'approve' ? 'attachment.approve' : 'attachment.reject',
    actor: actor.id,
    target: { kind: 'result', id },
    detail: { key, name: file.name, ...(reason ? { reason } : {}) },
    ip,
  });
  const approved = input.decision === 'approve';
  await notify(file.uploadedBy, {
    kind: 'listing.reviewed',
    title: approved ? `成果“${title}”的附件“${file.name}”已通过审核` : `成果“${title}”的附件“${file.name}”未通过审核，已删除`,
    titleEn: approved ? `The attachment “${file.name}” of “${title}” was approved` : `The attachment “${file.name}” of “${title}” was refused and removed`,
    body: reason ?? '',
    bodyEn: reason ?? '',
    link: `/results/${id}`,
    key: `attachment-review:${key}`,
  });
}
