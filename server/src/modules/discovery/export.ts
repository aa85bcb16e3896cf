/**
 * Export of a search result set (every page, up to EXPORT_MAX rows) to XLSX or CSV, with codes
 * written as their names in the chosen language.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import {
  CITIES,
  COOPERATION_MODES,
  DISCIPLINES,
  INDUSTRY_SECTIONS,
  MANUFACTURING_DIVISIONS,
  MATURITY_LEVELS,
  PRICE_BANDS,
  TRANSFER_MODES,
  type SearchHitView,
  type SearchKind,
} from '@kezhuan/shared';
import type { SearchEngine, SearchQuery } from '../../search/types';
import { csvHeader, csvRecord, streamXlsx, type ExportColumn, type ExportRow } from '../imports/writers';
import { presentHit } from './hit.presenter';

export const EXPORT_MAX = 10_000;
const PAGE = 100;

type Locale = 'zh' | 'en';
const label = (list: readonly { code: string; zh: string; en: string }[], code: string | null, l: Locale) =>
  code ? (list.find((x) => x.code === code)?.[l] ?? code) : '';
const INDUSTRIES = [...INDUSTRY_SECTIONS, ...MANUFACTURING_DIVISIONS];

function columns(kind: SearchKind): ExportColumn[] {
  const amount = kind === 'results' ? { zh: '价格（元）', en: 'Price (CNY)' } : { zh: '预算上限（元）', en: 'Budget up to (CNY)' };
  return [
    { key: 'title', header: { zh: kind === 'results' ? '成果名称' : '需求名称', en: 'Title' }, width: 40 },
    { key: 'org', header: { zh: '机构', en: 'Organisation' }, width: 30 },
    { key: 'city', header: { zh: '所在市', en: 'City' }, width: 12 },
    { key: 'discipline', header: { zh: '学科', en: 'Discipline' }, width: 16 },
    { key: 'industry', header: { zh: '行业', en: 'Industry' }, width: 20 },
    ...(kind === 'results' ? [{ key: 'maturity', header: { zh: '成熟度', en: 'Maturity' }, width: 10 }] : []),
    { key: 'modes', header: kind === 'results' ? { zh: '转化方式', en: 'Transfer modes' } : { zh: '合作方式', en: 'Cooperation modes' }, width: 24 },
    { key: 'amount', header: amount, width: 14 },
    { key: 'band', header: { zh: '价格区间', en: 'Price band' }, width: 12 },
    { key: 'keywords', header: { zh: '关键词', en: 'Keywords' }, width: 30 },
    { key: 'publishedAt', header: { zh: '发布日期', en: 'Published' }, width: 12 },
    { key: 'link', header: { zh: '链接', en: 'Link' }, width: 40 },
  ];
}

function row(h: SearchHitView, l: Locale, origin: string): ExportRow {
  const modes = h.kind === 'results' ? TRANSFER_MODES : COOPERATION_MODES;
  return {
    title: h.title,
    org: h.org.name,
    city: label(CITIES, h.city, l),
    discipline: label(DISCIPLINES, h.discipline, l),
    industry: label(INDUSTRIES, h.industry, l),
    maturity: label(MATURITY_LEVELS, h.maturity, l),
    modes: h.modes.map((m) => label(modes, m, l)),
    amount: h.amount ?? (l === 'zh' ? '面议' : 'negotiable'),
    band: label(PRICE_BANDS, h.band, l),
    keywords: h.keywords,
    publishedAt: h.publishedAt?.slice(0, 10) ?? '',
    link: `${origin}/${h.kind}/${h.id}`,
  };
}

export interface ExportSink {
  /** Called once, before the first byte, with the number of rows that will be written. */
  start(rows: number): void;
  /** The response body. */
  out: Writable;
  /** True once the client has gone: the export stops at the next page. */
  gone(): boolean;
}

const nextTick = () => new Promise<void>((r) => setImmediate(r));

/**
 * Runs the query page by page and streams every hit to the sink as it arrives (facets and
 * highlights are not needed here): memory stays at one page, and other requests are served
 * between pages instead of waiting for a whole 10,000-row workbook to be built.
 */
export async function streamExport(engine: SearchEngine, kind: SearchKind, query: SearchQuery, format: 'xlsx' | 'csv', locale: Locale, origin: string, sink: ExportSink): Promise<number> {
  const cols = columns(kind);
  const first = await engine.query(kind, { ...query, facets: [], page: 1, pageSize: PAGE });
  const expected = Math.min(first.total, EXPORT_MAX);
  sink.start(expected);
  const write = async (chunk: string) => {
    if (!sink.out.write(chunk)) {
      await Promise.race([once(sink.out, 'drain'), once(sink.out, 'close')]);
    }
  };
  const xlsx = format === 'xlsx' ? streamXlsx(sink.out, cols, { locale, sheetName: kind }) : null;
  if (!xlsx) {
    await write(csvHeader(cols, locale));
  }
  let written = 0;
  let page = first;
  for (let n = 1; ; ) {
    for (const h of page.hits.slice(0, EXPORT_MAX - written)) {
      const r = row(presentHit(kind, h), locale, origin);
      if (xlsx) {
        xlsx.add(r);
      } else {
        await write(csvRecord(cols, r, locale));
      }
      written++;
    }
    if (written >= EXPORT_MAX || page.hits.length < PAGE || n * PAGE >= page.total || sink.gone()) {
      break;
    }
    await nextTick();
    n++;
    page = await engine.query(kind, { ...query, facets: [], page: n, pageSize: PAGE });
  }
  if (xlsx) {
    await xlsx.end();
  } else {
    sink.out.end();
  }
  return written;
}
