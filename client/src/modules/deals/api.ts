import type {
  DealDetailView,
  DealHistoryView,
  DealListView,
  DealMessageInput,
  DealMessageView,
  DealStage,
  DealStageInput,
} from '@kezhuan/shared';
import { api } from '../../api/client';

const id = (v: string) => encodeURIComponent(v);

/** The deal-room REST API (deal.routes.ts): my rooms, a room, its stage changes and chat. */
export const dealsApi = {
  mine: (q: { stage?: DealStage; page?: number; pageSize?: number } = {}) => api.get<DealListView>('/deals', { ...q }),
  get: (did: string) => api.get<DealDetailView>(`/deals/${id(did)}`),
  changeStage: (did: string, input: DealStageInput) => api.post<DealDetailView>(`/deals/${id(did)}/stage`, input),
  /** Withdraws one's own pending proposal, or declines the other side's. */
  dropProposal: (did: string) => api.delete<DealDetailView>(`/deals/${id(did)}/proposal`),
  /** Opens (or returns) the deal room of an accepted commissioner pairing. */
  fromPairing: (pid: string) => api.post<DealDetailView>(`/pairings/${id(pid)}/deal`),
};

/** The chat's REST half: also the degraded mode when the socket does not answer. */
export interface DealChatApi {
  history: (did: string, q: { before?: string; after?: string; limit?: number }) => Promise<DealHistoryView>;
  post: (did: string, input: DealMessageInput) => Promise<DealMessageView>;
  read: (did: string, messageId: string) => Promise<{ messageId: string }>;
}

export const dealChatApi: DealChatApi = {
  history: (did, q) => api.get<DealHistoryView>(`/deals/${id(did)}/messages`, { ...q }),
  post: (did, input) => api.post<DealMessageView>(`/deals/${id(did)}/messages`, input),
  read: (did, messageId) => api.post<{ messageId: string }>(`/deals/${id(did)}/read`, { messageId }),
};
