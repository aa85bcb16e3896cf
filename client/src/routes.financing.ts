import type { RouteRecordRaw } from 'vue-router';

/** Financing (科技金融, issue 16): the public catalogue and product pages, applications, the provider's inbox and products. */
export const financingRoutes: RouteRecordRaw[] = [
  { path: '/financing', name: 'financing', component: () => import('./modules/financing/pages/CataloguePage.vue'), meta: { i18n: ['financing'], titleKey: 'fin.catalogue.title' } },
  {
    path: '/financing/products/:id([0-9a-f]{24})',
    name: 'financing-product',
    component: () => import('./modules/financing/pages/ProductPage.vue'),
    props: true,
    meta: { i18n: ['financing'], titleKey: 'fin.catalogue.title' },
  },
  {
    path: '/financing/applications',
    name: 'financing-applications',
    component: () => import('./modules/financing/pages/ApplicationsPage.vue'),
    props: { box: 'mine' },
    meta: { i18n: ['financing'], roles: ['enterprise'], titleKey: 'fin.apps.mineTitle' },
  },
  {
    path: '/financing/inbox',
    name: 'financing-inbox',
    component: () => import('./modules/financing/pages/ApplicationsPage.vue'),
    props: { box: 'inbox' },
    meta: { i18n: ['financing'], roles: ['financier'], titleKey: 'fin.apps.inboxTitle' },
  },
  {
    // Notifications of applications and answers link here (server: financing.applications.ts).
    path: '/financing/applications/:id([0-9a-f]{24})',
    name: 'financing-application',
    component: () => import('./modules/financing/pages/ApplicationPage.vue'),
    props: true,
    meta: { i18n: ['financing'], requiresAuth: true, titleKey: 'fin.app.title' },
  },
  { path: '/financing/mine', name: 'financing-mine', component: () => import('./modules/financing/pages/MyProductsPage.vue'), meta: { i18n: ['financing'], roles: ['financier'], titleKey: 'fin.mine.title' } },
];
