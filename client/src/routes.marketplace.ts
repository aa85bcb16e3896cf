import type { Role } from '@kezhuan/shared';
import type { RouteRecordRaw } from 'vue-router';

const RESULT_AUTHORS: readonly Role[] = ['researcher', 'commissioner'];
const NEED_AUTHORS: readonly Role[] = ['enterprise'];
const LISTING_OWNERS: readonly Role[] = [...RESULT_AUTHORS, ...NEED_AUTHORS];

/** Search, listings, matching, review, notifications and saved searches. */
export const marketplaceRoutes: RouteRecordRaw[] = [
  { path: '/search', redirect: '/search/results' },
  {
    path: '/search/:kind(results|needs)',
    name: 'search',
    component: () => import('./modules/search/pages/SearchPage.vue'),
    props: true,
    meta: { titleKey: 'search.title' },
  },
  {
    path: '/results/new',
    name: 'result-new',
    component: () => import('./modules/results/pages/ResultFormPage.vue'),
    meta: { roles: RESULT_AUTHORS, titleKey: 'listing.form.create_result' },
  },
  {
    path: '/results/:id',
    name: 'result',
    component: () => import('./modules/results/pages/ResultDetailPage.vue'),
    props: true,
    meta: { i18n: ['contracts', 'deals', 'financing', 'intermediaries'], titleKey: 'listing.kinds.result' },
  },
  {
    path: '/results/:id/edit',
    name: 'result-edit',
    component: () => import('./modules/results/pages/ResultFormPage.vue'),
    props: true,
    meta: { roles: RESULT_AUTHORS, titleKey: 'listing.form.edit_result' },
  },
  {
    path: '/needs/new',
    name: 'need-new',
    component: () => import('./modules/needs/pages/NeedFormPage.vue'),
    meta: { roles: NEED_AUTHORS, titleKey: 'listing.form.create_need' },
  },
  {
    path: '/needs/:id',
    name: 'need',
    component: () => import('./modules/needs/pages/NeedDetailPage.vue'),
    props: true,
    meta: { i18n: ['deals', 'financing', 'intermediaries', 'pairing-service'], titleKey: 'listing.kinds.need' },
  },
  {
    path: '/needs/:id/edit',
    name: 'need-edit',
    component: () => import('./modules/needs/pages/NeedFormPage.vue'),
    props: true,
    meta: { roles: NEED_AUTHORS, titleKey: 'listing.form.edit_need' },
  },
  {
    path: '/me/listings',
    name: 'my-listings',
    component: () => import('./modules/listings/pages/MyListingsPage.vue'),
    meta: { roles: LISTING_OWNERS, titleKey: 'nav.myListings' },
  },
  {
    path: '/me/saved-searches',
    name: 'saved-searches',
    component: () => import('./modules/saved-searches/pages/SavedSearchesPage.vue'),
    meta: { requiresAuth: true, titleKey: 'nav.savedSearches' },
  },
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('./modules/notifications/pages/NotificationsPage.vue'),
    meta: { requiresAuth: true, titleKey: 'nav.notifications' },
  },
  {
    path: '/admin/review',
    name: 'admin-review',
    component: () => import('./modules/review/pages/AdminReviewPage.vue'),
    meta: { roles: ['admin'], titleKey: 'review.title' },
  },
];
