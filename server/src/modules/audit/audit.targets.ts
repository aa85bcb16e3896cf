import { Types } from 'mongoose';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { DealRoomModel, type DealRoomRecord } from '../deals/deal.model';
import { TechNeedModel } from '../needs/need.model';
import { ServiceRequestModel } from '../service-requests/service-request.model';
import { PairingRunModel } from '../pairing/run.model';
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
  await pairingTargetNames(targets, names);
  await dealTargetNames(targets, names);
  return names;
}

/** A deal room reads "洽谈：listing title". */
async function dealTargetNames(targets: readonly Target[], names: Map<string, string>): Promise<void> {
  const ids = targets.filter((t) => t?.kind === 'deal' && t.id && Types.ObjectId.isValid(t.id)).map((t) => new Types.ObjectId(t!.id!));
  const rooms = ids.length ? await DealRoomModel.find({ _id: { $in: ids } }, { 'listing.title': 1 }).lean<Pick<DealRoomRecord, '_id' | 'listing'>[]>() : [];
  for (const r of rooms) {
    names.set(`deal:${String(r._id)}`, `洽谈：${r.listing.title}`);
  }
}

/** Pairing (双千) targets: a commissioner application reads "applicant（term）", a service request its title. */
async function pairingTargetNames(targets: readonly Target[], names: Map<string, string>): Promise<void> {
  const idsOf = (kind: string) => targets.filter((t) => t?.kind === kind && t.id && Types.ObjectId.isValid(t.id)).map((t) => new Types.ObjectId(t!.id!));
  const [applications, requests] = await Promise.all([
    idsOf('commissioner').length ? CommissionerModel.find({ _id: { $in: idsOf('commissioner') } }, { user: 1, term: 1 }).lean() : [],
    idsOf('service_request').length ? ServiceRequestModel.find({ _id: { $in: idsOf('service_request') } }, { title: 1 }).lean() : [],
  ]);
  const people = applications.length ? await UserModel.find({ _id: { $in: applications.map((a) => a.user) } }, { displayName: 1 }).lean() : [];
  const person = new Map(people.map((u) => [String(u._id), u.displayName]));
  for (const a of applications) {
    names.set(`commissioner:${String(a._id)}`, `${person.get(String(a.user)) ?? ''}（${a.term}）`);
  }
  for (const r of requests) {
    names.set(`service_request:${String(r._id)}`, r.title);
  }
  // Pairing runs read "term run of date" (a run has no name of its own).
  const runs = idsOf('pairing_run').length ? await PairingRunModel.find({ _id: { $in: idsOf('pairing_run') } }, { term: 1, startedAt: 1 }).lean() : [];
  for (const r of runs) {
    names.set(`pairing_run:${String(r._id)}`, `${r.term} 年度配对（${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC）`);
  }
}
