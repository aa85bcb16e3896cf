import type { RouteRecordRaw } from 'vue-router';

/** Deal rooms (issue 14): my deals and one room with its stage bar and chat. */
export const dealRoutes: RouteRecordRaw[] = [
  {
    path: '/deals',
    name: 'my-deals',
    component: () => import('./modules/deals/pages/MyDealsPage.vue'),
    meta: { i18n: ['deals'], requiresAuth: true, titleKey: 'deals.title' },
  },
  {
    path: '/deals/:id',
    name: 'deal-room',
    component: () => import('./modules/deals/pages/DealRoomPage.vue'),
    props: true,
    meta: { i18n: ['contracts', 'dealfiles', 'deals', 'financing', 'intermediaries'], requiresAuth: true, titleKey: 'deals.title' },
  },
];
