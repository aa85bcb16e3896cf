import { DEAL_PARTY_CODES, DEAL_STAGE_CODES, type DealParty, type DealStage } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { DEAL_TRANSITIONS, decideMove, movesFor, type DealStateForMove } from './deal.transitions';

const room = (stage: DealStage, over: Partial<DealStateForMove> = {}): DealStateForMove => ({ stage, openedBy: 'demand', proposal: null, ...over });
const parties: (DealParty | null)[] = [...DEAL_PARTY_CODES, null];

describe('the deal stage table', () => {
  it('allows exactly the listed transitions, nothing out of a closed stage and nothing backwards but signing → negotiation', () => {
    const pairs = DEAL_TRANSITIONS.map((t) => `${t.from}>${t.to}`).sort();
    expect(pairs).toEqual([
      'implementation>done', 'implementation>terminated', 'interest>negotiation', 'interest>terminated',
      'negotiation>signing', 'negotiation>terminated', 'signing>implementation', 'signing>negotiation', 'signing>terminated',
    ]);
    for (const from of DEAL_STAGE_CODES) {
      for (const to of DEAL_STAGE_CODES) {
        if (!pairs.includes(`${from}>${to}`)) {
          for (const p of parties) {
            expect(decideMove(room(from), p, to)).toEqual({ ok: false, why: 'no_transition' });
          }
        }
      }
    }
  });

  it('interest → negotiation: the approached principal moves alone; the opener, the intermediary and non-parties are refused', () => {
    expect(decideMove(room('interest', { openedBy: 'demand' }), 'supply', 'negotiation')).toEqual({ ok: true, as: 'move' });
    expect(decideMove(room('interest', { openedBy: 'supply' }), 'demand', 'negotiation')).toEqual({ ok: true, as: 'move' });
    expect(decideMove(room('interest', { openedBy: 'demand' }), 'demand', 'negotiation')).toEqual({ ok: false, why: 'not_allowed' });
    expect(decideMove(room('interest', { openedBy: 'demand' }), 'intermediary', 'negotiation')).toEqual({ ok: false, why: 'not_allowed' });
    expect(decideMove(room('interest'), null, 'negotiation')).toEqual({ ok: false, why: 'not_allowed' });
    // After an introduction either principal accepts.
    for (const p of ['supply', 'demand'] as const) {
      expect(decideMove(room('interest', { openedBy: 'intermediary' }), p, 'negotiation')).toEqual({ ok: true, as: 'move' });
    }
  });

  it.each([
    ['negotiation', 'signing'],
    ['signing', 'implementation'],
    ['implementation', 'done'],
    ['implementation', 'terminated'],
  ] as const)('%s → %s needs both principals: one proposes, the other confirms, the proposer cannot confirm', (from, to) => {
    for (const [a, b] of [['supply', 'demand'], ['demand', 'supply']] as const) {
      expect(decideMove(room(from), a, to)).toEqual({ ok: true, as: 'propose' });
      const proposed = room(from, { proposal: { to, party: a } });
      expect(decideMove(proposed, b, to)).toEqual({ ok: true, as: 'confirm' });
      expect(decideMove(proposed, a, to)).toEqual({ ok: false, why: 'already_proposed' });
      expect(decideMove(proposed, 'intermediary', to)).toEqual({ ok: false, why: 'not_allowed' });
      expect(decideMove(proposed, null, to)).toEqual({ ok: false, why: 'not_allowed' });
    }
  });

  it.each([
    ['interest', 'terminated'],
    ['negotiation', 'terminated'],
    ['signing', 'terminated'],
    ['signing', 'negotiation'],
  ] as const)('%s → %s: either principal alone; not the intermediary, not a non-party', (from, to) => {
    for (const p of ['supply', 'demand'] as const) {
      expect(decideMove(room(from), p, to)).toEqual({ ok: true, as: 'move' });
    }
    expect(decideMove(room(from), 'intermediary', to)).toEqual({ ok: false, why: 'not_allowed' });
    expect(decideMove(room(from), null, to)).toEqual({ ok: false, why: 'not_allowed' });
  });

  it('lists the moves a party may make now', () => {
    expect(movesFor(room('negotiation'), 'supply')).toEqual([{ to: 'signing', as: 'propose' }, { to: 'terminated', as: 'move' }]);
    expect(movesFor(room('implementation', { proposal: { to: 'done', party: 'supply' } }), 'demand')).toEqual([
      { to: 'done', as: 'confirm' }, { to: 'terminated', as: 'propose' },
    ]);
    expect(movesFor(room('negotiation'), 'intermediary')).toEqual([]);
    expect(movesFor(room('done'), 'supply')).toEqual([]);
    expect(movesFor(room('terminated'), 'demand')).toEqual([]);
  });
});
