import type { CommissionerStatus } from '@kezhuan/shared';

export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

/** The tag colour of an application's status. */
export const STATUS_TAG: Record<CommissionerStatus, TagType> = {
  awaiting_endorsement: 'warning',
  awaiting_review: 'primary',
  endorsement_declined: 'danger',
  returned: 'danger',
  approved: 'success',
};

export interface ApplicationProgress {
  /** The step being worked on (0 apply, 1 endorsement, 2 review, 3 approved): el-steps' `active`. */
  active: number;
  /** el-steps' status of the current step. */
  current: 'process' | 'error' | 'success';
  /** The applicant may edit and resubmit. */
  editable: boolean;
}

/** Where an application stands on the way apply → endorsement → review → approved. */
export function applicationProgress(status: CommissionerStatus): ApplicationProgress {
  switch (status) {
    case 'awaiting_endorsement':
      return { active: 1, current: 'process', editable: false };
    case 'endorsement_declined':
      return { active: 1, current: 'error', editable: true };
    case 'awaiting_review':
      return { active: 2, current: 'process', editable: false };
    case 'returned':
      return { active: 2, current: 'error', editable: true };
    case 'approved':
      return { active: 3, current: 'success', editable: false };
  }
}
