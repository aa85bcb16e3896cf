/** A call's applications as an XLSX workbook for the programme office (one row per application). */
import { APPLICATION_STATUSES, MILESTONE_KINDS, budgetTotals } from '@kezhuan/shared';
import { excel } from '../../lib/excel';
import { OrgModel } from '../orgs/org.model';
import { ApplicationModel, type ApplicationRecord } from './application.model';
import type { CallRecord } from './call.model';
import { reviewFiguresByApplication } from './review.service';

const STATUS_ZH: Record<(typeof APPLICATION_STATUSES)[number], string> = {
  draft: '草稿', submitted: '已提交', returned: '已退回', accepted: '形式审查通过', under_review: '评审中', funded: '已立项', rejected: '未立项',
};

export async function applicationsWorkbook(call: CallRecord): Promise<Buffer> {
  const docs = await ApplicationModel.find({ call: call._id, status: { $in: APPLICATION_STATUSES.filter((s) => s !== 'draft') } })
    .sort({ status: 1, submittedAt: 1 })
    .lean<ApplicationRecord[]>();
  // The expert review's figures only (anonymity holds in files that travel).
  const figures = await reviewFiguresByApplication(call._id);
  const orgs = await OrgModel.find({ _id: { $in: docs.flatMap((d) => [d.org, ...d.partners]) } }, { name: 1, city: 1, type: 1 }).lean();
  const name = new Map(orgs.map((o) => [String(o._id), o.name]));
  const wb = new (excel().Workbook)();
  wb.creator = '科转 Kezhuan';
  const ws = wb.addWorksheet('申报书 Applications', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(['编号 ID', '项目名称 Title', '申报单位 Lead', '合作单位 Partners', '状态 Status', '提交时间 Submitted', '自筹(元) Own', '申请资助(元) Requested', '合计(元) Total', '考核节点 Milestones', '附件数 Files', '退回原因 Return reasons',
    '评审均分(加权) Mean weighted score', '已评审 Reviews done', '已分配 Reviews assigned', '分差(最高-最低) Spread']).font = { bold: true };
  for (const d of docs) {
    const t = budgetTotals(d.budget);
    const f = figures.get(String(d._id));
    ws.addRow([
      String(d._id), d.title, name.get(String(d.org)) ?? '', d.partners.map((p) => name.get(String(p)) ?? '').join('；'),
      STATUS_ZH[d.status], d.submittedAt?.toISOString().slice(0, 10) ?? '', t.own, t.requested, t.total,
      d.milestones.map((m) => `${MILESTONE_KINDS.find((k) => k.code === m.kind)?.zh ?? m.kind} ${m.dueDate} ${m.target}`).join('；'),
      d.attachments.length, d.returnReasons.map((r) => `${r.field}：${r.reason}`).join('；'),
      f?.mean ?? '', f?.done ?? 0, f?.assigned ?? 0, f?.spread ?? '',
    ]);
  }
  ws.columns.forEach((c, i) => {
    c.width = i === 1 ? 36 : 18;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
