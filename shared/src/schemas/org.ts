import { z } from 'zod';
import { ORG_TYPES, LIMITS } from '../constants';
import { isValidUscc } from '../uscc';
import { cityCode, inputString, objectId, pagination, text } from './common';

export const orgType = z.enum(ORG_TYPES);
export const uscc = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isValidUscc, { message: 'kz.uscc' });

/** What a user submits to create an organisation. `verified` is never accepted here. */
export const orgCreateInput = z.strictObject({
  name: text(LIMITS.orgNameMax),
  type: orgType,
  uscc,
  city: cityCode,
});
export type OrgCreateInput = z.infer<typeof orgCreateInput>;

export const orgListQuery = z.strictObject({
  q: inputString().trim().max(LIMITS.orgNameMax).optional(),
  /** One type, or several (`?type=university&type=institute`). */
  type: z
    .union([orgType, z.array(orgType).max(ORG_TYPES.length)])
    .transform((t) => (Array.isArray(t) ? t : [t]))
    .optional(),
  city: cityCode.optional(),
  verified: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...pagination,
});
export type OrgListQuery = z.infer<typeof orgListQuery>;

export const orgVerificationInput = z.strictObject({
  verified: z.boolean(),
  note: inputString().trim().max(500).optional(),
});

/** An organisation as the API shows it. */
export const orgView = z.object({
  id: objectId,
  name: z.string(),
  type: orgType,
  uscc: z.string(),
  city: cityCode,
  verified: z.boolean(),
  /** none, requested (evidence submitted, waiting on an administrator), verified, rejected. */
  verificationState: z.enum(['none', 'requested', 'verified', 'rejected']),
  createdAt: z.string(),
});
export type OrgView = z.infer<typeof orgView>;
