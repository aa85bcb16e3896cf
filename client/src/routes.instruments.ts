import type { RouteRecordRaw } from 'vue-router';

/** Large-instrument sharing (issue 16): the public search, an instrument's page, my institution's instruments. */
export const instrumentRoutes: RouteRecordRaw[] = [
  {
    path: '/instruments',
    name: 'instruments',
    component: () => import('./modules/instruments/pages/InstrumentSearchPage.vue'),
    meta: { i18n: ['instruments'], titleKey: 'ins.search.title' },
  },
  {
    path: '/instruments/:id([0-9a-f]{24})',
    name: 'instrument',
    component: () => import('./modules/instruments/pages/InstrumentPage.vue'),
    props: true,
    meta: { i18n: ['booking', 'instruments'], titleKey: 'ins.search.title' },
  },
  {
    path: '/me/instruments',
    name: 'my-instruments',
    component: () => import('./modules/instruments/pages/MyInstrumentsPage.vue'),
    meta: { i18n: ['instruments'], roles: ['researcher', 'commissioner'], titleKey: 'ins.mine.title' },
  },
];
