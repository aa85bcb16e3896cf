import { makeUscc, type CityCode, type OrgType } from '@kezhuan/shared';
import { PROVINCE_ORG } from '../modules/users/admin-bootstrap';
import { DEMO_ENTERPRISES } from './data/jilin-needs';

export interface DemoOrg {
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

/**
 * Universities and institutes of Jilin named in the provincial plan or well known there (the
 * research results assigned to them are demo data derived from ChinaXiv preprints); enterprises
 * and the intermediary are fictional. Credit codes are synthetic but valid.
 */
export const DEMO_ORGS: DemoOrg[] = [
  { ...PROVINCE_ORG, verified: true },
  org('吉林大学', 'university', '220100', '412000001'),
  org('中国科学院长春光学精密机械与物理研究所', 'institute', '220100', '412000002'),
  org('中国科学院长春应用化学研究所', 'institute', '220100', '412000003'),
  org('东北师范大学', 'university', '220100', '412000004'),
  org('延边大学', 'university', '222400', '412000009'),
  org('长春理工大学', 'university', '220100', '41200000B'),
  org('吉林农业大学', 'university', '220100', '41200000C'),
  org('东北电力大学', 'university', '220200', '41200000D'),
  org('吉林省科技成果转化服务中心（示范）', 'intermediary', '220100', '123000008'),
  ...DEMO_ENTERPRISES.map((e, i) => org(e.name, 'enterprise', e.city as CityCode, e.body, i % 4 !== 3)),
];

/** Research organisations that own demo results, by index into DEMO_ORGS. */
export const RESEARCH_ORGS = [1, 2, 3, 4, 5, 6, 7, 8];
export const FIRST_ENTERPRISE = 10;
