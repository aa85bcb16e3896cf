/**
 * Eligibility of an organisation for a call, computed from the platform's own records: verified
 * organisation, organisation type, city, a linked published result of enough maturity, and a joint
 * university/institute–enterprise application. The rules are a pure function (tested without a
 * database); the loader gathers the facts.
 */
import { MATURITY_CODES, ORG_TYPES, type CallInput, type CityCode, type EligibilityView, type Maturity, type OrgType } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { ResearchResultModel } from '../results/result.model';
import { OrgModel } from '../orgs/org.model';

export interface EligibilityFacts {
  org: { type: OrgType; city: CityCode; verified: boolean };
  /** Linked results as stored (only published ones count). */
  results: { status: string; maturity: Maturity }[];
  /** Types of the partner organisations. */
  partnerTypes: OrgType[];
}

type Rule = EligibilityView['rules'][number];

const ORG_TYPE_ZH: Record<OrgType, string> = { university: '高校', institute: '科研院所', enterprise: '企业', intermediary: '中介机构', government: '政府部门', financial: '金融机构' };
const MATURITY_ZH: Record<Maturity, string> = { lab: '实验室', pilot_small: '小试', pilot: '中试', industrial: '产业化' };

const rank = (m: Maturity) => MATURITY_CODES.indexOf(m);

/** Each rule of the call with pass/fail and a reason in both languages; eligible when every rule passes. */
export function checkEligibility(rules: CallInput['eligibility'], facts: EligibilityFacts): EligibilityView {
  const out: Rule[] = [];
  const { org } = facts;
  if (rules.verifiedRequired) {
    out.push(org.verified
      ? { rule: 'verified', pass: true, reason: '机构已通过认证', reasonEn: 'The organisation is verified' }
      : { rule: 'verified', pass: false, reason: '须为已认证机构，请先提交机构认证', reasonEn: 'Only verified organisations may apply; request verification first' });
  }
  const allowed = rules.orgTypes.length ? rules.orgTypes : [...ORG_TYPES];
  out.push(allowed.includes(org.type)
    ? { rule: 'org_type', pass: true, reason: `机构类型（${ORG_TYPE_ZH[org.type]}）符合要求`, reasonEn: `Organisation type (${org.type}) is allowed` }
    : { rule: 'org_type', pass: false, reason: `本指南仅受理${allowed.map((t) => ORG_TYPE_ZH[t]).join('、')}申报`, reasonEn: `Only these organisation types may apply: ${allowed.join(', ')}` });
  out.push(rules.cities.length === 0 || rules.cities.includes(org.city)
    ? { rule: 'city', pass: true, reason: '所在地区符合要求', reasonEn: 'The city is within the call' }
    : { rule: 'city', pass: false, reason: '所在市（州）不在本指南受理范围内', reasonEn: "The organisation's city is not one the call accepts" });
  if (rules.resultRequired) {
    const min = rules.minMaturity;
    const published = facts.results.filter((r) => r.status === 'published');
    const fit = published.filter((r) => !min || rank(r.maturity) >= rank(min));
    const need = min ? `成熟度不低于“${MATURITY_ZH[min]}”的` : '';
    const needEn = min ? ` of maturity ${min} or higher` : '';
    out.push(fit.length
      ? { rule: 'result', pass: true, reason: `已关联${need}已发布科技成果`, reasonEn: `A published result${needEn} is linked` }
      : { rule: 'result', pass: false, reason: `须关联至少一项${need}已发布科技成果`, reasonEn: `Link at least one published result${needEn}` });
  }
  if (rules.joint !== 'none') {
    const types = new Set<OrgType>([org.type, ...facts.partnerTypes]);
    const joint = (types.has('university') || types.has('institute')) && types.has('enterprise');
    if (rules.joint === 'required') {
      out.push(joint
        ? { rule: 'joint', pass: true, reason: '为产学研联合申报', reasonEn: 'A joint university/institute–enterprise application' }
        : { rule: 'joint', pass: false, reason: '须由高校或科研院所与企业联合申报，请添加合作单位', reasonEn: 'Must be a joint application of a university or institute with an enterprise; add a partner' });
    } else {
      out.push(joint
        ? { rule: 'joint', pass: true, favoured: true, reason: '产学研联合申报，优先支持', reasonEn: 'Joint application: favoured' }
        : { rule: 'joint', pass: true, favoured: false, reason: '产学研联合申报优先支持（非必需）', reasonEn: 'Joint applications are favoured (not required)' });
    }
  }
  return { eligible: out.every((r) => r.pass), rules: out };
}

/** Loads the facts for `orgId` with these linked results and partners, and checks them. */
export async function loadEligibility(
  rules: CallInput['eligibility'],
  orgId: Types.ObjectId | string,
  links: { results: readonly (Types.ObjectId | string)[]; partners: readonly (Types.ObjectId | string)[] },
): Promise<EligibilityView> {
  const [org, results, partners] = await Promise.all([
    OrgModel.findById(orgId, { type: 1, city: 1, verified: 1 }).lean(),
    links.results.length ? ResearchResultModel.find({ _id: { $in: links.results } }, { status: 1, maturity: 1 }).lean() : [],
    links.partners.length ? OrgModel.find({ _id: { $in: links.partners } }, { type: 1 }).lean() : [],
  ]);
  if (!org) {
    return { eligible: false, rules: [{ rule: 'org_type', pass: false, reason: '须先加入一个机构', reasonEn: 'Join an organisation first' }] };
  }
  return checkEligibility(rules, {
    org: { type: org.type, city: org.city, verified: Boolean(org.verified) },
    results: results.map((r) => ({ status: r.status, maturity: r.maturity })),
    partnerTypes: partners.map((p) => p.type),
  });
}
