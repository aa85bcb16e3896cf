import { describe, expect, it } from 'vitest';
import { callInput } from '@kezhuan/shared';
import { checkEligibility, type EligibilityFacts } from './programme.eligibility';

const rules = (e: Record<string, unknown>) =>
  callInput.parse({
    programmeType: 'sme_innovation', year: 2026, title: '创新基金', description: '科技型中小企业技术创新基金。', fundingMin: 1, fundingMax: 2, totalBudget: 3,
    opensAt: '2026-01-01', closesAt: '2026-12-31',
    eligibility: { orgTypes: ['enterprise'], cities: ['220100'], verifiedRequired: true, resultRequired: true, minMaturity: 'pilot', joint: 'required', ...e },
  }).eligibility;

const good: EligibilityFacts = {
  org: { type: 'enterprise', city: '220100', verified: true },
  results: [{ status: 'published', maturity: 'industrial' }],
  partnerTypes: ['university'],
};

const failing = (facts: EligibilityFacts, r = rules({})) => checkEligibility(r, facts).rules.filter((x) => !x.pass).map((x) => x.rule);

describe('eligibility of an organisation for a call', () => {
  it('passes every rule with reasons in both languages when the facts fit', () => {
    const v = checkEligibility(rules({}), good);
    expect(v.eligible).toBe(true);
    expect(v.rules.map((r) => r.rule)).toEqual(['verified', 'org_type', 'city', 'result', 'joint']);
    expect(v.rules.every((r) => r.reason && r.reasonEn)).toBe(true);
  });
  it('fails each rule on its own', () => {
    expect(failing({ ...good, org: { ...good.org, verified: false } })).toEqual(['verified']);
    expect(failing({ ...good, org: { ...good.org, type: 'university' }, partnerTypes: ['enterprise'] })).toEqual(['org_type']);
    expect(failing({ ...good, org: { ...good.org, city: '220200' } })).toEqual(['city']);
    expect(failing({ ...good, results: [{ status: 'published', maturity: 'pilot_small' }] })).toEqual(['result']);
    expect(failing({ ...good, results: [{ status: 'draft', maturity: 'industrial' }] })).toEqual(['result']);
    expect(failing({ ...good, partnerTypes: ['enterprise'] })).toEqual(['joint']);
  });
  it('treats a favoured joint application as a bonus, never a failure; any city when none is listed', () => {
    const v = checkEligibility(rules({ joint: 'favoured', cities: [] }), { ...good, org: { ...good.org, city: '222400' }, partnerTypes: [] });
    expect(v.eligible).toBe(true);
    expect(v.rules.find((r) => r.rule === 'joint')).toMatchObject({ pass: true, favoured: false });
  });
});
