import type { RouteRecordRaw } from 'vue-router';

/** Science commissioners (双千): applications and endorsement, the administrator's review, the public directory and profiles. */
export const commissionerRoutes: RouteRecordRaw[] = [
  {
    path: '/commissioners',
    name: 'commissioners',
    component: () => import('./modules/commissioners/pages/DirectoryPage.vue'),
    meta: { i18n: ['commissioners'], titleKey: 'cm.dir.title' },
  },
  {
    // The notifications of every application step link here (server: commissioner.service.ts).
    path: '/commissioners/applications',
    name: 'commissioner-applications',
    component: () => import('./modules/commissioners/pages/ApplicationsPage.vue'),
    meta: { i18n: ['commissioners'], requiresAuth: true, titleKey: 'cm.apply.title' },
  },
  {
    path: '/commissioners/:id([0-9a-f]{24})',
    name: 'commissioner',
    component: () => import('./modules/commissioners/pages/CommissionerProfilePage.vue'),
    props: true,
    meta: { i18n: ['commissioners'], titleKey: 'cm.dir.title' },
  },
  {
    path: '/admin/commissioners',
    name: 'admin-commissioners',
    component: () => import('./modules/commissioners/pages/AdminCommissionersPage.vue'),
    meta: { i18n: ['commissioners'], roles: ['admin'], titleKey: 'cm.review.title' },
  },
];
