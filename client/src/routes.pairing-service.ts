import type { RouteRecordRaw } from 'vue-router';

/** The enterprise side of 双千 pairing and the service after it: service requests, my pairings, the service log. */
export const pairingServiceRoutes: RouteRecordRaw[] = [
  {
    path: '/service-requests',
    name: 'service-requests',
    component: () => import('./modules/service-requests/pages/ServiceRequestsPage.vue'),
    meta: { i18n: ['pairing-service'], requiresAuth: true, titleKey: 'svcReq.listTitle' },
  },
  {
    path: '/service-requests/new',
    name: 'service-request-new',
    component: () => import('./modules/service-requests/pages/ServiceRequestFormPage.vue'),
    meta: { i18n: ['pairing-service'], requiresAuth: true, titleKey: 'svcReq.newTitle' },
  },
  {
    path: '/service-requests/:id/edit',
    name: 'service-request-edit',
    component: () => import('./modules/service-requests/pages/ServiceRequestFormPage.vue'),
    props: true,
    meta: { i18n: ['pairing-service'], requiresAuth: true, titleKey: 'svcReq.editTitle' },
  },
  {
    path: '/me/pairings',
    name: 'my-pairings',
    component: () => import('./modules/pairings/pages/MyPairingsPage.vue'),
    meta: { i18n: ['pairing-service'], requiresAuth: true, titleKey: 'pairings.title' },
  },
  {
    path: '/me/pairings/:id/service',
    name: 'pairing-service',
    component: () => import('./modules/pairings/pages/PairingServicePage.vue'),
    props: true,
    meta: { i18n: ['deals', 'pairing-service'], requiresAuth: true, titleKey: 'service.title' },
  },
];
