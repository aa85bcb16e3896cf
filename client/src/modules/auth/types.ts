import type { CityCode, OrgType } from '@kezhuan/shared';

/** The "new organisation" part of the registration form before validation (selects start empty). */
export interface NewOrgDraft {
  name: string;
  type: OrgType | '';
  uscc: string;
  city: CityCode | '';
}
