/** Creating and editing research results; lifecycle transitions are in ../listings. */
import { assessResultQuality, resultInput, toFieldErrors, type QualityAssessment, type ResultInput, type ResultUpdateInput } from '@kezhuan/shared';
import type { z } from 'zod';
import { createError } from '../../lib/errors';
import { historyEntry } from '../listings/lifecycle';
import { can, type ListingActor } from '../listings/listing.policy';
import { runEdit, withListing } from '../listings/listing.store';
import { ResearchResultModel, type ResearchResultRecord } from './result.model';

/** The stored content fields of a validated result input. */
export function resultContent(input: ResultInput) {
  return {
    title: input.title,
    summary: input.summary,
    keywords: input.keywords,
    discipline: input.discipline,
    industry: input.industry,
    maturity: input.maturity,
    trl: input.trl ?? null,
    ip: { items: (input.ip?.items ?? []).map((i) => ({ type: i.type, number: i.number ?? null, status: i.status })) },
    transferModes: input.transferModes,
    price: input.negotiable ? null : (input.price ?? null),
    negotiable: input.negotiable === true,
    city: input.city,
    team: (input.team ?? []).map((t) => ({ name: t.name, role: t.role ?? '' })),
    contact: input.contact,
    applications: input.applications ?? '',
    advantages: (input.advantages ?? []).map((a) => ({ metric: a.metric, value: a.value, unit: a.unit ?? '', baseline: a.baseline ?? null })),
  };
}

/** A stored result back in the shape of the API input (to re-validate it after an edit). */
export function resultAsInput(r: ResearchResultRecord): z.input<typeof resultInput> {
  return {
    title: r.title,
    summary: r.summary,
    keywords: r.keywords,
    discipline: r.discipline,
    industry: r.industry,
    maturity: r.maturity,
    trl: r.trl,
    ip: { items: r.ip.items.map((i) => ({ type: i.type, status: i.status, ...(i.number ? { number: i.number } : {}) })) },
    transferModes: r.transferModes,
    ...(r.negotiable ? { negotiable: true as const } : { price: r.price ?? 0 }),
    city: r.city,
    team: r.team.map((t) => ({ name: t.name, role: t.role })),
    contact: { name: r.contact.name, phone: r.contact.phone, email: r.contact.email },
    applications: r.applications,
    advantages: r.advantages.map((a) => ({ metric: a.metric, value: a.value, unit: a.unit, ...(a.baseline ? { baseline: a.baseline } : {}) })),
  };
}

/** The quality check of a stored result. */
export function resultQuality(r: ResearchResultRecord): QualityAssessment {
  return assessResultQuality({ ...r, price: r.negotiable ? null : r.price });
}

/** Creates a draft owned by the caller's organisation (researchers and commissioners). */
export async function createResult(input: ResultInput, actor: ListingActor, now = new Date()): Promise<ResearchResultRecord> {
  if (!actor.orgId || !can(actor, 'create', { kind: 'result' })) {
    throw createError('FORBIDDEN', { message: '只有高校、科研院所的科研人员和科技特派员可以发布科技成果', messageEn: 'Only researchers and science commissioners can list research results' });
  }
  const doc = await ResearchResultModel.create({
    ...resultContent(input),
    org: actor.orgId,
    owner: actor.id,
    status: 'draft',
    history: [historyEntry('create', null, 'draft', actor, now)],
    searchV: 1,
    searchDirty: true,
  });
  return doc.toObject();
}

/**
 * Edits a result: the edit is merged into the stored result and the whole is validated again
 * (price or 面议, TRL within the maturity). A published result goes back to review.
 */
export async function updateResult(id: string, patch: ResultUpdateInput, actor: ListingActor, now = new Date()): Promise<ResearchResultRecord> {
  return withListing(ResearchResultModel, 'result', id, actor, 'edit', now, async (doc) => {
    const merged: Record<string, unknown> = { ...resultAsInput(doc), ...patch };
    if ('price' in patch) {
      delete merged.negotiable;
    }
    if (patch.negotiable) {
      delete merged.price;
    }
    const parsed = resultInput.safeParse(merged);
    if (!parsed.success) {
      throw createError('VALIDATION_FAILED', { fields: toFieldErrors(parsed.error.issues, 'body') });
    }
    return runEdit(ResearchResultModel, doc, resultContent(parsed.data), actor, now);
  });
}
