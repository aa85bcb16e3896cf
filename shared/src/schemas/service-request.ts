/**
 * Enterprise service requests (企业服务需求) of the 双千 action: what an enterprise asks a science
 * commissioner for, with the commissioners it prefers and those it must not get.
 */
import { z } from 'zod';
import { cityOfRegion } from '../geo/distance';
import { cityCode, inputString, objectId, pagination, text, whenValid } from './common';
import { countyCode } from './commissioner';
import { LISTING_LIMITS, keywordList } from './listing';
import { industry } from './result';

export const SERVICE_REQUEST_URGENCIES = ['low', 'normal', 'high', 'urgent'] as const;
export type ServiceRequestUrgency = (typeof SERVICE_REQUEST_URGENCIES)[number];
export const serviceRequestUrgency = z.enum(SERVICE_REQUEST_URGENCIES);

/**
 * draft → open (in the pool of the next pairing run) → paired (by a run, later) → closed;
 * the owner may withdraw an open request (and open it again) or close it for good.
 */
export const SERVICE_REQUEST_STATUSES = ['draft', 'open', 'withdrawn', 'paired', 'closed'] as const;
export type ServiceRequestStatus = (typeof SERVICE_REQUEST_STATUSES)[number];

export const SERVICE_REQUEST_LIMITS = { preferredMax: 10, excludedMax: 20, problemMax: 5000 } as const;

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

const idList = (max: number) => z.array(objectId).max(max).transform(unique);

const requestShape = {
  title: text(LISTING_LIMITS.titleMax),
  problem: inputString().trim().min(10).max(SERVICE_REQUEST_LIMITS.problemMax),
  industry,
  city: cityCode,
  county: countyCode.nullable().optional(),
  /** Expertise wanted. */
  keywords: keywordList,
  urgency: serviceRequestUrgency,
  /** Commissioner ids (from the directory) the enterprise would like, and ones it must not get. */
  preferred: idList(SERVICE_REQUEST_LIMITS.preferredMax),
  excluded: idList(SERVICE_REQUEST_LIMITS.excludedMax),
};

const requestFields = z.strictObject({ ...requestShape, preferred: requestShape.preferred.default([]), excluded: requestShape.excluded.default([]) });

type RuleInput = { city?: string; county?: string | null; preferred?: string[]; excluded?: string[] };

function requestRules(v: RuleInput, ctx: z.RefinementCtx): void {
  if (v.county && v.city && cityOfRegion(v.county) !== v.city) {
    ctx.addIssue({ code: 'custom', path: ['county'], message: 'kz.county_city' });
  }
  const excluded = new Set(v.excluded ?? []);
  if ((v.preferred ?? []).some((id) => excluded.has(id))) {
    ctx.addIssue({ code: 'custom', path: ['excluded'], message: 'kz.preferred_excluded' });
  }
}

export const serviceRequestInput = requestFields.superRefine(requestRules, whenValid('city', 'county', 'preferred', 'excluded'));
export type ServiceRequestInput = z.infer<typeof serviceRequestInput>;

/** A partial edit (draft, open or withdrawn requests; no defaults: what is left out is kept); the server re-checks the merged request. */
export const serviceRequestUpdateInput = z
  .strictObject(requestShape)
  .partial()
  .superRefine((v, ctx) => {
    if (Object.keys(v).length === 0) {
      ctx.addIssue({ code: 'custom', path: [], message: 'kz.empty_update' });
    }
    requestRules(v, ctx);
  });
export type ServiceRequestUpdateInput = z.infer<typeof serviceRequestUpdateInput>;

/** Turn a published technology need into a request: the need fills it; `open` puts it in the pool at once. */
export const serviceRequestFromNeedInput = z.strictObject({
  urgency: serviceRequestUrgency.default('normal'),
  open: z.boolean().default(false),
});

export const serviceRequestListQuery = z.strictObject({
  status: z.enum(SERVICE_REQUEST_STATUSES).optional(),
  ...pagination,
});

const named = z.object({ id: objectId, name: z.string() });

/** A request as its enterprise's members and administrators see it (requests are not public). */
export const serviceRequestView = z.object({
  id: objectId,
  status: z.enum(SERVICE_REQUEST_STATUSES),
  title: z.string(),
  problem: z.string(),
  industry,
  city: cityCode,
  county: z.string().nullable(),
  keywords: z.array(z.string()),
  urgency: serviceRequestUrgency,
  preferred: z.array(named),
  excluded: z.array(named),
  need: objectId.nullable(),
  org: named,
  owner: named,
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
});
export type ServiceRequestView = z.infer<typeof serviceRequestView>;
