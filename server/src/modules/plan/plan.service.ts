/** Plans and administrators' manual entries: create, list, enter, correct (history kept), remove; all audited. */
import type { PlanEntryInput, PlanEntryUpdate, PlanInput, PlanListView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { PlanEntryModel, PlanModel, type PlanEntryRecord, type PlanRecord } from './plan.model';
import { presentPlanSummary } from './plan.presenter';
import { planByCodeQuery, plansQuery } from './plan.queries';

const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;
type Actor = { _id: Types.ObjectId };

export async function listPlans(): Promise<PlanListView> {
  const q = plansQuery();
  const plans = await PlanModel.find(q.filter).sort(q.sort).lean<PlanRecord[]>();
  return { items: plans.map(presentPlanSummary) };
}

export async function loadPlan(code: string): Promise<PlanRecord> {
  const plan = await PlanModel.findOne(planByCodeQuery(code).filter).lean<PlanRecord>();
  if (!plan) {
    throw createError('NOT_FOUND');
  }
  return plan;
}

/** Adds a plan with its targets (a later plan, or the seed's). 409 when the code is taken. */
export async function createPlan(user: Actor | null, input: PlanInput, ip = ''): Promise<PlanRecord> {
  try {
    const doc = await PlanModel.create({ ...input, createdBy: user?._id ?? null });
    if (user) {
      await audit({ action: 'plan.create', actor: user._id, target: { kind: 'plan', id: input.code }, detail: { targets: input.targets.length }, ip });
    }
    return doc.toObject() as PlanRecord;
  } catch (err) {
    if (isDuplicate(err)) {
      throw createError('CONFLICT', { message: `规划代码 ${input.code} 已存在`, messageEn: `Plan ${input.code} exists already` });
    }
    throw err;
  }
}

function checkCell(plan: PlanRecord, target: string, year: number): void {
  if (!plan.targets.some((t) => t.key === target)) {
    throw createError('VALIDATION_FAILED', { fields: [{ path: 'body.target', code: 'plan_target', message: '该规划没有这项指标', messageEn: 'The plan has no such target' }] });
  }
  if (year < plan.startYear || year > plan.endYear) {
    throw createError('VALIDATION_FAILED', {
      fields: [{ path: 'body.year', code: 'plan_year', message: `年份须在 ${plan.startYear}–${plan.endYear} 之间`, messageEn: `The year lies within ${plan.startYear}–${plan.endYear}` }],
    });
  }
}

/** Records a count for one (target, city, year) of the plan; one entry per cell (409: correct it instead). */
export async function createEntry(user: Actor, code: string, input: PlanEntryInput, ip = ''): Promise<PlanEntryRecord> {
  const plan = await loadPlan(code);
  checkCell(plan, input.target, input.year);
  try {
    const doc = await PlanEntryModel.create({ plan: code, ...input, createdBy: user._id, updatedBy: user._id });
    await audit({ action: 'plan.entry_create', actor: user._id, target: { kind: 'plan', id: code }, detail: { entry: String(doc._id), ...input }, ip });
    return doc.toObject() as PlanEntryRecord;
  } catch (err) {
    if (isDuplicate(err)) {
      throw createError('CONFLICT', {
        message: '该指标在此市州、年份已有录入，请修改原记录',
        messageEn: 'This target already has an entry for that city and year; correct it instead',
      });
    }
    throw err;
  }
}

/** Corrects an entry: the previous figures go to its history with who, when and why. */
export async function updateEntry(user: Actor, code: string, id: string, input: PlanEntryUpdate, ip = '', now = new Date()): Promise<PlanEntryRecord> {
  const old = await PlanEntryModel.findOne({ _id: id, plan: code }).lean<PlanEntryRecord>();
  if (!old) {
    throw createError('NOT_FOUND');
  }
  const previous = { at: old.updatedAt, by: old.updatedBy, count: old.count, evidence: old.evidence, evidenceUrl: old.evidenceUrl, reason: input.reason };
  const updated = await PlanEntryModel.findOneAndUpdate(
    { _id: old._id, updatedAt: old.updatedAt },
    { $set: { count: input.count, evidence: input.evidence, evidenceUrl: input.evidenceUrl, updatedBy: user._id, updatedAt: now }, $push: { history: previous } },
    { returnDocument: 'after', timestamps: false },
  ).lean<PlanEntryRecord>();
  if (!updated) {
    throw createError('CONFLICT', { message: '记录已被他人修改，请刷新后重试', messageEn: 'Someone changed the entry meanwhile; reload and retry' });
  }
  await audit({ action: 'plan.entry_update', actor: user._id, target: { kind: 'plan', id: code }, detail: { entry: id, from: old.count, to: input.count, reason: input.reason }, ip });
  return updated;
}

export async function deleteEntry(user: Actor, code: string, id: string, ip = ''): Promise<void> {
  const old = await PlanEntryModel.findOneAndDelete({ _id: id, plan: code }).lean<PlanEntryRecord>();
  if (!old) {
    throw createError('NOT_FOUND');
  }
  await audit({
    action: 'plan.entry_delete', actor: user._id, target: { kind: 'plan', id: code },
    detail: { entry: id, target: old.target, city: old.city, year: old.year, count: old.count, evidence: old.evidence }, ip,
  });
}
