import type { RouteRecordRaw } from 'vue-router';

/** The administrator's pairing page and programme dashboard (双千), and the public summary. */
export const pairingAdminRoutes: RouteRecordRaw[] = [
  {
    path: '/admin/pairing',
    name: 'admin-pairing',
    component: () => import('./modules/pairing-admin/pages/AdminPairingPage.vue'),
    meta: { i18n: ['pairing-admin'], roles: ['admin'], titleKey: 'pairingAdmin.title' },
  },
  {
    path: '/admin/pairing/dashboard',
    name: 'admin-pairing-dashboard',
    component: () => import('./modules/pairing-admin/pages/PairingDashboardPage.vue'),
    meta: { i18n: ['pairing-admin'], roles: ['admin'], titleKey: 'programme.dashboardTitle' },
  },
  {
    path: '/shuangqian',
    name: 'shuangqian',
    component: () => import('./modules/pairing-admin/pages/ShuangqianPage.vue'),
    meta: { i18n: ['pairing-admin'], titleKey: 'programme.publicTitle' },
  },
];
