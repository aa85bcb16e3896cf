import {
  bookingCancelInput,
  bookingListQuery,
  bookingRatingInput,
  bookingReasonInput,
  bookingRequestInput,
  bookingUsageInput,
  bookingView,
  calendarQuery,
  calendarView,
  idParams,
  paginated,
  utilisationQuery,
  utilisationView,
  type BookingRatingInput,
  type BookingUsageInput,
} from '@kezhuan/shared';
import type { Request } from 'express';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import type { UserDoc } from '../users/user.model';
import { instrumentCalendar } from './booking.calendar';
import { BookingModel, type BookingRecord } from './booking.model';
import { presentBookings } from './booking.presenter';
import { myBookingsQuery } from './booking.queries';
import { actOnBooking, readBooking, requestBooking, type BookingAction } from './booking.service';
import { orgUtilisation } from './booking.utilisation';

const TAG = 'instrument bookings';

async function one(user: UserDoc, doc: BookingRecord) {
  const [view] = await presentBookings(user, [doc]);
  return view;
}

/** Booking of shared instruments: calendar, requests, answers, cancellation, usage, rating, utilisation. */
export function bookingRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/instruments/:id/calendar', tag: TAG, access: 'public',
    summary: "An instrument's opening hours on local days (Asia/Shanghai) minus the slots held by bookings; who booked only for the owner institution",
    params: idParams, query: calendarQuery, response: calendarView,
    handler: ({ params, query }, req) => instrumentCalendar(req.user, params.id, query.from, query.to),
  });
  api.add({
    method: 'post', path: '/instruments/:id/bookings', tag: TAG, access: 'user', status: 201,
    summary: 'Request a slot (approved members of another institution); 409 SLOT_TAKEN when any part of it is held',
    params: idParams, body: bookingRequestInput, response: bookingView,
    handler: async ({ params, body }, req) => {
      const user = currentUser(req);
      return one(user, await requestBooking(user, params.id, body, req.ip ?? ''));
    },
  });
  api.add({
    method: 'get', path: '/instrument-bookings/:id', tag: TAG, access: 'user',
    summary: 'One booking (its requester and the owner institution)',
    params: idParams, response: bookingView,
    handler: async ({ params }, req) => {
      const user = currentUser(req);
      return one(user, await readBooking(user, params.id));
    },
  });
  const act = (path: string, summary: string, handler: (user: UserDoc, id: string, ip: string, body: unknown) => Promise<BookingRecord>) => ({
    method: 'post' as const, path: `/instrument-bookings/:id/${path}`, tag: TAG, access: 'user' as const, summary, params: idParams, response: bookingView,
    handler: async ({ params, body }: { params: { id: string }; body: unknown }, req: Request) => {
      const user = currentUser(req);
      return one(user, await handler(user, params.id, req.ip ?? '', body));
    },
  });
  const run = (action: BookingAction) => (user: UserDoc, id: string, ip: string) => actOnBooking(user, id, action, ip);
  api.add(act('confirm', 'Confirm a pending request (owner institution)', (user, id, ip) => run({ kind: 'confirm' })(user, id, ip)));
  api.add({
    ...act('decline', 'Decline a pending request with a reason (owner institution); frees the slot', (user, id, ip, body) =>
      run({ kind: 'decline', reason: (body as { reason: string }).reason })(user, id, ip)),
    body: bookingReasonInput,
  });
  api.add({
    ...act('cancel', 'Cancel: the requester before the start (free until 24 h before, later marked late), the owner a confirmed booking with a reason', (user, id, ip, body) =>
      run({ kind: 'cancel', reason: (body as { reason: string }).reason })(user, id, ip)),
    body: bookingCancelInput,
  });
  api.add({
    ...act('usage', 'Record the actual use after the slot (owner institution)', (user, id, ip, body) => run({ kind: 'usage', usage: body as BookingUsageInput })(user, id, ip)),
    body: bookingUsageInput,
  });
  api.add({
    ...act('rating', 'Rate a used booking 1–5 with a comment (the requester, once)', (user, id, ip, body) => run({ kind: 'rate', rating: body as BookingRatingInput })(user, id, ip)),
    body: bookingRatingInput,
  });
  api.add({
    method: 'get', path: '/me/bookings', tag: TAG, access: 'user',
    summary: "My bookings as requester, or the requests for my institution's instruments, newest first",
    query: bookingListQuery, response: paginated(bookingView),
    handler: async ({ query }, req) => {
      const user = currentUser(req);
      const spec = myBookingsQuery(user, query.side, query.status);
      if (!spec) {
        return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      }
      const [docs, total] = await Promise.all([
        BookingModel.find(spec.filter).sort(spec.sort).skip((query.page - 1) * query.pageSize).limit(query.pageSize).lean<BookingRecord[]>(),
        BookingModel.countDocuments(spec.filter),
      ]);
      return { items: await presentBookings(user, docs), total, page: query.page, pageSize: query.pageSize };
    },
  });
  api.add({
    method: 'get', path: '/orgs/:id/instrument-utilisation', tag: TAG, access: 'user',
    summary: "Hours booked (confirmed or used) over hours open of the institution's instruments, per week or month (its members)",
    params: idParams, query: utilisationQuery, response: utilisationView,
    handler: ({ params, query }, req) => orgUtilisation(currentUser(req), params.id, query.period, query.count),
  });
}
