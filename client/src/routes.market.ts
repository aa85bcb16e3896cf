import type { RouteRecordRaw } from 'vue-router';

/** The technology market's statistics (public aggregates; administrators the full view and export) and a deal's contract page. */
export const marketRoutes: RouteRecordRaw[] = [
  {
    path: '/market',
    name: 'market',
    component: () => import('./modules/market/pages/MarketStatsPage.vue'),
    meta: { titleKey: 'techMarket.title' },
  },
  {
    path: '/deals/:id/contract',
    name: 'deal-contract',
    component: () => import('./modules/deals/pages/DealContractPage.vue'),
    props: true,
    meta: { requiresAuth: true, titleKey: 'dealContract.title' },
  },
];
