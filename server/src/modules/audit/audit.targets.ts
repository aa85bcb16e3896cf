import { Types } from 'mongoose';
import { TechNeedModel } from '../needs/need.model';
import { OrgModel } from '../orgs/org.model';
import { ResearchResultModel } from '../results/result.model';
import { UserModel } from '../users/user.model';

type Target = { kind?: string | null; id?: string | null } | null | undefined;

/**
 * What the audit log's targets are called (an organisation's name, a listing's title, a person's
 * display name), so the log reads as names and not as database ids: one query per kind of target.
 */
export async function targetNames(targets: readonly Target[]): Promise<Map<string, string>> {
  const ids: Record<string, Types.ObjectId[]> = { org: [], user: [], result: [], need: [] };
  for (const t of targets) {
    if (t?.kind && t.id && ids[t.kind] && Types.ObjectId.isValid(t.id)) {
      ids[t.kind]!.push(new Types.ObjectId(t.id));
    }
  }
  const names = new Map<string, string>();
  const put = (kind: string, rows: { _id: unknown; name?: string; title?: string; displayName?: string }[]) => {
    for (const r of rows) {
      names.set(`${kind}:${String(r._id)}`, r.name ?? r.title ?? r.displayName ?? '');
    }
  };
  const [orgs, users, results, needs] = await Promise.all([
    ids.org!.length ? OrgModel.find({ _id: { $in: ids.org } }, { name: 1 }).lean() : [],
    ids.user!.length ? UserModel.find({ _id: { $in: ids.user } }, { displayName: 1 }).lean() : [],
    ids.result!.length ? ResearchResultModel.find({ _id: { $in: ids.result } }, { title: 1 }).lean() : [],
    ids.need!.length ? TechNeedModel.find({ _id: { $in: ids.need } }, { title: 1 }).lean() : [],
  ]);
  put('org', orgs as never);
  put('user', users as never);
  put('result', results as never);
  put('need', needs as never);
  return names;
}
