/**
 * Conflicts of interest (issue 13): a commissioner is never paired with his own organisation, with
 * an enterprise he or his organisation declared a stake in, nor with an enterprise that excluded
 * him. Pure: the pairing run builds these facts from a few reads and asks for every pair.
 */

/** What the rule reads of a commissioner: ids as strings or anything whose `String()` is the id (ObjectId). */
export interface ConflictCommissioner {
  /** The commissioner (application) id the enterprises name in their exclusions. */
  id: unknown;
  /** His organisation. */
  org: unknown;
  /** Enterprises he declared a stake in. */
  stakes: readonly unknown[];
  /** Enterprises his organisation declared a stake in (when endorsing him). */
  orgStakes?: readonly unknown[];
}

/** What the rule reads of a service request. */
export interface ConflictRequest {
  /** The enterprise that filed it. */
  org: unknown;
  /** Commissioner ids it must not get. */
  excluded: readonly unknown[];
}

export type ConflictReason = 'own_org' | 'stake' | 'org_stake' | 'excluded';

/** Sentences for the pairing review's explanation of a forbidden pair. */
export const CONFLICT_REASONS: Record<ConflictReason, { zh: string; en: string }> = {
  own_org: { zh: '特派员不能服务本单位', en: 'A commissioner never serves his own organisation' },
  stake: { zh: '特派员申报了与该企业的利益关联', en: 'The commissioner declared a stake in this enterprise' },
  org_stake: { zh: '特派员所在单位申报了与该企业的利益关联', en: "The commissioner's organisation declared a stake in this enterprise" },
  excluded: { zh: '企业要求不安排该特派员', en: 'The enterprise asked not to get this commissioner' },
};

const present = (v: unknown) => v !== null && v !== undefined;
const same = (a: unknown, b: unknown) => present(a) && present(b) && String(a) === String(b);

/** Why this pair must not be made, or null when it may. */
export function conflictReason(c: ConflictCommissioner, r: ConflictRequest): ConflictReason | null {
  if (same(c.org, r.org)) {
    return 'own_org';
  }
  if (c.stakes.some((s) => same(s, r.org))) {
    return 'stake';
  }
  if ((c.orgStakes ?? []).some((s) => same(s, r.org))) {
    return 'org_stake';
  }
  if (r.excluded.some((e) => same(e, c.id))) {
    return 'excluded';
  }
  return null;
}

/** True when the commissioner must never be paired with the request. */
export function isConflict(c: ConflictCommissioner, r: ConflictRequest): boolean {
  return conflictReason(c, r) !== null;
}
