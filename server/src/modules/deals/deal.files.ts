/**
 * Files in a deal room: participants upload (type checked by content, at most DEAL_FILE_LIMITS per
 * file and per room, into the listings' attachment store), list and download them; the uploader
 * removes his own while the deal is open. A confidential file needs the room's NDA (deal.nda.ts):
 * it can only be uploaded while the NDA is required, and it opens to its uploader's organisation,
 * to administrators and to each person who accepted the NDA in force; every download of it is
 * audited. Administrators read (audited by loadDealRoom) and change nothing.
 */
import { DEAL_FILE_LIMITS, type DealFileUploadQuery, type DealFileView, type DealFilesView, type DealParty } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import type { QuerySpec } from '../../lib/query-spec';
import { audit } from '../audit/audit.service';
import { acceptedAttachment, removeUpload, saveUpload, uploadPath } from '../listings/attachment.store';
import { publishDealUpdate } from './deal.events';
import { DealFileModel, type DealFileRecord, type DealNdaRecord } from './deal.files.model';
import { DealRoomModel, type DealRoomRecord } from './deal.model';
import { tellDealParties } from './deal.notify';
import { acceptedCurrent, currentNda, isClosed, presentNda } from './deal.nda';
import { loadDealRoom, type DealUser } from './deal.policy';
import { loadDealNames, type DealNames } from './deal.presenter';

/** Who the caller is towards the room's files. */
interface Viewer {
  user: DealUser;
  party: DealParty | null;
  /** Has accepted the NDA in force. */
  accepted: boolean;
  closed: boolean;
}

/** Confidential files open to their uploader's side, administrators and those who accepted the NDA. */
function canOpen(f: DealFileRecord, v: Viewer): boolean {
  return !f.confidential || v.party === null || f.party === v.party || String(f.uploadedBy) === String(v.user._id) || v.accepted;
}

function presentFile(f: DealFileRecord, v: Viewer, names: DealNames): DealFileView {
  const visible = canOpen(f, v);
  return {
    id: String(f._id),
    name: visible ? f.name : null,
    note: visible ? f.note : null,
    size: f.size,
    mime: f.mime,
    confidential: f.confidential,
    party: f.party,
    uploadedBy: { id: String(f.uploadedBy), name: names.user.get(String(f.uploadedBy)) ?? '' },
    uploadedAt: f.uploadedAt.toISOString(),
    visible,
    canRemove: !v.closed && String(f.uploadedBy) === String(v.user._id),
  };
}

async function viewerOf(user: DealUser, room: DealRoomRecord, party: DealParty | null, nda: DealNdaRecord | null): Promise<Viewer> {
  return { user, party, accepted: await acceptedCurrent(room._id, nda, user._id), closed: isClosed(room) };
}

/** A room's files, newest first → {room, uploadedAt}. */
export const roomFilesQuery = (room: Types.ObjectId): QuerySpec => ({ filter: { room }, sort: { uploadedAt: -1, _id: -1 } });

/** The room's files and NDA as the caller sees them. */
export async function listDealFiles(user: DealUser, id: string, ip: string): Promise<DealFilesView> {
  const { room, party } = await loadDealRoom(user, id, { write: false, ip });
  const nda = await currentNda(room._id);
  const q = roomFilesQuery(room._id);
  const files = await DealFileModel.find(q.filter).sort(q.sort).lean<DealFileRecord[]>();
  const viewer = await viewerOf(user, room, party, nda);
  const names = await loadDealNames([], files.map((f) => f.uploadedBy));
  return {
    items: files.map((f) => presentFile(f, viewer, names)),
    nda: await presentNda(room, nda, user, party),
    canUpload: party !== null && !viewer.closed && files.length < DEAL_FILE_LIMITS.perRoom,
    limits: { maxBytes: DEAL_FILE_LIMITS.maxBytes, perRoom: DEAL_FILE_LIMITS.perRoom },
  };
}

const unsupported = () =>
  createError('UNSUPPORTED_MEDIA_TYPE', {
    message: '仅支持 PDF、DOCX、XLSX、PNG、JPG 文件，且文件内容须与类型、扩展名一致',
    messageEn: 'Only PDF, DOCX, XLSX, PNG and JPG files whose content matches their type and extension',
  });
const full = () => createError('CONFLICT', { message: `每个洽谈室最多 ${DEAL_FILE_LIMITS.perRoom} 个文件`, messageEn: `At most ${DEAL_FILE_LIMITS.perRoom} files per deal room` });

/** A participant adds a file to an open room; the other parties are told once per batch. */
export async function uploadDealFile(
  user: DealUser, id: string, file: { bytes: Uint8Array; mime: string }, q: DealFileUploadQuery, ip: string,
): Promise<DealFileView> {
  const { room, party } = await loadDealRoom(user, id, { write: true, ip });
  if (isClosed(room)) {
    throw createError('INVALID_STATE', { message: '洽谈已结束，不能再上传文件', messageEn: 'The deal is closed; no more files can be uploaded' });
  }
  const mime = acceptedAttachment({ bytes: file.bytes, name: q.name, mime: file.mime });
  if (!mime) {
    throw unsupported();
  }
  const nda = await currentNda(room._id);
  if (q.confidential && !nda?.required) {
    throw createError('INVALID_STATE', {
      message: '上传保密文件前，技术供给方须先要求签署保密协议',
      messageEn: 'The technology provider must require an NDA before confidential files can be uploaded',
    });
  }
  if ((await DealFileModel.countDocuments({ room: room._id })) >= DEAL_FILE_LIMITS.perRoom) {
    throw full();
  }
  const key = await saveUpload(file.bytes);
  const stored = (
    await DealFileModel.create({
      room: room._id, key, name: q.name, note: q.note || null, size: file.bytes.byteLength, mime,
      confidential: q.confidential, party, uploadedBy: user._id, uploadedAt: new Date(),
    })
  ).toObject() as DealFileRecord;
  // Two uploads racing past the count: the later one goes.
  const before = await DealFileModel.countDocuments({ room: room._id, _id: { $lt: stored._id } });
  if (before >= DEAL_FILE_LIMITS.perRoom) {
    await DealFileModel.deleteOne({ _id: stored._id });
    await removeUpload(key);
    throw full();
  }
  await DealRoomModel.updateOne({ _id: room._id }, { $addToSet: { contacts: user._id } });
  await audit({
    action: 'deal.file_upload', actor: user._id, target: { kind: 'deal', id: String(room._id) },
    detail: { file: String(stored._id), name: q.name, size: stored.size, confidential: q.confidential }, ip,
  });
  const names = await loadDealNames([], [user._id]);
  const who = names.user.get(String(user._id)) ?? '';
  // No file name in the notice: a confidential one's name is itself protected.
  await tellDealParties(room, party, 'deal.files', `upload:${String(user._id)}:${q.batch ?? String(stored._id)}`, {
    title: `「${room.listing.title}」洽谈室有新文件`,
    titleEn: `New files in the deal room “${room.listing.title}”`,
    body: `${who} 上传了文件，请到洽谈室查看。`,
    bodyEn: `${who} uploaded files; open the deal room to see them.`,
  });
  publishDealUpdate(String(room._id), 'files');
  return presentFile(stored, await viewerOf(user, room, party, nda), names);
}

async function fileOf(room: Types.ObjectId, fileId: string): Promise<DealFileRecord> {
  const f = await DealFileModel.findOne({ _id: fileId, room }).lean<DealFileRecord>();
  if (!f) {
    throw createError('NOT_FOUND');
  }
  return f;
}

/** A file to download; a confidential one only when open to the caller, and every opening is audited. */
export async function openDealFile(user: DealUser, id: string, fileId: string, ip: string): Promise<{ path: string; name: string; mime: string }> {
  const { room, party } = await loadDealRoom(user, id, { write: false, ip });
  const f = await fileOf(room._id, fileId);
  if (f.confidential) {
    const viewer = await viewerOf(user, room, party, await currentNda(room._id));
    if (!canOpen(f, viewer)) {
      throw createError('FORBIDDEN', { message: '这是保密文件，请先阅读并接受保密协议', messageEn: 'This file is confidential; read and accept the NDA first' });
    }
    await audit({ action: 'deal.file_view', actor: user._id, target: { kind: 'deal', id: String(room._id) }, detail: { file: String(f._id), name: f.name, party }, ip });
  }
  return { path: uploadPath(f.key), name: f.name, mime: f.mime };
}

/** The uploader removes his own file while the deal is open. */
export async function removeDealFile(user: DealUser, id: string, fileId: string, ip: string): Promise<void> {
  const { room } = await loadDealRoom(user, id, { write: true, ip });
  const f = await fileOf(room._id, fileId);
  if (String(f.uploadedBy) !== String(user._id)) {
    throw createError('FORBIDDEN', { message: '只能删除自己上传的文件', messageEn: 'You can only remove files you uploaded' });
  }
  if (isClosed(room)) {
    throw createError('INVALID_STATE', { message: '洽谈已结束，文件不能再删除', messageEn: 'The deal is closed; its files can no longer be removed' });
  }
  const gone = await DealFileModel.deleteOne({ _id: f._id });
  if (gone.deletedCount === 0) {
    throw createError('NOT_FOUND');
  }
  await removeUpload(f.key);
  await audit({
    action: 'deal.file_remove', actor: user._id, target: { kind: 'deal', id: String(room._id) },
    detail: { file: String(f._id), name: f.name, size: f.size, confidential: f.confidential }, ip,
  });
  publishDealUpdate(String(room._id), 'files');
}
