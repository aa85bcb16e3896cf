import type { Response } from 'express';
import { createError } from './errors';

/** A stored file as the download routes answer it: its path on disk, original name and type. */
export interface StoredFile {
  path: string;
  name: string;
  mime: string;
}

/**
 * Sends a private stored file as a download (attachments, evidence, deal files, delivered reports):
 * its original name in Content-Disposition, its checked type, never cached by shared caches. A file
 * missing on disk is a 404; an aborted download needs no answer.
 */
export function sendStoredFile(res: Response, file: StoredFile): Promise<void> {
  res.attachment(file.name);
  res.type(file.mime);
  res.set('Cache-Control', 'private, no-store');
  return new Promise<void>((resolve, reject) => {
    res.sendFile(file.path, (err) => {
      if (err && !res.headersSent) {
        reject(createError('NOT_FOUND'));
      } else {
        resolve();
      }
    });
  });
}
