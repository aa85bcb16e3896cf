import type { RouteRecordRaw } from 'vue-router';

/** Instrument booking (issue 16): the calendar on a page of its own, my bookings, utilisation. */
export const bookingRoutes: RouteRecordRaw[] = [
  {
    // The instrument page mounts the same calendar; this page is the notifications' and lists' link target.
    path: '/instruments/:id([0-9a-f]{24})/book',
    name: 'instrument-book',
    component: () => import('./modules/instruments/booking/pages/InstrumentBookPage.vue'),
    props: true,
    meta: { i18n: ['booking'], titleKey: 'booking.book.title' },
  },
  {
    path: '/me/bookings',
    name: 'my-bookings',
    component: () => import('./modules/instruments/booking/pages/MyBookingsPage.vue'),
    meta: { i18n: ['booking'], requiresAuth: true, titleKey: 'booking.mine.title' },
  },
  {
    path: '/me/instruments/utilisation',
    name: 'instrument-utilisation',
    component: () => import('./modules/instruments/booking/pages/UtilisationPage.vue'),
    meta: { i18n: ['booking'], requiresAuth: true, titleKey: 'booking.util.title' },
  },
];
