import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { can, disclosureFor, type ListingActor, type ListingRef } from './listing.policy';

const ORG = 'a'.repeat(24);
const OWNER = new Types.ObjectId();
const actor = (
  role: ListingActor['role'],
  orgId: string | null = ORG,
  orgVerified = false,
  orgRole: ListingActor['orgRole'] = 'member',
  id = new Types.ObjectId(),
): ListingActor => ({ id, name: 'x', role, orgId, orgVerified, orgRole });
const listing = (status: ListingRef['status'] = 'published', sharedWith: string[] = []): ListingRef => ({
  kind: 'result',
  org: ORG,
  owner: String(OWNER),
  sharedWith,
  status,
});

describe('listing policy', () => {
  it('lets the right roles create each kind, only as approved members', () => {
    expect(can(actor('researcher'), 'create', { kind: 'result' })).toBe(true);
    expect(can(actor('commissioner'), 'create', { kind: 'result' })).toBe(true);
    expect(can(actor('enterprise'), 'create', { kind: 'result' })).toBe(false);
    expect(can(actor('enterprise'), 'create', { kind: 'need' })).toBe(true);
    expect(can(actor('researcher', null), 'create', { kind: 'result' })).toBe(false);
    expect(can(actor('researcher', ORG, false, null), 'create', { kind: 'result' })).toBe(false);
    expect(can(actor('admin'), 'create', { kind: 'need' })).toBe(false);
    expect(can(null, 'create', { kind: 'need' })).toBe(false);
  });

  it('per role: non-member, pending member, member (own, colleague’s, shared), manager, administrator', () => {
    const other = 'b'.repeat(24);
    const owner = actor('researcher', ORG, false, 'member', OWNER);
    const colleague = actor('researcher');
    const manager = actor('researcher', ORG, false, 'manager');
    const pending = actor('researcher', ORG, false, null);
    for (const action of ['edit', 'manage'] as const) {
      expect(can(owner, action, listing()), `owner ${action}`).toBe(true);
      expect(can(colleague, action, listing()), `colleague ${action}`).toBe(false);
      expect(can(colleague, action, listing('published', [String(colleague.id)])), `shared ${action}`).toBe(true);
      expect(can(manager, action, listing()), `manager ${action}`).toBe(true);
      expect(can(pending, action, listing()), `pending ${action}`).toBe(false);
      expect(can(actor('researcher', other, true, 'manager'), action, listing()), `other org ${action}`).toBe(false);
      expect(can(actor('admin', ORG), action, listing()), `admin ${action}`).toBe(false);
      expect(can(null, action, listing()), `anonymous ${action}`).toBe(false);
    }
    // Sharing and transfers: the owner and managers, not a colleague it is shared with.
    expect(can(owner, 'share', listing())).toBe(true);
    expect(can(manager, 'share', listing())).toBe(true);
    expect(can(colleague, 'share', listing('published', [String(colleague.id)]))).toBe(false);
    expect(can(actor('admin', other), 'review', listing('submitted'))).toBe(true);
    expect(can(manager, 'review', listing('submitted'))).toBe(false);
  });

  it('hides unpublished listings from outsiders and pending members, and stages what others see', () => {
    const outsider = actor('enterprise', 'c'.repeat(24), true);
    const pending = actor('researcher', ORG, false, null);
    expect(can(outsider, 'read', listing('draft'))).toBe(false);
    expect(can(pending, 'read', listing('draft'))).toBe(false);
    expect(can(null, 'read', listing('expired'))).toBe(false);
    expect(can(actor('admin', null), 'read', listing('draft'))).toBe(true);
    expect(can(actor('researcher'), 'read', listing('draft'))).toBe(true);
    expect(disclosureFor(null, listing())).toBe('public');
    expect(disclosureFor(actor('enterprise', 'c'.repeat(24), false), listing())).toBe('public');
    expect(disclosureFor(pending, listing())).toBe('public');
    expect(disclosureFor(outsider, listing())).toBe('member');
    expect(disclosureFor(actor('researcher'), listing())).toBe('full');
    expect(disclosureFor(actor('admin', null), listing())).toBe('full');
  });
});
