import type { RouteRecordRaw } from 'vue-router';

/** Intermediaries (issue 14): the public service catalogue and scorecards, my services, the intermediary home. */
export const intermediaryRoutes: RouteRecordRaw[] = [
  {
    path: '/intermediaries/services',
    name: 'intermediary-services',
    component: () => import('./modules/intermediaries/pages/CataloguePage.vue'),
    meta: { i18n: ['intermediaries'], titleKey: 'im.catalogue.title' },
  },
  {
    path: '/intermediaries/services/:id([0-9a-f]{24})',
    name: 'intermediary-service',
    component: () => import('./modules/intermediaries/pages/ServicePage.vue'),
    props: true,
    meta: { i18n: ['intermediaries'], titleKey: 'im.catalogue.title' },
  },
  {
    path: '/intermediaries/:orgId([0-9a-f]{24})',
    name: 'intermediary-scorecard',
    component: () => import('./modules/intermediaries/pages/ScorecardPage.vue'),
    props: true,
    meta: { i18n: ['intermediaries'], titleKey: 'im.service.scorecard' },
  },
  {
    // The intermediary panel is a tab of the room; older links land there.
    path: '/deals/:id([0-9a-f]{24})/intermediary',
    redirect: (to) => ({ path: `/deals/${String(to.params.id)}`, query: { tab: 'intermediary' } }),
  },
  {
    // The notifications of invitations and orders to an intermediary link here (server: intermediary.invitations.ts).
    path: '/me/intermediary',
    name: 'intermediary-home',
    component: () => import('./modules/intermediaries/pages/IntermediaryHomePage.vue'),
    meta: { i18n: ['intermediaries'], roles: ['intermediary'], titleKey: 'im.home.title' },
  },
  {
    path: '/me/intermediary/services',
    name: 'intermediary-my-services',
    component: () => import('./modules/intermediaries/pages/MyServicesPage.vue'),
    meta: { i18n: ['intermediaries'], roles: ['intermediary'], titleKey: 'im.mine.title' },
  },
];
