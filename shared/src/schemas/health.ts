import { z } from 'zod';

export const healthView = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ kind: z.string(), version: z.string(), reachable: z.boolean(), embedded: z.boolean() }),
  search: z.object({ kind: z.string(), reachable: z.boolean(), documents: z.number().int(), reason: z.string() }),
});
export type HealthView = z.infer<typeof healthView>;
