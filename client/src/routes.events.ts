import type { RouteRecordRaw } from 'vue-router';

/** Roadshows and expos (issue 16): the list, an event, its edit form, its organiser console, my meeting schedule, creation. */
export const eventRoutes: RouteRecordRaw[] = [
  { path: '/events', name: 'events', component: () => import('./modules/events/pages/EventsPage.vue'), meta: { i18n: ['events'], titleKey: 'ev.list.title' } },
  { path: '/events/new', name: 'event-new', component: () => import('./modules/events/pages/EventFormPage.vue'), meta: { i18n: ['events'], roles: ['admin', 'intermediary'], titleKey: 'ev.form.title' } },
  { path: '/events/:id([0-9a-f]{24})', name: 'event', component: () => import('./modules/events/pages/EventPage.vue'), props: true, meta: { i18n: ['events'], titleKey: 'ev.list.title' } },
  {
    path: '/events/:id([0-9a-f]{24})/edit', name: 'event-edit', component: () => import('./modules/events/pages/EventFormPage.vue'), props: true,
    meta: { i18n: ['events'], requiresAuth: true, titleKey: 'ev.form.editTitle' },
  },
  {
    path: '/events/:id([0-9a-f]{24})/console', name: 'event-console', component: () => import('./modules/events/pages/EventConsolePage.vue'), props: true,
    meta: { i18n: ['events'], requiresAuth: true, titleKey: 'ev.console.title' },
  },
  {
    path: '/events/:id([0-9a-f]{24})/my-schedule', name: 'event-my-schedule', component: () => import('./modules/events/pages/MySchedulePage.vue'), props: true,
    meta: { i18n: ['events'], requiresAuth: true, titleKey: 'ev.mine.title' },
  },
];
