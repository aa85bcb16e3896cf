/** Creating the funded project (立项项目) when an application is funded. */
import { PROJECT_NUMBER_PREFIXES } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { OrgModel } from '../orgs/org.model';
import type { ApplicationRecord } from '../programmes/application.model';
import type { CallRecord } from '../programmes/call.model';
import { chinaToday } from '../programmes/programme.dates';
import { ensureDoc } from '../../lib/ensure-doc';
import { FundedProjectModel, ProjectSequenceModel, type FundedProjectRecord } from './funded-project.model';

/** The next project number of a programme and year, e.g. JKZ-2014-017 (one atomic counter per prefix). */
export async function nextProjectNumber(call: Pick<CallRecord, 'programmeType' | 'year'>): Promise<string> {
  const prefix = `${PROJECT_NUMBER_PREFIXES[call.programmeType]}-${call.year}`;
  // Made by a plain insert, not an upsert (lib/ensure-doc.ts says why), then one atomic $inc.
  await ensureDoc(ProjectSequenceModel, { _id: prefix }, { _id: prefix, seq: 0 });
  const doc = await ProjectSequenceModel.findOneAndUpdate({ _id: prefix }, { $inc: { seq: 1 } }, { returnDocument: 'after' }).lean();
  return `${prefix}-${String(doc!.seq).padStart(3, '0')}`;
}

/** The project of a funded application: its org, partners, links and milestones copied; the period runs to the last milestone. */
export async function createFundedProject(app: ApplicationRecord, call: CallRecord, amount: number, now: Date): Promise<FundedProjectRecord> {
  const org = await OrgModel.findById(app.org, { city: 1 }).lean<{ city?: string }>();
  const from = chinaToday(now);
  const lastDue = app.milestones.map((m) => m.dueDate).sort().at(-1);
  const to = lastDue && lastDue > from ? lastDue : `${Number(from.slice(0, 4)) + 2}${from.slice(4)}`;
  const doc = await FundedProjectModel.create({
    number: await nextProjectNumber(call),
    application: app._id,
    call: call._id,
    programmeType: call.programmeType,
    year: call.year,
    title: app.title,
    org: app.org,
    partners: app.partners,
    orgs: [app.org, ...app.partners] as Types.ObjectId[],
    city: org?.city ?? null,
    amount,
    periodFrom: from,
    periodTo: to,
    milestones: app.milestones.map((m) => ({ name: m.name, kind: m.kind, dueDate: m.dueDate, target: m.target, state: 'pending' })),
    results: app.results,
    needs: app.needs,
  });
  return doc.toObject() as FundedProjectRecord;
}
