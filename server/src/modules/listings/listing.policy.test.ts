import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { can, disclosureFor, type ListingActor, type ListingRef } from './listing.policy';

const ORG = 'a'.repeat(24);
const actor = (role: ListingActor['role'], orgId: string | null = ORG, orgVerified = false): ListingActor => ({ id: new Types.ObjectId(), name: 'x', role, orgId, orgVerified });
const listing = (status: ListingRef['status'] = 'published'): ListingRef => ({ kind: 'result', org: ORG, status });

describe('listing policy', () => {
  it('lets the right roles create each kind', () => {
    expect(can(actor('researcher'), 'create', { kind: 'result' })).toBe(true);
    expect(can(actor('commissioner'), 'create', { kind: 'result' })).toBe(true);
    expect(can(actor('enterprise'), 'create', { kind: 'result' })).toBe(false);
    expect(can(actor('enterprise'), 'create', { kind: 'need' })).toBe(true);
    expect(can(actor('researcher', null), 'create', { kind: 'result' })).toBe(false);
    expect(can(actor('admin'), 'create', { kind: 'need' })).toBe(false);
    expect(can(null, 'create', { kind: 'need' })).toBe(false);
  });

  it('lets members of the owning organisation edit; administrators review but never edit', () => {
    const other = 'b'.repeat(24);
    expect(can(actor('commissioner'), 'edit', listing())).toBe(true);
    expect(can(actor('researcher', other, true), 'edit', listing())).toBe(false);
    expect(can(null, 'edit', listing())).toBe(false);
    expect(can(actor('admin', ORG), 'edit', listing())).toBe(false);
    expect(can(actor('admin', other), 'review', listing('submitted'))).toBe(true);
    expect(can(actor('researcher'), 'review', listing('submitted'))).toBe(false);
  });

  it('hides unpublished listings from outsiders and stages what others see', () => {
    const outsider = actor('enterprise', 'c'.repeat(24), true);
    expect(can(outsider, 'read', listing('draft'))).toBe(false);
    expect(can(null, 'read', listing('expired'))).toBe(false);
    expect(can(actor('admin', null), 'read', listing('draft'))).toBe(true);
    expect(disclosureFor(null, listing())).toBe('public');
    expect(disclosureFor(actor('enterprise', 'c'.repeat(24), false), listing())).toBe('public');
    expect(disclosureFor(outsider, listing())).toBe('member');
    expect(disclosureFor(actor('researcher'), listing())).toBe('full');
    expect(disclosureFor(actor('admin', null), listing())).toBe('full');
  });
});
