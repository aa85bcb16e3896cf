import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { canTransition, effectiveStatus, expiresAt, isSearchable, statusAfterEdit, transitionUpdate } from './lifecycle';

const DAY = 86_400_000;
const now = new Date('2025-06-01T00:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY);

describe('listing lifecycle', () => {
  it('treats a published listing unconfirmed for 180 days as expired', () => {
    expect(effectiveStatus({ status: 'published', lastConfirmedAt: ago(179) }, now)).toBe('published');
    expect(effectiveStatus({ status: 'published', lastConfirmedAt: ago(180) }, now)).toBe('published');
    expect(effectiveStatus({ status: 'published', lastConfirmedAt: new Date(ago(180).getTime() - 1) }, now)).toBe('expired');
    expect(effectiveStatus({ status: 'draft', lastConfirmedAt: ago(999) }, now)).toBe('draft');
    expect(expiresAt({ status: 'published', lastConfirmedAt: ago(30) }, now)).toEqual(new Date(ago(30).getTime() + 180 * DAY));
    expect(expiresAt({ status: 'submitted', lastConfirmedAt: ago(30) }, now)).toBeNull();
    expect(isSearchable({ status: 'published', lastConfirmedAt: ago(10) }, now)).toBe(true);
    expect(isSearchable({ status: 'published', lastConfirmedAt: ago(200) }, now)).toBe(false);
    expect(isSearchable({ status: 'submitted', lastConfirmedAt: null }, now)).toBe(false);
  });

  it('allows exactly the transitions of the diagram', () => {
    expect(canTransition('submit', 'draft')).toBe(true);
    expect(canTransition('submit', 'published')).toBe(false);
    expect(canTransition('approve', 'draft')).toBe(false);
    expect(canTransition('return', 'submitted')).toBe(true);
    expect(canTransition('withdraw', 'withdrawn')).toBe(false);
    expect(canTransition('confirm', 'expired')).toBe(true);
    expect(canTransition('confirm', 'draft')).toBe(false);
    expect(statusAfterEdit('published')).toBe('submitted');
    expect(statusAfterEdit('expired')).toBe('submitted');
    expect(statusAfterEdit('draft')).toBe('draft');
    expect(statusAfterEdit('withdrawn')).toBe('withdrawn');
  });

  it('builds one update with the new status, the history entry and the outbox bump', () => {
    const by = { id: new Types.ObjectId(), name: '审核员' };
    expect(transitionUpdate('approve', 'draft', by, now)).toBeNull();
    expect(transitionUpdate('return', 'submitted', by, now, '缺少专利证书')).toEqual({
      $set: { status: 'draft', returnReason: '缺少专利证书', searchDirty: true },
      $push: { history: { action: 'return', from: 'submitted', to: 'draft', by: by.id, byName: '审核员', reason: '缺少专利证书', at: now } },
      $inc: { searchV: 1 },
    });
    expect(transitionUpdate('approve', 'submitted', by, now)?.$set).toMatchObject({ status: 'published', publishedAt: now, lastConfirmedAt: now, returnReason: null });
  });
});
