/**
 * Opening a deal room: from "interested" on a recommended pair (the interest flow calls
 * `openDealFromInterest`), or by an intermediary introducing a listing's organisation to another
 * organisation (a room with all three). Opening returns the open room of the same listing and pair
 * of organisations when there is one (deal.pairing.ts opens one from a commissioner pairing); an introduction into such a room brings the intermediary in.
 */
import type { DealIntroductionInput, DealOrigin, DealParty } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { effectiveStatus } from '../listings/lifecycle';
import type { ListingActor } from '../listings/listing.policy';
import { findReadable } from '../listings/listing.store';
import { TechNeedModel } from '../needs/need.model';
import { OrgModel } from '../orgs/org.model';
import { ResearchResultModel } from '../results/result.model';
import { DealRoomModel, type DealListingRef, type DealRoomRecord } from './deal.model';
import { tellDealParties } from './deal.notify';

interface OpenSpec {
  origin: DealOrigin;
  listing: DealListingRef;
  via?: DealListingRef | null;
  supplyOrg: Types.ObjectId;
  demandOrg: Types.ObjectId;
  intermediaryOrg?: Types.ObjectId | null;
  pairing?: Types.ObjectId | null;
  opener: { user: Types.ObjectId; party: DealParty };
  note?: string | null;
  ip: string;
}

/** The key of the one open room per listing and pair of organisations. */
export function openKeyOf(listing: DealListingRef, supplyOrg: Types.ObjectId, demandOrg: Types.ObjectId): string {
  return `${listing.kind}:${String(listing.id)}:${String(supplyOrg)}:${String(demandOrg)}`;
}

/** The open room for the spec's listing and pair, else a new one; null between an organisation and itself. */
export async function openDealRoom(spec: OpenSpec): Promise<{ room: DealRoomRecord; created: boolean } | null> {
  if (spec.supplyOrg.equals(spec.demandOrg)) {
    return null;
  }
  const openKey = openKeyOf(spec.listing, spec.supplyOrg, spec.demandOrg);
  const existing = await DealRoomModel.findOne({ openKey }).lean<DealRoomRecord>();
  if (existing) {
    return { room: await bringIntermediary(existing, spec), created: false };
  }
  const at = new Date();
  const orgs = [spec.supplyOrg, spec.demandOrg, ...(spec.intermediaryOrg ? [spec.intermediaryOrg] : [])];
  let room: DealRoomRecord;
  try {
    room = (
      await DealRoomModel.create({
        stage: 'interest', origin: spec.origin, listing: spec.listing, via: spec.via ?? null, pairing: spec.pairing ?? null,
        supplyOrg: spec.supplyOrg, demandOrg: spec.demandOrg, intermediaryOrg: spec.intermediaryOrg ?? null, orgs,
        openedBy: spec.opener.party, openKey, contacts: [spec.opener.user],
        history: [{ kind: 'open', from: null, to: 'interest', party: spec.opener.party, by: spec.opener.user, at, reason: null, note: spec.note ?? null }],
      })
    ).toObject() as DealRoomRecord;
  } catch (err) {
    // Two openings at once: the other one stored the room first.
    if ((err as { code?: number }).code === 11000) {
      const raced = await DealRoomModel.findOne({ openKey }).lean<DealRoomRecord>();
      if (raced) {
        return { room: raced, created: false };
      }
    }
    throw err;
  }
  await audit({
    action: spec.origin === 'introduction' ? 'deal.introduce' : 'deal.open', actor: spec.opener.user,
    target: { kind: 'deal', id: String(room._id) }, detail: { origin: spec.origin, listing: String(spec.listing.id) }, ip: spec.ip,
  });
  await tellDealParties(room, spec.opener.party, 'deal.opened', 'opened', {
    title: `新的洽谈：“${spec.listing.title}”`, titleEn: `New deal room: "${spec.listing.title}"`,
    body: spec.origin === 'introduction' ? '中介机构为您引荐了合作方' : '对方对此表达了合作意向', bodyEn: spec.origin === 'introduction' ? 'An intermediary introduced a partner to you' : 'The other side is interested in working together',
  });
  return { room, created: true };
}

/** An introduction into an open room without an intermediary brings the intermediary in (recorded). */
async function bringIntermediary(room: DealRoomRecord, spec: OpenSpec): Promise<DealRoomRecord> {
  if (!spec.intermediaryOrg || room.intermediaryOrg) {
    return room;
  }
  const entry = { kind: 'invite', from: room.stage, to: room.stage, party: 'intermediary', by: spec.opener.user, at: new Date(), reason: null, note: spec.note ?? null };
  const updated = await DealRoomModel.findOneAndUpdate(
    { _id: room._id, intermediaryOrg: null },
    { $set: { intermediaryOrg: spec.intermediaryOrg }, $addToSet: { orgs: spec.intermediaryOrg, contacts: spec.opener.user }, $push: { history: entry } },
    { returnDocument: 'after' },
  ).lean<DealRoomRecord>();
  return updated ?? room;
}

const ref = (kind: 'result' | 'need', doc: { _id: Types.ObjectId; title: string }): DealListingRef => ({ kind, id: doc._id, title: doc.title });

/**
 * "Interested" on a recommended pair, already allowed by the match policy: the room is about the
 * listing judged (`about`), offered through the actor's own listing; supply is the result's
 * organisation and demand the need's.
 */
export async function openDealFromInterest(
  actor: ListingActor,
  need: { _id: Types.ObjectId; title: string; org: Types.ObjectId },
  result: { _id: Types.ObjectId; title: string; org: Types.ObjectId },
  about: 'need' | 'result',
): Promise<DealRoomRecord | null> {
  const opened = await openDealRoom({
    origin: 'interest',
    listing: about === 'result' ? ref('result', result) : ref('need', need),
    via: about === 'result' ? ref('need', need) : ref('result', result),
    supplyOrg: result.org, demandOrg: need.org,
    opener: { user: actor.id as Types.ObjectId, party: about === 'result' ? 'demand' : 'supply' },
    ip: '',
  });
  return opened?.room ?? null;
}

const refuse = (message: string, messageEn: string) => createError('FORBIDDEN', { message, messageEn });

/**
 * An approved member of an intermediary organisation introduces a published listing's organisation
 * to another organisation: a room with all three, opened by the intermediary.
 */
export async function introduce(actor: ListingActor, input: DealIntroductionInput, ip: string): Promise<{ room: DealRoomRecord; created: boolean }> {
  if (actor.role === 'admin' || !actor.orgRole || !actor.orgId || actor.org?.type !== 'intermediary') {
    throw refuse('只有中介机构的成员可以引荐合作方', 'Only members of an intermediary organisation can introduce parties');
  }
  const now = new Date();
  const model = (input.listingKind === 'result' ? ResearchResultModel : TechNeedModel) as typeof TechNeedModel;
  const listing = await findReadable(model, input.listingKind, input.listingId, actor, now);
  if (effectiveStatus(listing, now) !== 'published') {
    throw createError('INVALID_STATE', { message: '只能为已发布的成果或需求引荐合作方', messageEn: 'Parties can be introduced only for a published result or need' });
  }
  const counterpart = await OrgModel.findById(input.counterpartOrg, { _id: 1, type: 1 }).lean();
  const mine = actor.orgId;
  const field = (message: string, messageEn: string) =>
    createError('VALIDATION_FAILED', { fields: [{ path: 'body.counterpartOrg', code: 'counterpart', message, messageEn }] });
  if (!counterpart) {
    throw field('该机构不存在', 'No such organisation');
  }
  if (counterpart._id.equals(listing.org) || String(counterpart._id) === mine || counterpart.type === 'intermediary') {
    throw field('请选择发布方和本机构以外的非中介机构', 'Choose an organisation other than the listing’s and your own, not an intermediary');
  }
  if (String(listing.org) === mine) {
    throw refuse('不能为本机构的发布引荐合作方', 'You cannot introduce parties to your own organisation’s listing');
  }
  const isResult = input.listingKind === 'result';
  const opened = await openDealRoom({
    origin: 'introduction',
    listing: ref(input.listingKind, listing),
    supplyOrg: isResult ? listing.org : counterpart._id,
    demandOrg: isResult ? counterpart._id : listing.org,
    intermediaryOrg: new Types.ObjectId(mine),
    opener: { user: actor.id as Types.ObjectId, party: 'intermediary' },
    note: input.note ?? null,
    ip,
  });
  if (!opened) {
    throw field('请选择发布方以外的机构', 'Choose an organisation other than the listing’s');
  }
  if (String(opened.room.intermediaryOrg) !== mine) {
    // The pair already talks about this listing with another intermediary: nothing of that room is shown.
    throw createError('CONFLICT', { message: '双方已在另一家中介机构参与的洽谈中', messageEn: 'The two parties are already in a deal room with another intermediary' });
  }
  return opened;
}
