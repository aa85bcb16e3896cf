import type { RouteRecordRaw } from 'vue-router';

/** Innovation carriers (创新载体): the public directory and pages, applying, my carriers, the administrators' review. */
export const carrierRoutes: RouteRecordRaw[] = [
  { path: '/carriers', name: 'carriers', component: () => import('./modules/carriers/pages/CarriersPage.vue'), meta: { i18n: ['carriers'], titleKey: 'cr.dir.title' } },
  { path: '/carriers/apply', name: 'carrier-apply', component: () => import('./modules/carriers/pages/CarrierApplyPage.vue'), meta: { i18n: ['carriers'], requiresAuth: true, titleKey: 'cr.apply.title' } },
  // The notifications of every step link here (server: carrier.service.ts MY_LINK).
  { path: '/carriers/mine', name: 'carriers-mine', component: () => import('./modules/carriers/pages/MyCarriersPage.vue'), meta: { i18n: ['carriers'], requiresAuth: true, titleKey: 'cr.mine.title' } },
  { path: '/carriers/:id([0-9a-f]{24})', name: 'carrier', component: () => import('./modules/carriers/pages/CarrierPage.vue'), props: true, meta: { i18n: ['carriers'], titleKey: 'cr.dir.title' } },
  { path: '/admin/carriers', name: 'admin-carriers', component: () => import('./modules/carriers/pages/AdminCarriersPage.vue'), meta: { i18n: ['carriers'], roles: ['admin'], titleKey: 'cr.admin.title' } },
];
