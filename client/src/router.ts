import type { Role } from '@kezhuan/shared';
import {
  createRouter,
  createWebHistory,
  type RouteLocationNormalized,
  type RouteLocationRaw,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router';
import { loadFeatureMessages } from './i18n';
import type { Feature } from './i18n/features';
import { useAuthStore } from './modules/auth/store';
import { commissionerRoutes } from './routes.commissioners';
import { intermediaryRoutes } from './routes.intermediaries';
import { bookingRoutes } from './routes.booking';
import { instrumentRoutes } from './routes.instruments';
import { financingRoutes } from './routes.financing';
import { carrierRoutes } from './routes.carriers';
import { programmeRoutes } from './routes.programmes';
import { eventRoutes } from './routes.events';
import { fundedProjectRoutes } from './routes.funded-projects';
import { dealRoutes } from './routes.deals';
import { marketplaceRoutes } from './routes.marketplace';
import { pairingAdminRoutes } from './routes.pairing-admin';
import { marketRoutes } from './routes.market';
import { planRoutes } from './routes.plan';
import { pairingServiceRoutes } from './routes.pairing-service';
import { transferIndexRoutes } from './routes.transfer-index';

declare module 'vue-router' {
  interface RouteMeta {
    /** Sign-in needed; anonymous visitors go to /login?redirect=… */
    requiresAuth?: boolean;
    /** Only these roles may open the page (implies sign-in). */
    roles?: readonly Role[];
    /** i18n key of the page title. */
    titleKey?: string;
    /** Feature catalogues the page's messages are in, loaded before it shows (i18n/features.ts). */
    i18n?: readonly Feature[];
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./modules/home/pages/HomePage.vue'), meta: { titleKey: 'nav.home' } },
  { path: '/about', name: 'about', component: () => import('./modules/about/pages/AboutPage.vue'), meta: { titleKey: 'about.title' } },
  {
    path: '/login',
    name: 'login',
    component: () => import('./modules/auth/pages/LoginPage.vue'),
    meta: { titleKey: 'nav.login' },
  },
  {
    path: '/register',
    name: 'register',
    component: () => import('./modules/auth/pages/RegisterPage.vue'),
    meta: { titleKey: 'nav.register' },
  },
  {
    path: '/forgot-password',
    name: 'forgot-password',
    component: () => import('./modules/auth/pages/ForgotPasswordPage.vue'),
    meta: { titleKey: 'account.forgotTitle' },
  },
  {
    path: '/profile',
    name: 'profile',
    component: () => import('./modules/auth/pages/ProfilePage.vue'),
    meta: { requiresAuth: true, titleKey: 'nav.profile' },
  },
  {
    path: '/org',
    name: 'my-org',
    component: () => import('./modules/org/pages/OrgPage.vue'),
    meta: { i18n: ['commissioners', 'transfer-index'], requiresAuth: true, titleKey: 'org.title' },
  },
  {
    path: '/admin/orgs',
    name: 'admin-orgs',
    component: () => import('./modules/admin/pages/AdminOrgsPage.vue'),
    meta: { i18n: ['programmes'], requiresAuth: true, roles: ['admin'], titleKey: 'admin.title' },
  },
  {
    path: '/admin/imports',
    name: 'admin-imports',
    component: () => import('./modules/imports/pages/AdminImportsPage.vue'),
    meta: { i18n: ['imports'], roles: ['admin'], titleKey: 'imports.title' },
  },
  ...marketplaceRoutes,
  ...commissionerRoutes,
  ...intermediaryRoutes,
  ...bookingRoutes,
  ...instrumentRoutes,
  ...financingRoutes,
  ...carrierRoutes,
  ...programmeRoutes,
  ...eventRoutes,
  ...fundedProjectRoutes,
  ...pairingAdminRoutes,
  ...marketRoutes,
  ...planRoutes,
  ...pairingServiceRoutes,
  ...transferIndexRoutes,
  ...dealRoutes,
  {
    path: '/forbidden',
    name: 'forbidden',
    component: () => import('./modules/errors/pages/ForbiddenPage.vue'),
    meta: { titleKey: 'errors.forbiddenTitle' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./modules/errors/pages/NotFoundPage.vue'),
    meta: { titleKey: 'errors.notFoundTitle' },
  },
];

type GuardTarget = Pick<RouteLocationNormalized, 'fullPath' | 'meta'>;

/** What the navigation guard does for a target route and the current user (pure, for tests). */
export function guardDecision(to: GuardTarget, user: { role: Role } | null): true | RouteLocationRaw {
  const needsUser = to.meta.requiresAuth === true || to.meta.roles !== undefined;
  if (needsUser && !user) {
    return { name: 'login', query: { redirect: to.fullPath } };
  }
  if (user && to.meta.roles && !to.meta.roles.includes(user.role)) {
    return { name: 'forbidden', query: { from: to.fullPath } };
  }
  return true;
}

export function createAppRouter(history: RouterHistory = createWebHistory()) {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  router.beforeEach(async (to) => {
    const auth = useAuthStore();
    await auth.ensureLoaded();
    const decision = guardDecision(to, auth.user);
    if (decision === true) {
      // If a catalogue cannot be fetched the page still opens (with its keys in place of some texts).
      await loadFeatureMessages(to.matched.flatMap((r) => r.meta.i18n ?? [])).catch(() => undefined);
    }
    return decision;
  });
  return router;
}
