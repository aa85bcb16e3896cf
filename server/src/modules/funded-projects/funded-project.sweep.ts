/**
 * The overdue sweep (run hourly by the workers, and directly by tests): milestones past due without
 * an accepted report are flagged on their project (`overdueCount`) and the organisation is told once
 * per milestone — the milestone is claimed (`overdueNotifiedAt`) before anyone is told, and the
 * notification key is per milestone, so reruns and concurrent sweeps do not notify twice.
 */
import { chinaToday } from '../programmes/programme.dates';
import { FundedProjectModel, type FundedProjectRecord } from './funded-project.model';
import { notifyOrgMembers } from './funded-project.notify';
import { isOverdue } from './funded-project.presenter';
import { overdueCandidatesQuery } from './funded-project.queries';
import { refreshProject } from './funded-project.service';

export interface OverdueMilestone {
  project: FundedProjectRecord;
  milestone: FundedProjectRecord['milestones'][number];
}

/** Every overdue milestone now, oldest due first (the administrator's overdue list). */
export async function overdueMilestones(now = new Date()): Promise<OverdueMilestone[]> {
  const today = chinaToday(now);
  const docs = await FundedProjectModel.find(overdueCandidatesQuery(today).filter).lean<FundedProjectRecord[]>();
  return docs
    .flatMap((project) => project.milestones.filter((m) => isOverdue(m, today)).map((milestone) => ({ project, milestone })))
    .sort((a, b) => a.milestone.dueDate.localeCompare(b.milestone.dueDate) || a.project.number.localeCompare(b.project.number));
}

/** Flags and notifies; returns how many milestones were newly notified. */
export async function sweepOverdueMilestones(now = new Date()): Promise<number> {
  let notified = 0;
  const touched = new Set<string>();
  for (const { project, milestone } of await overdueMilestones(now)) {
    touched.add(String(project._id));
    if (milestone.overdueNotifiedAt) {
      continue;
    }
    const claimed = await FundedProjectModel.updateOne(
      { _id: project._id, milestones: { $elemMatch: { _id: milestone._id, overdueNotifiedAt: null } } },
      { $set: { 'milestones.$.overdueNotifiedAt': now } },
    );
    if (claimed.modifiedCount !== 1) {
      continue;
    }
    notified += 1;
    await notifyOrgMembers(project.org, {
      kind: 'programme.project',
      key: `programme.overdue:${String(milestone._id)}`,
      title: `项目 ${project.number} 的里程碑“${milestone.name}”已逾期（应于 ${milestone.dueDate} 完成）`,
      titleEn: `Milestone "${milestone.name}" of project ${project.number} is overdue (due ${milestone.dueDate})`,
      body: '请尽快提交里程碑报告。',
      bodyEn: 'Please report on the milestone.',
      link: `/projects/${String(project._id)}`,
    });
  }
  for (const id of touched) {
    await refreshProject(id, now);
  }
  return notified;
}
