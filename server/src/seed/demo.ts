import { makeUscc, type CityCode, type OrgType } from '@kezhuan/shared';
import { hashPassword } from '../modules/auth/password';
import { OrgModel, orgNameKey } from '../modules/orgs/org.model';
import { PROVINCE_ORG } from '../modules/users/admin-bootstrap';
import { UserModel } from '../modules/users/user.model';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';

interface DemoOrg {
  name: string;
  type: OrgType;
  city: CityCode;
  uscc: string;
  verified: boolean;
}

const org = (name: string, type: OrgType, city: CityCode, body: string, verified = true): DemoOrg => ({
  name,
  type,
  city,
  verified,
  uscc: makeUscc(type === 'enterprise' || type === 'intermediary' ? '91' : '12', city, body),
});

/** Organisations of Jilin named in the provincial plan or well known there (credit codes are synthetic). */
export const DEMO_ORGS: DemoOrg[] = [
  { ...PROVINCE_ORG, verified: true },
  org('吉林大学', 'university', '220100', '412000001'),
  org('中国科学院长春光学精密机械与物理研究所', 'institute', '220100', '412000002'),
  org('中国科学院长春应用化学研究所', 'institute', '220100', '412000003'),
  org('东北师范大学', 'university', '220100', '412000004'),
  org('吉林化纤集团有限责任公司', 'enterprise', '220200', '123000005'),
  org('中国第一汽车集团有限公司', 'enterprise', '220100', '123000006'),
  org('通化东宝药业股份有限公司', 'enterprise', '220500', '123000007'),
  org('吉林省技术产权交易中心', 'intermediary', '220100', '123000008'),
  org('延边大学', 'university', '222400', '412000009'),
  org('四平市巨元瀚洋板式换热器有限公司', 'enterprise', '220300', '12300000A', false),
  org('长春理工大学', 'university', '220100', '41200000B'),
];

/** Seeds organisations and one account per role into an empty database. Returns false if not empty. */
export async function seedDemoIfEmpty(say: (msg: string) => void = () => undefined): Promise<boolean> {
  if (await UserModel.exists({ email: { $regex: '@demo\\.kezhuan\\.cn$' } })) {
    return false;
  }
  say('seeding demo organisations and accounts…');
  const orgIds = [];
  for (const o of DEMO_ORGS) {
    const existing = await OrgModel.findOne({ uscc: o.uscc });
    const doc = existing ?? (await OrgModel.create({ ...o, nameKey: orgNameKey(o.name), verifiedAt: o.verified ? new Date() : null }));
    orgIds.push(doc._id);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) {
    await UserModel.create({ email: a.email, phone: a.phone, displayName: a.displayName, role: a.role, passwordHash, org: orgIds[a.org] });
  }
  say(`seeded ${DEMO_ORGS.length} organisations and ${DEMO_ACCOUNTS.length} demo accounts`);
  return true;
}
