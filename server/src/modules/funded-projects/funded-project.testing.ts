/** Test builders for funding decisions and funded projects (no shared fixtures). */
import type { Types } from 'mongoose';
import { ApplicationModel, type ApplicationRecord } from '../programmes/application.model';

let seq = 0;

/** An application that passed the formal check, stored directly (the check has its own test). */
export async function buildAcceptedApplication(
  call: { _id: Types.ObjectId },
  org: Types.ObjectId,
  owner: Types.ObjectId,
  o: { requested?: number; partners?: Types.ObjectId[]; status?: 'accepted' | 'under_review'; milestones?: ApplicationRecord['milestones']; results?: Types.ObjectId[] } = {},
): Promise<ApplicationRecord> {
  seq += 1;
  const doc = await ApplicationModel.create({
    call: call._id, org, owner, status: o.status ?? 'accepted', title: `测试项目${seq}`,
    description: '在长春建设百吨级中试线，完成工艺定型后建设生产线。',
    partners: o.partners ?? [],
    results: o.results ?? [],
    budget: [{ item: '设备购置', ownFunds: 500_000, requestedFunds: o.requested ?? 1_000_000 }],
    milestones: o.milestones ?? [
      { name: '完成中试', dueDate: '2030-06-30', kind: 'pilot', target: 1 },
      { name: '销售收入', dueDate: '2031-12-31', kind: 'revenue', target: 500 },
    ],
    submittedAt: new Date(),
  });
  return doc.toObject() as ApplicationRecord;
}
