import type { ComparableQuery, ComparableView, ContractInput, ContractRegistrationInput, DealContractView, ResultComparableView } from '@kezhuan/shared';
import { api, buildUrl } from '../../api/client';

const contract = (dealId: string) => `/deals/${encodeURIComponent(dealId)}/contract`;

/** A deal room's contract (`/api/deals/:id/contract`), its DOCX draft and comparable deals. */
export const contractApi = {
  get: (dealId: string) => api.get<DealContractView>(contract(dealId)),
  save: (dealId: string, input: ContractInput) => api.put<DealContractView>(contract(dealId), input),
  register: (dealId: string, input: ContractRegistrationInput) => api.post<DealContractView>(`${contract(dealId)}/registration`, input),
  docxUrl: (dealId: string) => buildUrl(`${contract(dealId)}.docx`),
  comparable: (q: ComparableQuery) => api.get<ComparableView>('/contracts/comparable', { ...q }),
  forResult: (resultId: string) => api.get<ResultComparableView>(`/results/${encodeURIComponent(resultId)}/comparable-contracts`),
};
