import type { RouteRecordRaw } from 'vue-router';

/** The institutions' transformation index: public ranking and an institution's breakdown. */
export const transferIndexRoutes: RouteRecordRaw[] = [
  {
    path: '/transfer-index',
    name: 'transfer-index',
    component: () => import('./modules/transfer-index/pages/TransferIndexPage.vue'),
    meta: { i18n: ['transfer-index'], titleKey: 'transferIndex.title' },
  },
  {
    path: '/transfer-index/orgs/:id([0-9a-f]{24})',
    name: 'transfer-index-org',
    component: () => import('./modules/transfer-index/pages/TransferIndexOrgPage.vue'),
    props: true,
    meta: { i18n: ['transfer-index'], titleKey: 'transferIndex.breakdown' },
  },
];
