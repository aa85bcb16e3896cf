/**
 * A deal room's contract: read by its participants (administrators audited), recorded and changed by
 * any party from 签约 on until it is registered, then registered once. Every change is kept in the
 * contract's history, audited and announced to the room.
 */
import { CONTRACT_STAGES, type ContractRegistrationInput, type DealContractView, type DealParty, type DealStage, type contractInput } from '@kezhuan/shared';
import type { z } from 'zod';
import { createError } from '../../lib/errors';
import type { QuerySpec } from '../../lib/query-spec';
import { audit } from '../audit/audit.service';
import { publishDealUpdate } from '../deals/deal.events';
import type { DealRoomRecord } from '../deals/deal.model';
import { loadDealRoom, type DealUser } from '../deals/deal.policy';
import { OrgModel } from '../orgs/org.model';
import { ContractModel, type ContractRecord } from './contract.model';
import { linkListings } from './contract.listings';
import { presentContract } from './contract.presenter';

type ContractInput = z.output<typeof contractInput>;

/** A room's contract → {deal} unique. */
export function contractOfDealQuery(dealId: DealRoomRecord['_id'] | string): QuerySpec {
  return { filter: { deal: dealId } };
}

const inContractStage = (stage: DealStage) => (CONTRACT_STAGES as readonly DealStage[]).includes(stage);

function view(room: DealRoomRecord, party: DealParty | null, contract: ContractRecord | null): Promise<DealContractView> | DealContractView {
  const open = party !== null && inContractStage(room.stage) && !contract?.registration;
  const base = { stage: room.stage, canEdit: open, canRegister: open && contract !== null };
  return contract ? presentContract(contract, room).then((c) => ({ ...base, contract: c })) : { ...base, contract: null };
}

async function findContract(room: DealRoomRecord): Promise<ContractRecord | null> {
  return ContractModel.findOne(contractOfDealQuery(room._id).filter).lean<ContractRecord>();
}

export async function dealContract(user: DealUser, id: string, ip: string): Promise<DealContractView> {
  const { room, party } = await loadDealRoom(user, id, { write: false, ip });
  return view(room, party, await findContract(room));
}

function refuseUnlessContractStage(room: DealRoomRecord): void {
  if (!inContractStage(room.stage)) {
    throw createError('INVALID_STATE', { message: '洽谈进入签约阶段后才能登记合同', messageEn: 'A contract is recorded once the deal is at signing or later' });
  }
}

const REGISTERED = () => createError('INVALID_STATE', { message: '合同已认定登记，不能再修改', messageEn: 'The contract is registered and can no longer be changed' });

/** The fields of `next` that differ from the stored contract. */
function changedFields(c: ContractRecord, next: Omit<ContractRecord, '_id' | 'deal' | 'history' | 'registration' | 'createdAt' | 'updatedAt'>): string[] {
  const out: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (c.type !== next.type) {
    out.push('type');
  }
  if (c.amount !== next.amount) {
    out.push('amount');
  }
  if (c.payment.kind !== next.payment.kind || c.payment.text !== next.payment.text) {
    out.push('payment');
  }
  if (c.signedOn !== next.signedOn) {
    out.push('signedOn');
  }
  if (!same(c.listings.map((l) => `${l.kind}:${String(l.id)}`), next.listings.map((l) => `${l.kind}:${String(l.id)}`))) {
    out.push('listings');
  }
  return out;
}

/** Records the room's contract, or changes it while it is not registered. */
export async function recordContract(user: DealUser, id: string, input: ContractInput, ip: string): Promise<DealContractView> {
  const { room, party } = await loadDealRoom(user, id, { write: true, ip });
  refuseUnlessContractStage(room);
  const existing = await findContract(room);
  if (existing?.registration) {
    throw REGISTERED();
  }
  const linked = await linkListings(room, input.listings);
  const demand = await OrgModel.findById(room.demandOrg, { city: 1 }).lean();
  const fields = {
    type: input.type,
    amount: input.amount,
    payment: { kind: input.payment.kind, text: input.payment.text },
    signedOn: input.signedOn,
    supplyOrg: room.supplyOrg,
    demandOrg: room.demandOrg,
    intermediaryOrg: room.intermediaryOrg,
    ...linked,
    city: demand?.city ?? null,
  };
  const at = new Date();
  let saved: ContractRecord | null;
  let changed: string[];
  if (!existing) {
    changed = ['type', 'amount', 'payment', 'signedOn', 'listings'];
    try {
      saved = (await ContractModel.create({ deal: room._id, ...fields, history: [{ kind: 'record', by: user._id, party, at, fields: changed }] })).toObject() as unknown as ContractRecord;
    } catch (e) {
      if ((e as { code?: number }).code === 11000) {
        throw createError('CONFLICT', { message: '对方刚刚登记了合同，请刷新后再修改', messageEn: 'The other side recorded the contract meanwhile; reload and edit it' });
      }
      throw e;
    }
  } else {
    changed = changedFields(existing, fields);
    if (changed.length === 0) {
      return view(room, party, existing);
    }
    saved = await ContractModel.findOneAndUpdate(
      { _id: existing._id, registration: null, updatedAt: existing.updatedAt },
      { $set: fields, $push: { history: { kind: 'update', by: user._id, party, at, fields: changed } } },
      { returnDocument: 'after' },
    ).lean<ContractRecord>();
    if (!saved) {
      throw createError('CONFLICT', { message: '合同刚刚被修改或登记，请刷新后重试', messageEn: 'The contract changed meanwhile; reload and try again' });
    }
  }
  await audit({
    action: existing ? 'deal.contract_update' : 'deal.contract_record', actor: user._id, target: { kind: 'deal', id: String(room._id) },
    detail: { fields: changed, type: fields.type, amount: fields.amount }, ip,
  });
  publishDealUpdate(String(room._id), 'contract');
  return view(room, party, saved);
}

/** Records the contract's registration (技术合同认定登记): once, after the contract is recorded. */
export async function registerContract(user: DealUser, id: string, input: ContractRegistrationInput, ip: string): Promise<DealContractView> {
  const { room, party } = await loadDealRoom(user, id, { write: true, ip });
  refuseUnlessContractStage(room);
  const existing = await findContract(room);
  if (!existing) {
    throw createError('INVALID_STATE', { message: '请先登记合同信息，再办理认定登记', messageEn: 'Record the contract before its registration' });
  }
  if (existing.registration) {
    throw REGISTERED();
  }
  if (input.registeredOn < existing.signedOn) {
    throw createError('VALIDATION_FAILED', {
      fields: [{ path: 'body.registeredOn', code: 'custom', message: '登记日期不能早于签订日期', messageEn: 'The registration cannot precede the signing' }],
    });
  }
  const at = new Date();
  const saved = await ContractModel.findOneAndUpdate(
    { _id: existing._id, registration: null },
    { $set: { registration: { number: input.number, registeredOn: input.registeredOn, by: user._id, at } }, $push: { history: { kind: 'register', by: user._id, party, at, fields: ['registration'] } } },
    { returnDocument: 'after' },
  ).lean<ContractRecord>();
  if (!saved) {
    throw REGISTERED();
  }
  await audit({ action: 'deal.contract_register', actor: user._id, target: { kind: 'deal', id: String(room._id) }, detail: { number: input.number, registeredOn: input.registeredOn }, ip });
  publishDealUpdate(String(room._id), 'contract');
  return view(room, party, saved);
}
