/**
 * The facts fit scoring needs about a result, a need or a deal room, read under the platform's
 * rules: a listing the caller may read (else 404), a room the caller is in (else 404; an
 * administrator's read audited by the room's policy).
 */
import type { FinancingSubjectKind } from '@kezhuan/shared';
import type { Request } from 'express';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { ContractModel } from '../contracts/contract.model';
import { loadDealRoom } from '../deals/deal.policy';
import type { ListingActor } from '../listings/listing.policy';
import { findReadable } from '../listings/listing.store';
import { TechNeedModel, type TechNeedRecord } from '../needs/need.model';
import { OrgModel } from '../orgs/org.model';
import { ResearchResultModel, type ResearchResultRecord } from '../results/result.model';
import type { FitSubject } from './financing.fit';

const PATENTS = new Set(['invention', 'utility', 'design']);

export interface LoadedSubject {
  facts: FitSubject;
  title: string;
  /** The organisations on the subject's side (a result's or a need's org; a room's parties). */
  orgs: Types.ObjectId[];
}

async function cityOf(org: Types.ObjectId): Promise<string[]> {
  const o = await OrgModel.findById(org, { city: 1 }).lean();
  return o ? [o.city] : [];
}

const grantedPatents = (r: ResearchResultRecord) => r.ip.items.filter((i) => PATENTS.has(i.type) && i.status === 'granted').length;

function resultFacts(r: ResearchResultRecord, orgCities: string[]): FitSubject {
  return {
    kind: 'result', maturity: r.maturity, industry: r.industry, cities: [...new Set([...orgCities, r.city])],
    grantedPatents: grantedPatents(r), amount: r.price, stage: null,
  };
}

function needFacts(n: TechNeedRecord): FitSubject {
  return { kind: 'need', maturity: null, industry: n.industry, cities: [n.city], grantedPatents: null, amount: n.budgetMax ?? n.budgetMin, stage: null };
}

/** The subject's facts and title, or 404 when the caller may not see it. */
export async function loadSubject(kind: FinancingSubjectKind, id: string, actor: ListingActor | null, req: Request): Promise<LoadedSubject> {
  const now = new Date();
  switch (kind) {
    case 'result': {
      const r = await findReadable(ResearchResultModel, 'result', id, actor, now);
      return { facts: resultFacts(r, await cityOf(r.org)), title: r.title, orgs: [r.org] };
    }
    case 'need': {
      const n = await findReadable(TechNeedModel, 'need', id, actor, now);
      return { facts: needFacts(n), title: n.title, orgs: [n.org] };
    }
    case 'deal': {
      if (!req.user) {
        throw createError('NOT_FOUND');
      }
      const { room } = await loadDealRoom(req.user, id, { write: false, ip: req.ip ?? '' });
      const [contract, orgs, result, need] = await Promise.all([
        ContractModel.findOne({ deal: room._id }, { amount: 1 }).lean(),
        OrgModel.find({ _id: { $in: room.orgs } }, { city: 1 }).lean(),
        room.listing.kind === 'result' ? ResearchResultModel.findById(room.listing.id).lean<ResearchResultRecord>() : null,
        room.listing.kind === 'need' ? TechNeedModel.findById(room.listing.id).lean<TechNeedRecord>() : null,
      ]);
      const base = result ? resultFacts(result, []) : need ? needFacts(need) : null;
      const facts: FitSubject = {
        kind: 'deal',
        maturity: base?.maturity ?? null,
        industry: base?.industry ?? null,
        cities: [...new Set(orgs.map((o) => o.city))],
        grantedPatents: base?.grantedPatents ?? null,
        amount: contract?.amount ?? base?.amount ?? null,
        stage: room.stage,
      };
      return { facts, title: room.listing.title, orgs: [room.supplyOrg, room.demandOrg] };
    }
  }
}
