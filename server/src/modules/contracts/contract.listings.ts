/**
 * The listings a contract is about: the room's listing always, and any of the two principals' own
 * listings a party adds. Discipline and industry for comparisons come from them (the room's listing
 * first; the listing the interest came through fills a need's missing discipline).
 */
import type { FieldError } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import type { DealRoomRecord } from '../deals/deal.model';
import { TechNeedModel } from '../needs/need.model';
import { ResearchResultModel } from '../results/result.model';
import type { ContractListingRef } from './contract.model';

interface ListingFacts {
  kind: 'result' | 'need';
  id: Types.ObjectId;
  title: string;
  org: Types.ObjectId;
  discipline: string | null;
  industry: string | null;
}

async function loadListings(refs: readonly { kind: 'result' | 'need'; id: string | Types.ObjectId }[]): Promise<Map<string, ListingFacts>> {
  const ids = (kind: 'result' | 'need') => refs.filter((r) => r.kind === kind).map((r) => r.id);
  const fields = { title: 1, org: 1, discipline: 1, industry: 1 };
  const [results, needs] = await Promise.all([
    ids('result').length ? ResearchResultModel.find({ _id: { $in: ids('result') } }, fields).lean() : [],
    ids('need').length ? TechNeedModel.find({ _id: { $in: ids('need') } }, fields).lean() : [],
  ]);
  const out = new Map<string, ListingFacts>();
  for (const [kind, docs] of [['result', results], ['need', needs]] as const) {
    for (const d of docs as unknown as (Omit<ListingFacts, 'kind'> & { _id: Types.ObjectId })[]) {
      out.set(`${kind}:${String(d._id)}`, { kind, id: d._id, title: d.title, org: d.org, discipline: d.discipline ?? null, industry: d.industry ?? null });
    }
  }
  return out;
}

/** The linked listings and the discipline and industry taken from them; 400 for a listing not of the principals. */
export async function linkListings(
  room: DealRoomRecord,
  extra: readonly { kind: 'result' | 'need'; id: string }[],
): Promise<{ listings: ContractListingRef[]; discipline: string | null; industry: string | null }> {
  const roomRefs = [room.listing, ...(room.via ? [room.via] : [])];
  const facts = await loadListings([...roomRefs, ...extra]);
  const principals = new Set([String(room.supplyOrg), String(room.demandOrg)]);
  const listings: ContractListingRef[] = [{ kind: room.listing.kind, id: room.listing.id, title: facts.get(`${room.listing.kind}:${String(room.listing.id)}`)?.title ?? room.listing.title }];
  const seen = new Set([`${room.listing.kind}:${String(room.listing.id)}`]);
  const fields: FieldError[] = [];
  extra.forEach((ref, i) => {
    const key = `${ref.kind}:${ref.id}`;
    const f = facts.get(key);
    if (!f || !principals.has(String(f.org))) {
      fields.push({ path: `body.listings.${i}`, code: 'custom', message: '只能关联本洽谈双方自己的成果或需求', messageEn: 'Only listings of the two principals can be linked' });
      return;
    }
    if (!seen.has(key)) {
      seen.add(key);
      listings.push({ kind: f.kind, id: f.id, title: f.title });
    }
  });
  if (fields.length) {
    throw createError('VALIDATION_FAILED', { fields });
  }
  const sources = [...roomRefs, ...listings.slice(1)].map((r) => facts.get(`${r.kind}:${String(r.id)}`)).filter((f): f is ListingFacts => f !== undefined);
  return {
    listings,
    discipline: sources.find((s) => s.discipline)?.discipline ?? null,
    industry: sources.find((s) => s.industry)?.industry ?? null,
  };
}
