import {
  idParams,
  transferIndexBreakdownView,
  transferIndexExportQuery,
  transferIndexFormulaView,
  transferIndexQuery,
  transferIndexRankingView,
  transferIndexWeightsInput,
  transferIndexYearQuery,
} from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import { breakdown, currentFormula, defaultYear, formulaView, ranking, rankingForExport, recount, setWeights } from './transfer-index.service';
import { transferIndexWorkbook } from './transfer-index.xlsx';

const TAG = 'transfer-index';

/** The institutions' transformation index (科技成果转化综合评价): ranking, breakdown, weights, recount, XLSX. */
export function transferIndexRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/transfer-index', tag: TAG, access: 'public',
    summary: 'The ranking of verified universities and institutes for a year (default this year), with the formula and weights in force; filter by type and city (scores are normalised over all institutions)',
    query: transferIndexQuery, response: transferIndexRankingView,
    handler: ({ query }) => ranking(query),
  });
  api.add({
    method: 'get', path: '/transfer-index/orgs/:id', tag: TAG, access: 'public',
    summary: 'An institution’s breakdown: each indicator’s raw value, normalised value, weighted contribution and rank; its members also get the records behind each',
    params: idParams, query: transferIndexYearQuery, response: transferIndexBreakdownView, errors: ['NOT_FOUND'],
    handler: ({ params, query }, req) => breakdown(req.user, params.id, query.year),
  });
  api.add({
    method: 'get', path: '/transfer-index/formula', tag: TAG, access: 'public',
    summary: 'The formula in force: indicators, weights (sum 100), normalisation, version',
    response: transferIndexFormulaView,
    handler: async () => formulaView(await currentFormula()),
  });
  api.add({
    method: 'put', path: '/admin/transfer-index/formula', tag: TAG, access: ['admin'],
    summary: 'New weights (every indicator, whole numbers adding up to 100): stored as the next version, audited; rankings use them at once',
    body: transferIndexWeightsInput, response: transferIndexFormulaView, errors: ['CONFLICT'],
    handler: ({ body }, req) => setWeights(currentUser(req), body, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/admin/transfer-index/recount', tag: TAG, access: ['admin'],
    summary: 'Recounts the year’s raw values from the records now (otherwise done when the snapshot is older than 10 minutes)',
    query: transferIndexYearQuery, response: transferIndexRankingView,
    handler: async ({ query }) => {
      await recount(query.year ?? defaultYear());
      return ranking({ year: query.year });
    },
  });
  api.add({
    method: 'get', path: '/admin/transfer-index.xlsx', tag: TAG, access: ['admin'], raw: true,
    summary: 'The ranking with every indicator’s raw value and points, and the formula, as an XLSX workbook',
    query: transferIndexExportQuery,
    handler: async ({ query }, _req, res) => {
      const data = await rankingForExport(query.year);
      const bytes = await transferIndexWorkbook(data, query.lang === 'en' ? 'en' : 'zh');
      res
        .status(200)
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .set('Content-Disposition', `attachment; filename="transfer-index-${data.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(`科技成果转化综合评价-${data.year}.xlsx`)}`)
        .set('Cache-Control', 'no-store')
        .send(bytes);
    },
  });
}
