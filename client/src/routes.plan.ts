import type { RouteRecordRaw } from 'vue-router';

/** The plan-target dashboard (public figures; administrators entries, export) and the administrators' new-plan form. */
export const planRoutes: RouteRecordRaw[] = [
  { path: '/plan', name: 'plan', component: () => import('./modules/plan/pages/PlanDashboardPage.vue'), meta: { i18n: ['plan'], titleKey: 'plan.title' } },
  {
    path: '/admin/plans/new',
    name: 'plan-new',
    component: () => import('./modules/plan/pages/PlanNewPage.vue'),
    meta: { i18n: ['plan'], requiresAuth: true, roles: ['admin'], titleKey: 'plan.form.title' },
  },
];
