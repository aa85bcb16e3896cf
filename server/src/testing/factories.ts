import { randomInt } from 'node:crypto';
import { makeUscc, type CityCode, type MembershipStatus, type OrgRole, type OrgType, type Role } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { hashPassword } from '../modules/auth/password';
import { OrgModel, orgNameKey } from '../modules/orgs/org.model';
import { UserModel } from '../modules/users/user.model';

const ALNUM = '0123456789ABCDEFGHJKLMNPQRTUWXY';
let seq = 0;

/** A random valid unified social credit code in Jilin. */
export function randomUscc(city: CityCode = '220100'): string {
  let body = '';
  for (let i = 0; i < 9; i++) {
    body += ALNUM.charAt(randomInt(ALNUM.length));
  }
  return makeUscc('91', city, body);
}

/** A mobile number unique within a test run. */
export function uniquePhone(): string {
  seq += 1;
  return `139${String(randomInt(10_000)).padStart(4, '0')}${String(seq).padStart(4, '0')}`.slice(0, 11);
}

export const TEST_PASSWORD = 'Correct-horse-42';

const ROLE_ORG: Record<Role, OrgType> = {
  researcher: 'university',
  commissioner: 'institute',
  enterprise: 'enterprise',
  intermediary: 'intermediary',
  financier: 'financial',
  admin: 'government',
};

export async function buildOrg(overrides: Partial<{ name: string; type: OrgType; city: CityCode; uscc: string; verified: boolean }> = {}) {
  seq += 1;
  const name = overrides.name ?? `测试机构${seq}`;
  return OrgModel.create({
    name,
    nameKey: orgNameKey(name),
    type: overrides.type ?? 'enterprise',
    city: overrides.city ?? '220100',
    uscc: overrides.uscc ?? randomUscc(overrides.city),
    verified: overrides.verified ?? false,
  });
}

/** A user with TEST_PASSWORD (or `password`), in a new organisation of a fitting type unless `org` is given. */
/** `org: null` makes an account without an organisation; `orgRole`/`orgStatus` set its membership (default: an approved member). */
export async function buildUser(
  overrides: Partial<{
    email: string;
    phone: string;
    role: Role;
    displayName: string;
    password: string;
    org: Types.ObjectId | null;
    orgRole: OrgRole;
    orgStatus: MembershipStatus;
  }> = {},
) {
  seq += 1;
  const role = overrides.role ?? 'researcher';
  const org = overrides.org === undefined ? (await buildOrg({ type: ROLE_ORG[role] }))._id : overrides.org;
  return UserModel.create({
    email: overrides.email ?? `user${seq}-${randomInt(1e9)}@test.kezhuan.cn`,
    phone: overrides.phone ?? uniquePhone(),
    displayName: overrides.displayName ?? `用户${seq}`,
    role,
    org,
    orgRole: overrides.orgRole ?? 'member',
    orgStatus: overrides.orgStatus ?? 'active',
    passwordHash: await hashPassword(overrides.password ?? TEST_PASSWORD),
  });
}
