/**
 * The one table of a deal's stage changes: which exist, which party may make each, and whether one
 * party's move is enough or both principals must consent. Everything else (service, presenter,
 * pages) asks `decideMove` / `movesFor`.
 *
 * What a technology-transfer office expects, and so what the table says:
 * - 意向 → 洽谈: the side that was approached accepts to negotiate (the party that opened the room
 *   has shown its interest already and cannot accept it itself; after an intermediary's
 *   introduction either principal accepts). Talking binds nobody, so one side suffices.
 * - 洽谈 → 签约, 签约 → 实施, 实施 → 完成: each commits both principals (the contract text, the
 *   signed contract, the acceptance of the delivered technology 验收), so one principal proposes and
 *   the other confirms; the proposer cannot confirm its own proposal, and either may withdraw or
 *   decline a pending proposal.
 * - 签约 → 洽谈: either principal may reopen the terms while nothing is signed.
 * - 终止 before a contract is in force (意向, 洽谈, 签约): either principal walks away alone, with a
 *   reason code. During 实施 a contract binds both, so ending it is a mutual termination
 *   (协商解除): proposed by one, confirmed by the other.
 * - The intermediary brokers and advises but is not a party to the contract: it makes no stage
 *   change. Administrators read (audited) but act for no party.
 */
import type { DealParty, DealStage } from '@kezhuan/shared';

type Principal = Extract<DealParty, 'supply' | 'demand'>;

export interface DealTransition {
  from: DealStage;
  to: DealStage;
  by: readonly Principal[];
  /** 'one': the party's move changes the stage; 'both': a proposal that the other principal confirms. */
  consent: 'one' | 'both';
  /** The party that opened the room may not make this move (accepting one's own interest). */
  notOpener?: boolean;
}

const PRINCIPALS: readonly Principal[] = ['supply', 'demand'];

export const DEAL_TRANSITIONS: readonly DealTransition[] = [
  { from: 'interest', to: 'negotiation', by: PRINCIPALS, consent: 'one', notOpener: true },
  { from: 'negotiation', to: 'signing', by: PRINCIPALS, consent: 'both' },
  { from: 'signing', to: 'negotiation', by: PRINCIPALS, consent: 'one' },
  { from: 'signing', to: 'implementation', by: PRINCIPALS, consent: 'both' },
  { from: 'implementation', to: 'done', by: PRINCIPALS, consent: 'both' },
  { from: 'interest', to: 'terminated', by: PRINCIPALS, consent: 'one' },
  { from: 'negotiation', to: 'terminated', by: PRINCIPALS, consent: 'one' },
  { from: 'signing', to: 'terminated', by: PRINCIPALS, consent: 'one' },
  { from: 'implementation', to: 'terminated', by: PRINCIPALS, consent: 'both' },
];

/** What the decision needs to know of a room. */
export interface DealStateForMove {
  stage: DealStage;
  /** The party that opened the room (an intermediary for an introduction). */
  openedBy: DealParty | null;
  /** A pending proposal of a two-sided change. */
  proposal: { to: DealStage; party: DealParty } | null;
}

export type MoveRefusal = 'no_transition' | 'not_allowed' | 'already_proposed';
export type MoveDecision = { ok: true; as: 'move' | 'propose' | 'confirm' } | { ok: false; why: MoveRefusal };

/** May `party` (null: not a party, e.g. an administrator) take the room to `to`, and how? */
export function decideMove(room: DealStateForMove, party: DealParty | null, to: DealStage): MoveDecision {
  const t = DEAL_TRANSITIONS.find((x) => x.from === room.stage && x.to === to);
  if (!t) {
    return { ok: false, why: 'no_transition' };
  }
  if (!party || !(t.by as readonly DealParty[]).includes(party) || (t.notOpener && room.openedBy === party)) {
    return { ok: false, why: 'not_allowed' };
  }
  if (t.consent === 'one') {
    return { ok: true, as: 'move' };
  }
  if (room.proposal?.to === to) {
    return room.proposal.party === party ? { ok: false, why: 'already_proposed' } : { ok: true, as: 'confirm' };
  }
  return { ok: true, as: 'propose' };
}

/** Every change `party` may make now, for the room's page. */
export function movesFor(room: DealStateForMove, party: DealParty | null): { to: DealStage; as: 'move' | 'propose' | 'confirm' }[] {
  const out: { to: DealStage; as: 'move' | 'propose' | 'confirm' }[] = [];
  for (const t of DEAL_TRANSITIONS) {
    if (t.from !== room.stage) {
      continue;
    }
    const d = decideMove(room, party, t.to);
    if (d.ok) {
      out.push({ to: t.to, as: d.as });
    }
  }
  return out;
}
