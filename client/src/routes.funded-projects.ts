import type { RouteRecordRaw } from 'vue-router';

/** Funding decisions and funded projects (issue 15): the call's funding page, project lists, the project page. */
export const fundedProjectRoutes: RouteRecordRaw[] = [
  {
    path: '/admin/calls/:id([0-9a-f]{24})/funding', name: 'admin-call-funding', component: () => import('./modules/funded-projects/pages/AdminCallFundingPage.vue'), props: true,
    meta: { i18n: ['funded', 'programmes'], roles: ['admin'], titleKey: 'fp.funding.title' },
  },
  { path: '/admin/projects', name: 'admin-projects', component: () => import('./modules/funded-projects/pages/AdminProjectsPage.vue'), meta: { i18n: ['funded', 'programmes'], roles: ['admin'], titleKey: 'fp.list.adminTitle' } },
  { path: '/projects', name: 'projects', component: () => import('./modules/funded-projects/pages/ProjectListPage.vue'), props: { mode: 'public' }, meta: { i18n: ['funded', 'programmes'], titleKey: 'fp.list.publicTitle' } },
  { path: '/me/projects', name: 'my-projects', component: () => import('./modules/funded-projects/pages/ProjectListPage.vue'), props: { mode: 'mine' }, meta: { i18n: ['funded', 'programmes'], requiresAuth: true, titleKey: 'fp.list.mineTitle' } },
  {
    path: '/projects/:id([0-9a-f]{24})', name: 'project', component: () => import('./modules/funded-projects/pages/ProjectPage.vue'), props: true,
    meta: { i18n: ['funded', 'programmes'], requiresAuth: true, titleKey: 'fp.list.adminTitle' },
  },
];
