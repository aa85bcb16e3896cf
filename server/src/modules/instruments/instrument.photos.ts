/**
 * Instrument photos: PNG or JPEG whose bytes match the declared type and the name's extension
 * (checked by content with the listings' attachment store), at most 5 MB, uploaded by a member of a
 * verified university or institute; shown with an active instrument, or to its institution.
 */
import { INSTRUMENT_PHOTO_MIMES, type InstrumentPhotoView } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { contentMatches, saveUpload, uploadPath } from '../listings/attachment.store';
import type { ListingActor } from '../listings/listing.policy';
import { InstrumentPhotoModel } from './instrument.photo.model';
import { instrumentOwnerOrg } from './instrument.policy';
import { readableInstrument } from './instrument.service';

const EXTENSIONS: Record<(typeof INSTRUMENT_PHOTO_MIMES)[number], readonly string[]> = { 'image/png': ['png'], 'image/jpeg': ['jpg', 'jpeg'] };

export async function uploadInstrumentPhoto(actor: ListingActor, file: { bytes: Uint8Array; name: string; mime: string }, ip: string): Promise<InstrumentPhotoView> {
  const org = instrumentOwnerOrg(actor);
  const mime = file.mime.split(';')[0]?.trim().toLowerCase() ?? '';
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  if ((mime !== 'image/png' && mime !== 'image/jpeg') || !EXTENSIONS[mime].includes(ext) || !contentMatches(mime, file.bytes)) {
    throw createError('UNSUPPORTED_MEDIA_TYPE', {
      message: '仪器照片仅支持 PNG、JPG，且文件内容须与类型、扩展名一致',
      messageEn: 'Instrument photos must be PNG or JPG files whose content matches their type and extension',
    });
  }
  const key = await saveUpload(file.bytes);
  const photo = await InstrumentPhotoModel.create({ org, key, mime, size: file.bytes.byteLength, uploadedBy: actor.id });
  await audit({ action: 'instrument.photo_upload', actor: actor.id, target: { kind: 'org', id: String(org) }, detail: { photo: String(photo._id), size: file.bytes.byteLength }, ip });
  return { id: String(photo._id), mime, size: file.bytes.byteLength };
}

/** The stored file of a photo the instrument shows; 404 when the instrument is not readable or does not show it. */
export async function openInstrumentPhoto(actor: ListingActor | null, id: string, photoId: string): Promise<{ path: string; mime: string }> {
  const r = await readableInstrument(actor, id);
  if (!r.photos.some((p) => String(p) === photoId)) {
    throw createError('NOT_FOUND');
  }
  const photo = await InstrumentPhotoModel.findOne({ _id: photoId, org: r.org }).lean();
  if (!photo) {
    throw createError('NOT_FOUND');
  }
  return { path: uploadPath(photo.key), mime: photo.mime };
}
