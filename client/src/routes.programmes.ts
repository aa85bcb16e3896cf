import type { RouteRecordRaw } from 'vue-router';

/** Programmes (issue 15): calls (申报指南), the application form, my applications, the administrator's call management. */
export const programmeRoutes: RouteRecordRaw[] = [
  { path: '/calls', name: 'calls', component: () => import('./modules/programmes/pages/CallsPage.vue'), meta: { i18n: ['programmes', 'programme-review', 'funded'], titleKey: 'prog.calls.title' } },
  {
    path: '/calls/:id([0-9a-f]{24})', name: 'call', component: () => import('./modules/programmes/pages/CallPage.vue'), props: true,
    meta: { i18n: ['programmes'], titleKey: 'prog.calls.title' },
  },
  {
    path: '/calls/:callId([0-9a-f]{24})/apply', name: 'call-apply', component: () => import('./modules/programmes/pages/ApplicationFormPage.vue'), props: true,
    meta: { i18n: ['programmes'], requiresAuth: true, titleKey: 'prog.form.titleNew' },
  },
  {
    path: '/applications', name: 'my-applications', component: () => import('./modules/programmes/pages/MyApplicationsPage.vue'),
    meta: { i18n: ['programmes', 'funded'], requiresAuth: true, titleKey: 'prog.mine.title' },
  },
  {
    path: '/applications/:id([0-9a-f]{24})', name: 'application', component: () => import('./modules/programmes/pages/ApplicationFormPage.vue'), props: true,
    meta: { i18n: ['programmes'], requiresAuth: true, titleKey: 'prog.form.titleEdit' },
  },
  { path: '/admin/calls', name: 'admin-calls', component: () => import('./modules/programmes/pages/AdminCallsPage.vue'), meta: { i18n: ['programmes', 'funded', 'programme-review'], roles: ['admin'], titleKey: 'prog.admin.title' } },
  {
    path: '/admin/calls/:id([0-9a-f]{24})/applications', name: 'admin-call-applications', component: () => import('./modules/programmes/pages/AdminCallApplicationsPage.vue'), props: true,
    meta: { i18n: ['programmes', 'funded', 'programme-review'], roles: ['admin'], titleKey: 'prog.admin.applications' },
  },
  // Expert review: the pool, the reviewer's workbench (linked from the calls page and the notification).
  { path: '/admin/experts', name: 'admin-experts', component: () => import('./modules/programmes/pages/AdminExpertsPage.vue'), meta: { i18n: ['programme-review', 'programmes', 'commissioners'], roles: ['admin'], titleKey: 'prev.pool.title' } },
  { path: '/reviews', name: 'my-reviews', component: () => import('./modules/programmes/pages/MyReviewsPage.vue'), meta: { i18n: ['programme-review', 'programmes'], requiresAuth: true, titleKey: 'prev.mine.title' } },
  {
    path: '/reviews/:id([0-9a-f]{24})', name: 'review', component: () => import('./modules/programmes/pages/ReviewPage.vue'), props: true,
    meta: { i18n: ['programme-review', 'programmes'], requiresAuth: true, titleKey: 'prev.mine.title' },
  },
];
