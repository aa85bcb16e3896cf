/**
 * Files attached to listings, stored under <DATA_DIR>/uploads/<key> with a random key; the
 * listing document holds the metadata. The name the uploader gave is never part of a path.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES, type AttachmentMime } from '@kezhuan/shared';
import { env } from '../../config/env';
import { createError } from '../../lib/errors';

export function uploadsDir(): string {
  return join(env().dataDir, 'uploads');
}

/** Where the file of `key` lives; keys are validated as 32 hex characters before they get here. */
export function uploadPath(key: string): string {
  if (!/^[0-9a-f]{32}$/.test(key)) {
    throw new Error('invalid attachment key');
  }
  return join(uploadsDir(), key);
}

/** Writes the bytes under a new random key and returns the key. */
export async function saveUpload(bytes: Uint8Array): Promise<string> {
  const key = randomBytes(16).toString('hex');
  await mkdir(uploadsDir(), { recursive: true });
  await writeFile(uploadPath(key), bytes, { flag: 'wx' });
  return key;
}

export async function removeUpload(key: string): Promise<void> {
  await rm(uploadPath(key), { force: true });
}

const startsWith = (b: Buffer, magic: readonly number[]) => magic.every((v, i) => b[i] === v);

/**
 * True when the bytes look like the declared type (magic numbers), so a script renamed to .pdf
 * is refused. DOCX and XLSX are ZIP files holding a word/ or xl/ folder.
 */
export function contentMatches(mime: AttachmentMime, bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (mime) {
    case 'application/pdf':
      return b.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'image/png':
      return startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/jpeg':
      return startsWith(b, [0xff, 0xd8, 0xff]);
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return startsWith(b, [0x50, 0x4b, 0x03, 0x04]) && b.includes('word/');
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
      return startsWith(b, [0x50, 0x4b, 0x03, 0x04]) && b.includes('xl/');
  }
}

/**
 * The accepted type of an upload, or null: the declared type is one of ATTACHMENT_TYPES, the name's
 * extension belongs to it and the bytes look like it (an .exe renamed .pdf is refused).
 */
export function acceptedAttachment(file: { bytes: Uint8Array; name: string; mime: string }): AttachmentMime | null {
  const mime = file.mime.split(';')[0]?.trim().toLowerCase() ?? '';
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  if (!Object.hasOwn(ATTACHMENT_TYPES, mime)) {
    return null;
  }
  const known = mime as AttachmentMime;
  return (ATTACHMENT_TYPES[known] as readonly string[]).includes(ext) && contentMatches(known, file.bytes) ? known : null;
}

/** `acceptedAttachment`, or the 415 every upload answers for a file it refuses. */
export function checkedAttachmentType(file: { bytes: Uint8Array; name: string; mime: string }): AttachmentMime {
  const mime = acceptedAttachment(file);
  if (!mime) {
    throw createError('UNSUPPORTED_MEDIA_TYPE', {
      message: '仅支持 PDF、DOCX、XLSX、PNG、JPG 文件，且文件内容须与类型、扩展名一致',
      messageEn: 'Only PDF, DOCX, XLSX, PNG and JPG files whose content matches their type and extension',
    });
  }
  return mime;
}

/** Checks an upload's type and size (415, 413) and stores it: its key, type and size for the record. */
export async function saveCheckedUpload(file: { bytes: Uint8Array; name: string; mime: string }): Promise<{ key: string; mime: AttachmentMime; size: number }> {
  const mime = checkedAttachmentType(file);
  if (file.bytes.byteLength > ATTACHMENT_LIMITS.maxBytes) {
    throw createError('PAYLOAD_TOO_LARGE');
  }
  return { key: await saveUpload(file.bytes), mime, size: file.bytes.byteLength };
}
