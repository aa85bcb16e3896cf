/**
 * The 双千 demo's one confirmed pairing run of the current term (seedDemoPairing calls it once the
 * pool is stored, before the two 双千 demo accounts' own commissioner and requests, which stay
 * unpaired): the run service pairs the pool and confirm.service confirms it (both sides notified in
 * one bulk), then its pairings are dated a month back and given answers, agreements, log entries and
 * ratings so the programme dashboard and /shuangqian show served enterprises, active pairings, hours
 * and ratings by city, county and industry. Deterministic shares (mulberry32 over the pairings in
 * request order); written with bulk writes.
 */
import { pairingRunInput } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { mulberry32 } from '../lib/prng';
import { confirmRun } from '../modules/pairing/confirm.service';
import { PairingModel } from '../modules/pairing/pairing.model';
import { PairingRunModel } from '../modules/pairing/run.model';
import { runSettled, startRun } from '../modules/pairing/run.service';
import { ServiceAgreementModel, ServiceEntryModel } from '../modules/service-log/service.model';
import { UserModel } from '../modules/users/user.model';

/** Shares of the confirmed pairings: accepted by both sides; of those, with an agreement; of those, rated. */
export const DEMO_PAIRING_RUN = { seed: 1313, accepted: 0.6, commissionerOnly: 0.1, agreement: 0.7, rated: 0.3, confirmedDaysAgo: 30 } as const;

const DAY = 86_400_000;
const WORK = [
  { problems: '现场查看生产线，梳理工艺瓶颈与质量问题。', outcomes: '形成问题清单和改进建议，约定下次驻企时间。' },
  { problems: '针对关键工序开展工艺参数试验。', outcomes: '确定优化参数范围，试产合格率有所提升。' },
  { problems: '为企业技术人员开展专题培训。', outcomes: '培训技术骨干，留下操作规范与培训资料。' },
  { problems: '对接高校实验室开展样品检测分析。', outcomes: '出具检测报告，提出材料与配方调整方案。' },
] as const;
const COMMENTS = ['专家多次到厂指导，解决了实际问题。', '服务认真，响应及时。', '方案可行，后续还需跟进。', null] as const;

const day = (d: Date) => d.toISOString().slice(0, 10);

export interface DemoRunCounts {
  pairs: number;
  accepted: number;
  agreements: number;
  entries: number;
  ratings: number;
  confirmMs: number;
}

export async function seedDemoPairingRun(now: Date, term: number, adminId: Types.ObjectId | null): Promise<DemoRunCounts | null> {
  const admin = adminId ? await UserModel.findById(adminId) : null;
  if (!admin) {
    return null;
  }
  const started = await startRun(admin, pairingRunInput.parse({ term }), '');
  await runSettled(String(started._id));
  const t0 = performance.now();
  await confirmRun(admin, String(started._id), '');
  const confirmMs = performance.now() - t0;

  const rnd = mulberry32(DEMO_PAIRING_RUN.seed);
  const confirmedAt = new Date(now.getTime() - DEMO_PAIRING_RUN.confirmedDaysAgo * DAY);
  await PairingRunModel.updateOne({ _id: started._id }, { $set: { confirmedAt, startedAt: new Date(confirmedAt.getTime() - 3_600_000), finishedAt: new Date(confirmedAt.getTime() - 3_500_000) } });
  const pairs = (await PairingModel.find({ run: started._id, status: 'confirmed' }, { request: 1, org: 1, owner: 1, commissioner: 1, commissionerUser: 1 }).lean()).sort((a, b) => String(a.request).localeCompare(String(b.request)));
  const pairingOps: Parameters<typeof PairingModel.bulkWrite>[0] = [];
  const agreements: Record<string, unknown>[] = [];
  const entries: Record<string, unknown>[] = [];
  let accepted = 0;
  let ratings = 0;
  pairs.forEach((p, i) => {
    const roll = rnd();
    const cAt = new Date(confirmedAt.getTime() + (1 + (i % 3)) * DAY);
    const eAt = new Date(cAt.getTime() + DAY);
    const both = roll < DEMO_PAIRING_RUN.accepted;
    const set: Record<string, unknown> = { confirmedAt };
    if (both || roll < DEMO_PAIRING_RUN.accepted + DEMO_PAIRING_RUN.commissionerOnly) {
      set.commissionerAnswer = { accepted: true, reason: null, by: p.commissionerUser, at: cAt };
    }
    if (both) {
      accepted += 1;
      set.enterpriseAnswer = { accepted: true, reason: null, by: p.owner, at: eAt };
      set.status = 'accepted';
    }
    pairingOps.push({ updateOne: { filter: { _id: p._id }, update: { $set: set } } });
    if (!both || rnd() >= DEMO_PAIRING_RUN.agreement) {
      return;
    }
    const signed = new Date(eAt.getTime() + 2 * DAY);
    const rated = rnd() < DEMO_PAIRING_RUN.rated;
    const score = 3 + Math.floor(rnd() * 3);
    if (rated) {
      ratings += 1;
    }
    agreements.push({
      pairing: p._id, term, org: p.org, commissioner: p.commissioner, status: 'confirmed', goals: '诊断生产技术问题，提出改进方案并指导落地。',
      plannedVisits: 4 + Math.floor(rnd() * 5), plannedHours: 24 + 8 * Math.floor(rnd() * 5), startsOn: day(signed), endsOn: `${term}-12-31`,
      confirmedAt: signed, confirmedBy: p.owner, rating: rated ? { score, comment: COMMENTS[i % COMMENTS.length], by: p.owner, at: new Date(now.getTime() - DAY) } : null,
      createdAt: signed, updatedAt: signed,
    });
    const visits = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < visits; k++) {
      const at = new Date(signed.getTime() + (k + 1) * 6 * DAY);
      const last = k === visits - 1;
      // The newest entry of some pairings still awaits the enterprise's confirmation.
      const confirmed = !last || rnd() < 0.7;
      entries.push({
        pairing: p._id, term, by: p.commissionerUser, date: day(at), hours: 4 + Math.floor(rnd() * 5) * 2, visit: k % 3 !== 2, ...WORK[(i + k) % WORK.length],
        status: confirmed ? 'confirmed' : 'logged', reason: null, reviewedBy: confirmed ? p.owner : null, reviewedAt: confirmed ? new Date(at.getTime() + DAY) : null,
        createdAt: at, updatedAt: at,
      });
    }
  });
  if (pairingOps.length) {
    await PairingModel.bulkWrite(pairingOps, { ordered: false });
  }
  for (let k = 0; k < agreements.length; k += 500) {
    await ServiceAgreementModel.insertMany(agreements.slice(k, k + 500));
  }
  for (let k = 0; k < entries.length; k += 500) {
    await ServiceEntryModel.insertMany(entries.slice(k, k + 500));
  }
  return { pairs: pairs.length, accepted, agreements: agreements.length, entries: entries.length, ratings, confirmMs };
}
