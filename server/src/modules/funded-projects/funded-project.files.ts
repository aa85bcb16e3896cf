/** Files of yearly reports in the listings' attachment store: type checked by content, added by the lead while the year's report is not accepted. */
import { createError } from '../../lib/errors';
import type { StoredFile } from '../../lib/send-file';
import { removeUpload, saveCheckedUpload, uploadPath } from '../listings/attachment.store';
import type { UserDoc } from '../users/user.model';
import { FundedProjectModel, type ProjectFileRecord } from './funded-project.model';
import { assertLead, projectStanding } from './funded-project.policy';
import { loadProject } from './funded-project.service';

const MAX_FILES = 60;

export async function addYearlyReportFile(user: UserDoc, id: string, year: number, file: { bytes: Uint8Array; name: string; mime: string }, now = new Date()): Promise<ProjectFileRecord> {
  const doc = await loadProject(id);
  assertLead(user, doc);
  const { key, mime, size } = await saveCheckedUpload(file);
  const meta: ProjectFileRecord = { key, year, name: file.name, size, mime, uploadedAt: now, uploadedBy: user._id };
  // Only to a filed report of that year that is not accepted yet.
  const res = await FundedProjectModel.updateOne(
    { _id: doc._id, yearlyReports: { $elemMatch: { year, state: { $in: ['submitted', 'returned'] } } }, [`files.${MAX_FILES - 1}`]: { $exists: false } },
    { $push: { files: meta } },
  );
  if (res.modifiedCount !== 1) {
    await removeUpload(key);
    throw createError('INVALID_STATE', { message: '请先提交该年度报告（已通过的报告不能再添加附件）', messageEn: 'File the year’s report first (an accepted report takes no more files)' });
  }
  return meta;
}

/** A file for whoever may read the project. */
export async function openProjectFile(user: UserDoc, id: string, key: string): Promise<StoredFile> {
  const doc = await loadProject(id);
  const file = projectStanding(user, doc) ? (doc.files ?? []).find((f) => f.key === key) : undefined;
  if (!file) {
    throw createError('NOT_FOUND');
  }
  return { path: uploadPath(file.key), name: file.name, mime: file.mime };
}
