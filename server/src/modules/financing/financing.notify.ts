import type { Types } from 'mongoose';
import { notify } from '../notifications/notification.service';
import { approvedMemberFilter } from '../orgs/membership.rules';
import { UserModel } from '../users/user.model';

/** Notifies an organisation's approved members (at most 20, managers first) once per `key`. */
export async function tellOrg(org: Types.ObjectId, key: string, link: string, text: { title: string; titleEn: string; body?: string | undefined; bodyEn?: string | undefined }): Promise<void> {
  const people = await UserModel.find({ ...approvedMemberFilter(org), role: { $ne: 'admin' } }, { _id: 1 }).sort({ orgRole: 1, _id: 1 }).limit(20).lean();
  for (const u of people) {
    await notify(u._id, {
      kind: 'financing', key: `financing:${key}`, link, title: text.title, titleEn: text.titleEn,
      ...(text.body ? { body: text.body, bodyEn: text.bodyEn ?? text.body } : {}),
    });
  }
}
