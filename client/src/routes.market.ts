import type { RouteRecordRaw } from 'vue-router';

/** The technology market's statistics: public aggregates; administrators see the full view and export. */
export const marketRoutes: RouteRecordRaw[] = [
  {
    path: '/market',
    name: 'market',
    component: () => import('./modules/market/pages/MarketStatsPage.vue'),
    meta: { titleKey: 'techMarket.title' },
  },
];
