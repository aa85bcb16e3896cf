import { z } from 'zod';

export const healthView = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  /**
   * kind: 'ferretdb2-documentdb' (the managed default: FerretDB 2 on the platform's own PostgreSQL
   * with DocumentDB, `embedded` true), 'FerretDB' or 'MongoDB' (a server at MONGODB_URI).
   */
  database: z.object({ kind: z.string(), version: z.string(), reachable: z.boolean(), embedded: z.boolean() }),
  search: z.object({
    kind: z.string(),
    reachable: z.boolean(),
    /** Listings a match-all search finds now, over all indexes (the sum of `indexes`). */
    documents: z.number().int(),
    /** Per index: the total a match-all search reports (expired listings not counted). */
    indexes: z.record(z.string(), z.number().int()).optional(),
    reason: z.string(),
  }),
});
export type HealthView = z.infer<typeof healthView>;
