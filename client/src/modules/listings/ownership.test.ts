import { describe, expect, it } from 'vitest';
import { buildUser, ORG_ID } from '../../testing/fixtures';
import { changedKeys, editReturnsToReview, isOwner, ownerActions } from './ownership';

describe('listing ownership', () => {
  it('owns a listing of the own organisation, never as an administrator', () => {
    const listing = { org: { id: ORG_ID } };
    expect(isOwner(buildUser('researcher'), listing)).toBe(true);
    expect(isOwner(buildUser('researcher'), { org: { id: 'ffffffffffffffffffffffff' } })).toBe(false);
    expect(isOwner(buildUser('admin'), listing)).toBe(false);
    expect(isOwner(null, listing)).toBe(false);
    expect(isOwner(buildUser('enterprise', { org: null }), listing)).toBe(false);
  });

  it('follows the server’s canEdit, and gives a pending member no owner actions', () => {
    const listing = { org: { id: ORG_ID } };
    expect(isOwner(buildUser('researcher', { membership: { orgRole: 'member', status: 'pending' } }), listing)).toBe(false);
    expect(isOwner(buildUser('researcher'), { ...listing, canEdit: false })).toBe(false);
    expect(isOwner(buildUser('researcher'), { ...listing, canEdit: true })).toBe(true);
  });

  it('offers the lifecycle actions the server allows from each status', () => {
    expect(ownerActions('draft')).toEqual(['submit', 'withdraw']);
    expect(ownerActions('submitted')).toEqual(['withdraw']);
    expect(ownerActions('published')).toEqual(['confirm', 'withdraw']);
    expect(ownerActions('expired')).toEqual(['confirm', 'withdraw']);
    expect(ownerActions('withdrawn')).toEqual(['submit']);
    expect(editReturnsToReview('published')).toBe(true);
    expect(editReturnsToReview('draft')).toBe(false);
  });

  it('finds changed keys and leaves out keys that are now undefined', () => {
    const before = { title: 'a', price: 100, keywords: ['x'] };
    const after = { title: 'a', negotiable: true, price: undefined, keywords: ['x', 'y'] };
    expect(changedKeys(before, after)).toEqual(['negotiable', 'keywords']);
  });
});
