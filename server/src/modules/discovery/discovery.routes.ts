import { exportFormat, needSearchQuery, resultSearchQuery, searchResponse, suggestQuery, suggestResponse, type SearchKind } from '@kezhuan/shared';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { ApiRouter } from '../../lib/api-router';
import type { PlatformSearch } from '../../search/search.service';
import type { SearchQuery } from '../../search/types';
import { env } from '../../config/env';
import { logger } from '../../lib/logger';
import { streamExport } from './export';
import { exportLimits } from './export.limits';
import { didYouMean } from './did-you-mean';
import { presentHit } from './hit.presenter';
import { needEngineQuery, resultEngineQuery } from './search-query';

const exportOptions = { format: exportFormat.default('xlsx'), lang: z.enum(['zh-CN', 'en']).default('zh-CN') };
const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' };

/** Streams the export; links point at the configured public address, never at the request's Host header. */
async function sendExport(search: PlatformSearch, kind: SearchKind, q: SearchQuery, opts: { format: 'xlsx' | 'csv'; lang: 'zh-CN' | 'en' }, req: Request, res: Response) {
  const stamp = new Date().toISOString().slice(0, 10);
  const name = `${kind === 'results' ? '科技成果' : '技术需求'}-${stamp}.${opts.format}`;
  let gone = false;
  res.once('close', () => {
    gone = true;
  });
  const sink = {
    out: res,
    gone: () => gone,
    start: (rows: number) => {
      res
        .status(200)
        .type(MIME[opts.format])
        .set('Content-Disposition', `attachment; filename="${kind}-${stamp}.${opts.format}"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .set('Cache-Control', 'no-store')
        .set('X-Export-Rows', String(rows));
    },
  };
  try {
    await streamExport(search.engine, kind, q, opts.format, opts.lang === 'en' ? 'en' : 'zh', env().publicUrl, sink);
  } catch (err) {
    if (!res.headersSent) {
      throw err;
    }
    // Half a file was sent: cut the connection so the client sees a failed download, not a short file.
    logger().error({ err, url: req.originalUrl }, 'export failed while streaming');
    res.destroy();
  }
}

/**
 * Runs a search. A facet that is being filtered on gets its counts from the same search without its
 * own filter (one more query per such facet), so the other values of that facet stay selectable.
 */
async function run(search: PlatformSearch, kind: SearchKind, q: SearchQuery) {
  const r = await search.engine.query(kind, q);
  const facets = { ...r.facets };
  const filtered = (q.facets ?? []).filter((f) => q.filters?.[f] !== undefined);
  await Promise.all(
    filtered.map(async (facet) => {
      const { [facet]: _own, ...others } = q.filters ?? {};
      const wide = await search.engine.query(kind, { ...q, filters: others, facets: [facet], page: 1, pageSize: 1 });
      facets[facet] = wide.facets[facet] ?? {};
    }),
  );
  // Partial: the best hit lacks some word of the query, so no listing has them all.
  const top = r.hits[0];
  const missingTerms = top && r.terms.length > 1 ? r.terms.filter((t) => !top.matchedTerms.includes(t)) : [];
  let suggestion: string | null = null;
  let other: { kind: SearchKind; total: number } | null = null;
  // With filters set the empty state rightly says "fewer filters"; without, the text found nothing.
  const unfiltered = Object.keys(q.filters ?? {}).length === 0;
  if (q.q.trim() && unfiltered && (r.total === 0 || missingTerms.length > 0)) {
    const otherKind: SearchKind = kind === 'results' ? 'needs' : 'results';
    const activeAt = q.activeAt ?? Date.now();
    [suggestion, other] = await Promise.all([
      didYouMean(search.engine, kind, q.q, activeAt),
      r.total > 0 ? null : search.engine.query(otherKind, { q: q.q, page: 1, pageSize: 1, activeAt }).then((o) => ({ kind: otherKind, total: o.total })),
    ]);
  }
  return {
    hits: r.hits.map((h) => presentHit(kind, h)),
    total: r.total,
    page: r.page,
    pageSize: r.pageSize,
    facets,
    engine: r.engine,
    tookMs: r.tookMs,
    terms: r.terms,
    partial: missingTerms.length > 0,
    missingTerms,
    suggestion,
    other,
  };
}

/** Public search over published listings, with facets and suggestions. */
export function discoveryRoutes(api: ApiRouter, deps: { search: PlatformSearch }): void {
  const limits = exportLimits();
  api.add({
    method: 'get', path: '/search/results', tag: 'search', access: 'public',
    summary: 'Search published research results (full text in Chinese or English, filters, facet counts, sort)',
    query: resultSearchQuery, response: searchResponse,
    handler: ({ query }) => run(deps.search, 'results', resultEngineQuery(query)),
  });
  api.add({
    method: 'get', path: '/search/needs', tag: 'search', access: 'public',
    summary: 'Search published technology needs',
    query: needSearchQuery, response: searchResponse,
    handler: ({ query }) => run(deps.search, 'needs', needEngineQuery(query)),
  });
  api.add({
    method: 'get', path: '/search/results/export', tag: 'search', access: 'public', raw: true,
    summary: 'Download the research results of a search as XLSX or CSV (same filters as the search; up to 10,000 rows, streamed; 10 an hour per IP address anonymously, 60 signed in, one at a time)',
    before: limits,
    query: resultSearchQuery.extend(exportOptions),
    handler: async ({ query }, req, res) => {
      const { format, lang, ...search } = query;
      await sendExport(deps.search, 'results', resultEngineQuery(search), { format, lang }, req, res);
    },
  });
  api.add({
    method: 'get', path: '/search/needs/export', tag: 'search', access: 'public', raw: true,
    summary: 'Download the technology needs of a search as XLSX or CSV',
    before: limits,
    query: needSearchQuery.extend(exportOptions),
    handler: async ({ query }, req, res) => {
      const { format, lang, ...search } = query;
      await sendExport(deps.search, 'needs', needEngineQuery(search), { format, lang }, req, res);
    },
  });
  api.add({
    method: 'get', path: '/search/suggest', tag: 'search', access: 'public',
    summary: 'Search-as-you-type completions (titles and keywords)',
    query: suggestQuery, response: suggestResponse,
    handler: async ({ query }) => ({ suggestions: await deps.search.engine.suggest(query.kind, query.q, 8) }),
  });
}
