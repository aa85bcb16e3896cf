import type { MeView } from '@kezhuan/shared';

const APPLICANT_ROLES = new Set(['researcher', 'commissioner', 'enterprise']);
const APPLICANT_ORG_TYPES = new Set(['university', 'institute', 'enterprise']);

/** Mirrors the server's policy (commissioner.policy.ts) so the page can say why before the form is filled. */
export function mayApply(user: MeView | null): boolean {
  return Boolean(
    user &&
      APPLICANT_ROLES.has(user.role) &&
      user.org?.verified &&
      APPLICANT_ORG_TYPES.has(user.org.type) &&
      user.membership?.status === 'active',
  );
}

/** An approved manager of his organisation: he endorses its members' applications. */
export function isOrgManager(user: MeView | null): boolean {
  return Boolean(user?.org && user.membership?.orgRole === 'manager' && user.membership.status === 'active');
}
