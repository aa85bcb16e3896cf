import { z } from 'zod';
import { inputString, objectId, pagination } from './common';

export const auditQuery = z.strictObject({
  action: inputString().trim().max(60).optional(),
  ...pagination,
});

export const auditView = z.object({
  id: objectId,
  action: z.string(),
  actor: z.object({ id: objectId, displayName: z.string() }).nullable(),
  target: z.object({ kind: z.string(), id: z.string() }),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string(),
  at: z.string(),
});
export type AuditView = z.infer<typeof auditView>;
