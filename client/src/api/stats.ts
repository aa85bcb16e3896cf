import type { PlatformStatsView } from '@kezhuan/shared';
import { api } from './client';

export const statsApi = {
  /** Published listings, verified organisations and listings per city (cached on the server for a minute). */
  get: () => api.get<PlatformStatsView>('/stats'),
};
