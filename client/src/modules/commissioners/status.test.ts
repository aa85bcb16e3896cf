import { COMMISSIONER_STATUSES } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { applicationProgress, STATUS_TAG } from './status';

describe('commissioner application progress', () => {
  it('lets the applicant edit only what was sent back or declined', () => {
    const editable = COMMISSIONER_STATUSES.filter((s) => applicationProgress(s).editable);
    expect(editable.sort()).toEqual(['endorsement_declined', 'returned']);
  });

  it('puts each status on its step, red where it stopped', () => {
    expect(applicationProgress('awaiting_endorsement')).toMatchObject({ active: 1, current: 'process' });
    expect(applicationProgress('endorsement_declined')).toMatchObject({ active: 1, current: 'error' });
    expect(applicationProgress('awaiting_review')).toMatchObject({ active: 2, current: 'process' });
    expect(applicationProgress('returned')).toMatchObject({ active: 2, current: 'error' });
    expect(applicationProgress('approved')).toMatchObject({ active: 3, current: 'success' });
    expect(STATUS_TAG.approved).toBe('success');
  });
});
