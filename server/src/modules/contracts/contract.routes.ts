import {
  adminMarketStatsView,
  comparableQuery,
  comparableView,
  contractInput,
  contractRegistrationInput,
  dealContractView,
  idParams,
  marketStatsExportQuery,
  publicMarketStatsView,
  resultComparableView,
} from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import { loadDealRoom } from '../deals/deal.policy';
import { comparableContracts, comparableForResult } from './contract.comparable';
import { contractDocx } from './contract.docx';
import { ContractModel, type ContractRecord } from './contract.model';
import { contractOfDealQuery, dealContract, recordContract, registerContract } from './contract.service';
import { adminMarketStats, publicMarketStats } from './market.stats';
import { marketWorkbook } from './market.xlsx';

const TAG = 'contracts';
const ROOM_ERRORS = ['NOT_FOUND', 'FORBIDDEN'] as const;

/**
 * Technology contracts of deal rooms (recorded at signing, registered later, a DOCX draft), comparable
 * deals (aggregates, k-anonymous) and the technology market's statistics.
 */
export function contractRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/deals/:id/contract', tag: TAG, access: 'user',
    summary: 'A deal room’s contract (null before it is recorded) and whether the caller may edit or register it now',
    params: idParams, response: dealContractView, errors: ROOM_ERRORS,
    handler: ({ params }, req) => dealContract(currentUser(req), params.id, req.ip ?? ''),
  });
  api.add({
    method: 'put', path: '/deals/:id/contract', tag: TAG, access: 'user',
    summary: 'A party records the contract at 签约 or later (type, amount, payment terms, signed date, linked listings), or changes it until it is registered; every change is kept and audited',
    params: idParams, body: contractInput, response: dealContractView, errors: [...ROOM_ERRORS, 'INVALID_STATE', 'CONFLICT'],
    handler: ({ params, body }, req) => recordContract(currentUser(req), params.id, body, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/deals/:id/contract/registration', tag: TAG, access: 'user',
    summary: 'A party records the contract’s registration (技术合同认定登记): number and date; the contract is read-only afterwards',
    params: idParams, body: contractRegistrationInput, response: dealContractView, errors: [...ROOM_ERRORS, 'INVALID_STATE'],
    handler: ({ params, body }, req) => registerContract(currentUser(req), params.id, body, req.ip ?? ''),
  });
  api.add({
    method: 'get', path: '/deals/:id/contract.docx', tag: TAG, access: 'user', raw: true,
    summary: 'A draft technology contract (DOCX) from the room: parties, subject, type, amount and payment terms when recorded, the standard clauses with blanks',
    params: idParams, errors: ROOM_ERRORS,
    handler: async ({ params }, req, res) => {
      const { room } = await loadDealRoom(currentUser(req), params.id, { write: false, ip: req.ip ?? '' });
      const contract = await ContractModel.findOne(contractOfDealQuery(room._id).filter).lean<ContractRecord>();
      const bytes = await contractDocx(room, contract);
      res
        .status(200)
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .set('Content-Disposition', `attachment; filename="contract-${params.id}.docx"; filename*=UTF-8''${encodeURIComponent(`技术合同草稿-${room.listing.title.slice(0, 40)}.docx`)}`)
        .set('Cache-Control', 'no-store')
        .send(bytes);
    },
  });
  api.add({
    method: 'get', path: '/contracts/comparable', tag: TAG, access: 'user',
    summary: 'Amounts of past contracts of a type in a discipline and industry (widened to the type when fewer than 3): count, quartiles, min/max — no figure under 3 contracts',
    query: comparableQuery, response: comparableView,
    handler: ({ query }) => comparableContracts(query),
  });
  api.add({
    method: 'get', path: '/results/:id/comparable-contracts', tag: TAG, access: 'user',
    summary: 'Comparable contract amounts of each contract type for a published result’s discipline and industry',
    params: idParams, response: resultComparableView, errors: ['NOT_FOUND'],
    handler: ({ params }) => comparableForResult(params.id),
  });
  api.add({
    method: 'get', path: '/market/stats', tag: TAG, access: 'public',
    summary: 'The technology market in figures: deal rooms by stage, contracts count and amount by type, city, industry and month (aggregates only; a group’s amount hidden under 3 contracts)',
    response: publicMarketStatsView,
    handler: () => publicMarketStats(),
  });
  api.add({
    method: 'get', path: '/admin/market/stats', tag: TAG, access: ['admin'],
    summary: 'The full market figures: the public ones with every amount, by intermediary, the registration rate and the median days from interest to signing',
    response: adminMarketStatsView,
    handler: () => adminMarketStats(),
  });
  api.add({
    method: 'get', path: '/admin/market/stats.xlsx', tag: TAG, access: ['admin'], raw: true,
    summary: 'The full market figures as an XLSX workbook (overview, stages, by type, city, industry, month, intermediary)',
    query: marketStatsExportQuery,
    handler: async ({ query }, _req, res) => {
      const bytes = await marketWorkbook(await adminMarketStats(), query.lang === 'en' ? 'en' : 'zh');
      res
        .status(200)
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .set('Content-Disposition', `attachment; filename="market-stats.xlsx"; filename*=UTF-8''${encodeURIComponent('技术市场统计.xlsx')}`)
        .set('Cache-Control', 'no-store')
        .send(bytes);
    },
  });
}
