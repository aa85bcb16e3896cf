import type { RouteRecordRaw } from 'vue-router';

/** Large-instrument sharing (issue 16): the public search, an instrument's page, my institution's instruments. */
export const instrumentRoutes: RouteRecordRaw[] = [
  {
    path: '/instruments',
    name: 'instruments',
    component: () => import('./modules/instruments/pages/InstrumentSearchPage.vue'),
    meta: { titleKey: 'ins.search.title' },
  },
  {
    path: '/instruments/:id([0-9a-f]{24})',
    name: 'instrument',
    component: () => import('./modules/instruments/pages/InstrumentPage.vue'),
    props: true,
    meta: { titleKey: 'ins.search.title' },
  },
  {
    path: '/me/instruments',
    name: 'my-instruments',
    component: () => import('./modules/instruments/pages/MyInstrumentsPage.vue'),
    meta: { roles: ['researcher', 'commissioner'], titleKey: 'ins.mine.title' },
  },
];
