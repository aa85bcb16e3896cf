import type { DealIntermediaryView, DealInvitationInput, IntermediaryAnswerInput, OrderCancelInput, OrderDeliveryInput, OrderRatingInput, ServiceOrderInput } from '@kezhuan/shared';
import { api } from '../../api/client';

const id = (v: string) => encodeURIComponent(v);
const room = (dealId: string) => `/deals/${id(dealId)}`;
const order = (dealId: string, orderId: string) => `${room(dealId)}/orders/${id(orderId)}`;

/** The intermediary part of a deal room: invitations, service orders, deliveries and ratings. */
export const dealIntermediaryApi = {
  view: (dealId: string) => api.get<DealIntermediaryView>(`${room(dealId)}/intermediary`),
  invite: (dealId: string, input: DealInvitationInput) => api.post<DealIntermediaryView>(`${room(dealId)}/invitations`, input),
  answerInvitation: (dealId: string, invitationId: string, input: IntermediaryAnswerInput) =>
    api.post<DealIntermediaryView>(`${room(dealId)}/invitations/${id(invitationId)}/answer`, input),
  withdrawInvitation: (dealId: string, invitationId: string) => api.post<DealIntermediaryView>(`${room(dealId)}/invitations/${id(invitationId)}/withdraw`),
  order: (dealId: string, input: ServiceOrderInput) => api.post<DealIntermediaryView>(`${room(dealId)}/orders`, input),
  answerOrder: (dealId: string, orderId: string, input: IntermediaryAnswerInput) => api.post<DealIntermediaryView>(`${order(dealId, orderId)}/answer`, input),
  uploadReport: (dealId: string, orderId: string, file: File) => api.upload<DealIntermediaryView>(`${order(dealId, orderId)}/file`, file, { name: file.name }),
  deliver: (dealId: string, orderId: string, input: OrderDeliveryInput) => api.post<DealIntermediaryView>(`${order(dealId, orderId)}/delivery`, input),
  cancelOrder: (dealId: string, orderId: string, input: OrderCancelInput) => api.post<DealIntermediaryView>(`${order(dealId, orderId)}/cancel`, input),
  acceptDelivery: (dealId: string, orderId: string, input: OrderRatingInput) => api.post<DealIntermediaryView>(`${order(dealId, orderId)}/acceptance`, input),
  /** A plain link: the browser downloads the report with the session cookie. */
  reportUrl: (dealId: string, orderId: string) => `/api${order(dealId, orderId)}/file`,
};
