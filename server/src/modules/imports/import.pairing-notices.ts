/**
 * After a 双千 list is imported: every imported commissioner and request is audited (one entry
 * each, written in bulk), and the people concerned are told — each commissioner (approved, or
 * awaiting his organisation's endorsement, whose managers are told too), and the managers of each
 * enterprise a request was imported for.
 */
import { AuditModel } from '../audit/audit.model';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { notifyMany } from '../notifications/notification.bulk';
import { notify } from '../notifications/notification.service';
import { managersOf } from '../orgs/membership.service';
import { OrgModel } from '../orgs/org.model';
import { ServiceRequestModel } from '../service-requests/service-request.model';
import type { ImportJobRecord } from './import-job.model';

const LINK_ORG = '/commissioners/applications';

async function tellManagers(orgIds: Iterable<string>, text: (name: string) => { title: string; titleEn: string; link: string }, key: string): Promise<void> {
  for (const id of orgIds) {
    const org = await OrgModel.findById(id, { name: 1, createdBy: 1, verified: 1 }).lean();
    if (!org) {
      continue;
    }
    const words = text(org.name);
    for (const manager of await managersOf(org)) {
      await notify(manager, { kind: 'pairing.application', ...words, body: '', bodyEn: '', key: `${key}:${id}` });
    }
  }
}

/**
 * Audits and announces what a done import of commissioners or service requests wrote. Finding them
 * by `importJob` scans the collection once per import (no index: a few thousand records a term, and
 * an index would cost every write of the pairing flow).
 */
export async function announcePairingImport(job: ImportJobRecord): Promise<void> {
  const jobId = String(job._id);
  const actor = job.createdBy ?? null;
  if (job.kind === 'commissioners') {
    const rows = await CommissionerModel.find({ importJob: job._id }, { user: 1, org: 1, term: 1, status: 1 }).lean();
    await AuditModel.insertMany(
      rows.map((c) => ({ action: 'commissioner.import', actor, target: { kind: 'commissioner', id: String(c._id) }, detail: { term: c.term, job: jobId, approved: c.status === 'approved' }, ip: '', at: new Date() })),
    );
    // One bulk store for the whole list (thousands of rows a term), not one notify() per commissioner.
    await notifyMany(rows.map((c) => {
      const approved = c.status === 'approved';
      return { user: c.user, input: {
        kind: 'pairing.application' as const,
        title: approved ? `您已列入${c.term}年度科技特派员名单（管理员导入）` : `管理员为您导入了${c.term}年度科技特派员申请，等待所在单位确认推荐`,
        titleEn: approved ? `You are on the ${c.term} science commissioner list (imported by an administrator)` : `An administrator imported your ${c.term} commissioner application; it awaits your organisation's endorsement`,
        link: '/commissioners/applications',
        key: `import:${jobId}:commissioner:${String(c._id)}`,
      } };
    }));
    if (!job.publish) {
      const orgs = new Set(rows.map((c) => String(c.org)));
      await tellManagers(orgs, () => ({ title: '管理员导入了本单位人员的科技特派员申请，请确认推荐', titleEn: "An administrator imported commissioner applications of your organisation's staff: please endorse them", link: LINK_ORG }), `import:${jobId}`);
    }
    return;
  }
  if (job.kind === 'serviceRequests') {
    const rows = await ServiceRequestModel.find({ importJob: job._id }, { org: 1 }).lean();
    await AuditModel.insertMany(
      rows.map((r) => ({ action: 'service_request.import', actor, target: { kind: 'service_request', id: String(r._id) }, detail: { job: jobId, org: String(r.org) }, ip: '', at: new Date() })),
    );
    const counts = new Map<string, number>();
    for (const r of rows) {
      counts.set(String(r.org), (counts.get(String(r.org)) ?? 0) + 1);
    }
    const state = job.publish ? { zh: '，已进入配对池', en: ', open for the next pairing run' } : { zh: '（草稿，请核对后提交）', en: ' (drafts: check and open them)' };
    for (const [org, n] of counts) {
      await tellManagers(
        [org],
        () => ({ title: `管理员为贵企业导入了 ${n} 条服务需求${state.zh}`, titleEn: `An administrator imported ${n} service requests for your enterprise${state.en}`, link: '/me/service-requests' }),
        `import:${jobId}`,
      );
    }
  }
}

