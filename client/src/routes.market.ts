import type { RouteRecordRaw } from 'vue-router';

/** The technology market's statistics (public aggregates; administrators the full view and export) and the old address of a deal's contract (now a tab of the room). */
export const marketRoutes: RouteRecordRaw[] = [
  {
    path: '/market',
    name: 'market',
    component: () => import('./modules/market/pages/MarketStatsPage.vue'),
    meta: { i18n: ['contracts', 'plan', 'transfer-index'], titleKey: 'techMarket.title' },
  },
  {
    // The contract is a tab of the room; older links land there.
    path: '/deals/:id([0-9a-f]{24})/contract',
    redirect: (to) => ({ path: `/deals/${String(to.params.id)}`, query: { tab: 'contract' } }),
  },
];
