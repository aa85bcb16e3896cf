import { MOBILE_RE, makeUscc, password as passwordSchema } from '@kezhuan/shared';
import { env } from '../../config/env';
import { logger } from '../../lib/logger';
import { hashPassword } from '../auth/password';
import { audit } from '../audit/audit.service';
import { OrgModel, orgNameKey } from '../orgs/org.model';
import { UserModel } from './user.model';

/** The provincial department of science and technology, home of administrators. */
export const PROVINCE_ORG = {
  name: '吉林省科学技术厅',
  type: 'government' as const,
  uscc: makeUscc('11', '220000', '013544357'),
  city: '220100' as const,
};

async function provinceOrg() {
  const existing = await OrgModel.findOne({ uscc: PROVINCE_ORG.uscc });
  if (existing) {
    return existing;
  }
  return OrgModel.create({ ...PROVINCE_ORG, nameKey: orgNameKey(PROVINCE_ORG.name), verified: true, verifiedAt: new Date() });
}

/** Creates an administrator (CLI and env bootstrap). Validates like registration does. */
export async function createAdmin(input: { email: string; phone: string; password: string; displayName: string }) {
  if (!MOBILE_RE.test(input.phone)) {
    throw new Error('admin phone must be an 11-digit mainland mobile number');
  }
  const pw = passwordSchema.safeParse(input.password);
  if (!pw.success) {
    throw new Error(`admin password too weak: at least 10 characters with letters and digits`);
  }
  const org = await provinceOrg();
  const user = await UserModel.create({
    email: input.email.toLowerCase(),
    phone: input.phone,
    passwordHash: await hashPassword(input.password),
    displayName: input.displayName,
    role: 'admin',
    org: org._id,
  });
  await audit({ action: 'admin.create', actor: null, target: { kind: 'user', id: String(user._id) }, detail: { email: user.email } });
  return user;
}

/** Creates the first administrator from KZ_ADMIN_* when no administrator exists yet. */
export async function ensureAdminFromEnv(): Promise<void> {
  const e = env();
  if (!e.KZ_ADMIN_EMAIL || !e.KZ_ADMIN_PASSWORD) {
    return;
  }
  if (await UserModel.exists({ role: 'admin' })) {
    return;
  }
  await createAdmin({ email: e.KZ_ADMIN_EMAIL, phone: e.KZ_ADMIN_PHONE ?? '13900000000', password: e.KZ_ADMIN_PASSWORD, displayName: '平台管理员' });
  logger().info(`created the first administrator ${e.KZ_ADMIN_EMAIL} from KZ_ADMIN_EMAIL`);
}
