import type { BookingRatingInput, BookingRequestInput, BookingStatus, BookingUsageInput, BookingView, CalendarView, UtilisationView } from '@kezhuan/shared';
import { api } from '../../../api/client';
import type { Page } from '../../../api/endpoints';

const id = (v: string) => encodeURIComponent(v);

/** Instrument booking (server: instruments/booking.routes.ts). */
export const bookingApi = {
  calendar: (instrumentId: string, from: string, to: string) => api.get<CalendarView>(`/instruments/${id(instrumentId)}/calendar`, { from, to }),
  request: (instrumentId: string, input: BookingRequestInput) => api.post<BookingView>(`/instruments/${id(instrumentId)}/bookings`, input),
  mine: (q: { side: 'requester' | 'owner'; status?: BookingStatus; page: number; pageSize: number }) => api.get<Page<BookingView>>('/me/bookings', { ...q }),
  confirm: (bid: string) => api.post<BookingView>(`/instrument-bookings/${id(bid)}/confirm`),
  decline: (bid: string, reason: string) => api.post<BookingView>(`/instrument-bookings/${id(bid)}/decline`, { reason }),
  cancel: (bid: string, reason: string) => api.post<BookingView>(`/instrument-bookings/${id(bid)}/cancel`, { reason }),
  usage: (bid: string, input: BookingUsageInput) => api.post<BookingView>(`/instrument-bookings/${id(bid)}/usage`, input),
  rate: (bid: string, input: BookingRatingInput) => api.post<BookingView>(`/instrument-bookings/${id(bid)}/rating`, input),
  utilisation: (orgId: string, period: 'week' | 'month', count: number) => api.get<UtilisationView>(`/orgs/${id(orgId)}/instrument-utilisation`, { period, count }),
};
