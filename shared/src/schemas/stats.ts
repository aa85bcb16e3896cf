import { z } from 'zod';

/** What the home page shows about the platform: published listings, verified organisations, listings per city. */
export const platformStatsView = z.object({
  results: z.number().int(),
  needs: z.number().int(),
  verifiedOrgs: z.number().int(),
  /** City code → published results and needs in that city. */
  byCity: z.record(z.string(), z.number().int()),
  /** When the counts were taken (they are cached for a minute). */
  at: z.string(),
});
export type PlatformStatsView = z.infer<typeof platformStatsView>;
