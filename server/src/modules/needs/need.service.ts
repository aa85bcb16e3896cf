/** Creating and editing technology needs; lifecycle transitions are in ../listings. */
import { assessNeedQuality, chinaToday, needInput, toFieldErrors, type NeedInput, type NeedUpdateInput, type QualityAssessment } from '@kezhuan/shared';
import type { z } from 'zod';
import { createError } from '../../lib/errors';
import { historyEntry } from '../listings/lifecycle';
import { can, type ListingActor } from '../listings/listing.policy';
import { runEdit, withListing } from '../listings/listing.store';
import { TechNeedModel, type TechNeedRecord } from './need.model';

/** YYYY-MM-DD → the start of that day in China (UTC+8). */
export function chinaDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** The stored content fields of a validated need input. */
export function needContent(input: NeedInput) {
  return {
    title: input.title,
    problem: input.problem,
    desiredOutcome: input.desiredOutcome,
    keywords: input.keywords,
    industry: input.industry,
    discipline: input.discipline ?? null,
    budgetMin: input.negotiable ? null : (input.budgetMin ?? null),
    budgetMax: input.negotiable ? null : (input.budgetMax ?? null),
    negotiable: input.negotiable === true,
    deadline: input.deadline ? chinaDayStart(input.deadline) : null,
    cooperationModes: input.cooperationModes,
    city: input.city,
    county: input.county ?? null,
    confidentiality: input.confidentiality,
    contact: input.contact,
  };
}

/** A stored need back in the shape of the API input (to re-validate it after an edit). */
export function needAsInput(n: TechNeedRecord): z.input<typeof needInput> {
  return {
    title: n.title,
    problem: n.problem,
    desiredOutcome: n.desiredOutcome,
    keywords: n.keywords,
    industry: n.industry,
    discipline: n.discipline,
    ...(n.negotiable ? { negotiable: true as const } : { budgetMin: n.budgetMin, budgetMax: n.budgetMax }),
    deadline: n.deadline ? chinaToday(n.deadline) : null,
    cooperationModes: n.cooperationModes,
    city: n.city,
    county: n.county,
    confidentiality: n.confidentiality,
    contact: { name: n.contact.name, phone: n.contact.phone, email: n.contact.email },
  };
}

export function needQuality(n: TechNeedRecord): QualityAssessment {
  return assessNeedQuality({ ...n, deadline: n.deadline ? chinaToday(n.deadline) : null });
}

/** Creates a draft owned by the caller's enterprise. */
export async function createNeed(input: NeedInput, actor: ListingActor, now = new Date()): Promise<TechNeedRecord> {
  if (!actor.orgId || !can(actor, 'create', { kind: 'need' })) {
    throw createError('FORBIDDEN', { message: '只有企业用户可以发布技术需求', messageEn: 'Only enterprise users can post technology needs' });
  }
  const doc = await TechNeedModel.create({
    ...needContent(input),
    org: actor.orgId,
    owner: actor.id,
    status: 'draft',
    history: [historyEntry('create', null, 'draft', actor, now)],
    searchV: 1,
    searchDirty: true,
  });
  return doc.toObject();
}

/** Edits a need, re-validating the whole (budget or 面议); a published need goes back to review. */
export async function updateNeed(id: string, patch: NeedUpdateInput, actor: ListingActor, now = new Date()): Promise<TechNeedRecord> {
  return withListing(TechNeedModel, 'need', id, actor, 'edit', now, async (doc) => {
    const merged: Record<string, unknown> = { ...needAsInput(doc), ...patch };
    if ('budgetMin' in patch || 'budgetMax' in patch) {
      delete merged.negotiable;
    }
    if (patch.negotiable) {
      delete merged.budgetMin;
      delete merged.budgetMax;
    }
    const parsed = needInput.safeParse(merged);
    if (!parsed.success) {
      throw createError('VALIDATION_FAILED', { fields: toFieldErrors(parsed.error.issues, 'body') });
    }
    return runEdit(TechNeedModel, doc, needContent(parsed.data), actor, now);
  });
}
