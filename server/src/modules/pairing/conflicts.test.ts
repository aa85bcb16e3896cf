import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { conflictReason, isConflict, type ConflictCommissioner, type ConflictRequest } from './conflicts';

const id = () => new Types.ObjectId();
const university = id();
const enterprise = id();
const other = id();
const commissioner = (over: Partial<ConflictCommissioner> = {}): ConflictCommissioner => ({ id: id(), org: university, stakes: [], orgStakes: [], ...over });
const request = (over: Partial<ConflictRequest> = {}): ConflictRequest => ({ org: enterprise, excluded: [], ...over });

describe('isConflict', () => {
  it('allows an unrelated pair', () => {
    expect(isConflict(commissioner(), request())).toBe(false);
    expect(conflictReason(commissioner({ stakes: [other], orgStakes: [other] }), request({ excluded: [id()] }))).toBeNull();
  });

  it('never pairs a commissioner with his own organisation (an enterprise R&D commissioner and his employer)', () => {
    expect(conflictReason(commissioner({ org: enterprise }), request())).toBe('own_org');
  });

  it('never pairs him with an enterprise he or his organisation declared a stake in', () => {
    expect(conflictReason(commissioner({ stakes: [other, enterprise] }), request())).toBe('stake');
    expect(conflictReason(commissioner({ orgStakes: [enterprise] }), request())).toBe('org_stake');
  });

  it('never pairs him with an enterprise that excluded him', () => {
    const c = commissioner();
    expect(conflictReason(c, request({ excluded: [id(), c.id] }))).toBe('excluded');
    // Excluding someone else does not touch him.
    expect(isConflict(c, request({ excluded: [id()] }))).toBe(false);
  });

  it('compares ids by value: strings and ObjectIds alike, never by reference; missing ids never match', () => {
    const c = commissioner({ stakes: [String(enterprise)] });
    expect(isConflict(c, request({ org: new Types.ObjectId(String(enterprise)) }))).toBe(true);
    expect(isConflict(commissioner({ id: String(c.id) }), request({ excluded: [new Types.ObjectId(String(c.id))] }))).toBe(true);
    expect(isConflict(commissioner({ org: null }), request({ org: null }))).toBe(false);
  });
});
