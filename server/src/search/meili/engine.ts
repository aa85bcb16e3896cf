import { SEARCH_CONFIG, MEILI_HIDDEN, MEILI_LOCALES, exactAttributes, toMeiliSettings, type IndexConfig } from '@kezhuan/search-config';
import { Meilisearch, type EnqueuedTaskPromise, type Locale, type SearchParams, type Task } from 'meilisearch';
import { planQuery, SynonymIndex, type QueryPlan } from '../text/query-plan';
import { hasHan, normalizeText } from '../text/normalize';
import { suggestionCandidates } from '../text/terms';
import type { IndexName, SearchDocument, SearchEngine, SearchHit, SearchQuery, SearchResult } from '../types';
import { assertDocument, checkQuery } from '../validate';
import { toMeiliFilter } from './filters';
import { toSearchHit, PRE_TAG, POST_TAG } from './hits';
import { keepAliveHttp, meiliErrorCode, type KeepAliveHttp } from './http';
import { exactFirstPage, type PageAnswer } from './exact';
import { exactValues, homophoneHit, homophoneQuery, MEILI_DOC_FORMAT, withHiddenFields } from './homophones';
import { meiliQueryText } from './query-text';
import { settingsInPlace } from './settings-diff';
import { coverage, idf, localHit, rarest, relaxedWindow, RELAX_WINDOW, searchableText, type TermStats } from './relaxed';
import { TermCounts } from './term-counts';
import { matchedTermsIn } from '../text/terms';

export interface MeiliOptions {
  host: string;
  apiKey?: string;
  /** Prepended to index names: `kz_` in production, unique per test file. */
  indexPrefix: string;
  /** HTTP client: keep-alive `node:http` (default, measured faster) or the global fetch. */
  http?: 'keep-alive' | 'fetch';
  /** Per-request timeout of the keep-alive client in milliseconds (default 10 s). */
  timeoutMs?: number;
  config?: Readonly<Record<IndexName, IndexConfig>>;
}

/** Documents per add request; Meilisearch batches consecutive additions itself. */
const BATCH = 5_000;
/** Waiting for indexing tasks: large imports take minutes. */
const TASK_WAIT = { timeout: 30 * 60_000, interval: 50 };
const CROP_WORDS = 50;
/** Relaxed queries of a long query: without its rarest word, then without the next rarest too, … */
const MAX_RELAXATIONS = 3;

/** Throws when a finished task did not succeed (error code and message of Meilisearch). */
function assertSucceeded(task: Task, allowed: readonly string[] = []): void {
  if (task.status !== 'succeeded' && !(task.error && allowed.includes(task.error.code))) {
    throw new Error(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.code ?? ''} ${task.error?.message ?? ''}`);
  }
}

async function settle(task: EnqueuedTaskPromise, allowed?: readonly string[]): Promise<void> {
  assertSucceeded(await task.waitTask(TASK_WAIT), allowed);
}

/** True when there is no hit, or the hit did not match every Chinese word of the query. */
function lacksHanTerm(plan: QueryPlan, hit: SearchHit | undefined): boolean {
  const han = plan.terms.filter((t) => hasHan(t.text));
  return han.length > 0 && (!hit || han.some((t) => !hit.matchedTerms.includes(t.text)));
}

/** The plan without its phrase terms, or undefined when it has none or nothing else. */
function withoutPhrases(plan: QueryPlan): QueryPlan | undefined {
  const terms = plan.terms.filter((t) => !t.phrase);
  return terms.length > 0 && terms.length < plan.terms.length ? { ...plan, terms } : undefined;
}

/** Meilisearch through the official client, with the settings of search-config. */
export class MeiliSearchEngine implements SearchEngine {
  readonly kind = 'meilisearch' as const;
  readonly client: Meilisearch;
  private readonly http: KeepAliveHttp | undefined;
  private readonly config: Readonly<Record<IndexName, IndexConfig>>;
  private readonly synonyms = new Map<IndexName, SynonymIndex>();
  /** Per-index listing count and document frequency of each query word (see termStats). */
  private readonly counts = new TermCounts();

  constructor(private readonly options: MeiliOptions) {
    this.http = options.http === 'fetch' ? undefined : keepAliveHttp(options.timeoutMs ?? 10_000);
    this.client = new Meilisearch({
      host: options.host,
      ...(options.apiKey ? { apiKey: options.apiKey } : {}),
      ...(this.http ? { httpClient: this.http.request } : {}),
      defaultWaitOptions: TASK_WAIT,
    });
    this.config = options.config ?? SEARCH_CONFIG;
  }

  /** The Meilisearch index uid of an index. */
  uid(index: IndexName): string {
    return `${this.options.indexPrefix}${index}`;
  }

  async ensureIndex(index: IndexName): Promise<void> {
    const uid = this.uid(index);
    try {
      await this.client.getIndex(uid);
    } catch (error) {
      if (meiliErrorCode(error) !== 'index_not_found') {
        throw error;
      }
      await settle(this.client.createIndex(uid, { primaryKey: 'id' }), ['index_already_exists']);
    }
    // Same settings twice is a no-op for Meilisearch (nothing is re-indexed), but a task to wait for.
    const wanted = toMeiliSettings(this.config[index]);
    if (!settingsInPlace(await this.client.index(uid).getSettings(), wanted)) {
      await settle(this.client.index(uid).updateSettings(wanted));
    }
  }

  async upsert(index: IndexName, docs: readonly SearchDocument[]): Promise<void> {
    docs.forEach(assertDocument);
    const ix = this.client.index(this.uid(index));
    const tasks: EnqueuedTaskPromise[] = [];
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH).map((d) => withHiddenFields(d, this.config[index]));
      tasks.push(ix.addDocuments(batch, { primaryKey: 'id' }));
    }
    try {
      for (const task of tasks) {
        await settle(task);
      }
    } finally {
      this.counts.forget(index);
    }
  }

  async remove(index: IndexName, ids: readonly string[]): Promise<void> {
    if (ids.length > 0) {
      try {
        await settle(this.client.index(this.uid(index)).deleteDocuments([...ids]));
      } finally {
        this.counts.forget(index);
      }
    }
  }

  async query(index: IndexName, query: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    const config = this.config[index];
    const checked = checkQuery(config, query);
    const plan = this.plan(index, query.q);
    const q = meiliQueryText(plan);
    const sort = query.sort ?? (q ? null : config.defaultSort);
    const params = {
      filter: toMeiliFilter(checked, query.activeAt),
      facets: [...(query.facets ?? [])],
      sort: sort ? [`${sort.field}:${sort.order}`] : undefined,
      page: query.page,
      hitsPerPage: query.pageSize,
      // Only the fields the platform stores for display: never the hidden _sub/_py texts (a page
      // of 100 hits carried them all, then threw them away).
      attributesToRetrieve: this.retrieved(index),
      // Nothing to mark without text: formatting 100 long summaries for nothing cost most of a page.
      ...(q
        ? {
            attributesToHighlight: config.searchable.map((a) => a.name),
            highlightPreTag: PRE_TAG,
            highlightPostTag: POST_TAG,
            attributesToCrop: config.searchable.filter((a) => a.snippet).map((a) => a.name),
            cropLength: CROP_WORDS,
            cropMarker: '…',
          }
        : {}),
      locales: [...MEILI_LOCALES] as Locale[],
      // When not every word matches, drop the commonest words first (not the last ones typed).
      matchingStrategy: 'frequency',
    } satisfies SearchParams;
    const ix = this.client.index(this.uid(index));
    const visible = [...config.searchable.map((a) => a.name), MEILI_HIDDEN.subWords];
    // How many listings contain each word: a word none contains is left out of the query (under
    // `frequency` Meilisearch keeps the rarest word to the end, so it would find nothing), and the
    // rarest word is the one a second query goes without.
    let sent = plan;
    if (q && plan.terms.length >= 2) {
      const stats = await this.termStats(index, plan, visible, params.filter);
      const live = plan.terms.filter((t) => (stats.df.get(t.text) ?? 0) > 0);
      if (live.length > 0 && live.length < plan.terms.length) {
        sent = { ...plan, terms: live };
      }
      // As the embedded engine: partial matches only when fewer than minHits listings have every
      // word. Otherwise Meilisearch's own order (exactness, proximity, attribute) ranks them.
      if (live.length >= 2 && !query.sort && stats.whole < config.typoTolerance.homophones.minHits) {
        return this.relaxedQuery(index, query, plan, sent, stats, { ...params, attributesToSearchOn: visible }, started);
      }
    }
    // Listings whose title or a keyword is the whole query first (exact.ts); an explicit sort rules.
    const exactKey = q && !query.sort && exactAttributes(config).length > 0 ? plan.normalized : '';
    let res: PageAnswer = exactKey
      ? await exactFirstPage(this.client, this.uid(index), meiliQueryText(sent), exactKey, { ...params, attributesToSearchOn: visible })
      : await ix.search(meiliQueryText(sent), { ...params, attributesToSearchOn: visible });
    let hits = res.hits.map((h) => toSearchHit(h, config, plan));
    // Meilisearch never drops a phrase: when the single characters of one (磁流变) occur nowhere
    // together, ask for the other words alone (partial matches, never the characters one by one).
    const rest = res.totalHits < config.typoTolerance.homophones.minHits ? withoutPhrases(plan) : undefined;
    if (rest) {
      const alt = await ix.search(meiliQueryText(rest), { ...params, attributesToSearchOn: visible });
      if (alt.totalHits > res.totalHits) {
        res = alt;
        hits = alt.hits.map((h) => toSearchHit(h, config, plan));
      }
    }
    // Homophone typos, as the embedded engine: only when the query finds little and the best hit
    // lacks one of its Chinese words; by sound, every word required.
    const hq = res.totalHits < config.typoTolerance.homophones.minHits && lacksHanTerm(plan, hits[0]) ? homophoneQuery(query.q) : undefined;
    if (hq) {
      const alt = await ix.search(hq.q, { ...params, attributesToSearchOn: [...visible, MEILI_HIDDEN.pinyin], matchingStrategy: 'all' });
      if (alt.totalHits > 0) {
        res = alt;
        hits = alt.hits.map((h) => homophoneHit(toSearchHit(h, config, plan), config, hq));
      }
    }
    const facets: Record<string, Record<string, number>> = {};
    for (const f of query.facets ?? []) {
      facets[f] = { ...(res.facetDistribution?.[f] ?? {}) };
    }
    return {
      hits,
      total: res.totalHits,
      page: query.page,
      pageSize: query.pageSize,
      facets,
      engine: this.kind,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
      terms: plan.terms.map((t) => t.text),
    };
  }

  /**
   * The number of listings, how many listings contain each term, and how many (of those the
   * filters keep) contain every word of the query (one request).
   */
  private async termStats(index: IndexName, plan: QueryPlan, visible: string[], filter: SearchParams['filter']): Promise<TermStats> {
    const base = { indexUid: this.uid(index), attributesToSearchOn: visible, locales: [...MEILI_LOCALES] as Locale[], page: 1, hitsPerPage: 0 };
    const all = 'all' as const;
    // The listing count and each word's document frequency do not depend on the query's filters:
    // counted once per index state (writes through this engine forget them). Only the count of
    // listings with every word, under the filters, is asked every time.
    const counts = this.counts.of(index);
    const missing = plan.terms.filter((t) => counts.df(t) === undefined);
    const asked = counts.n === undefined ? [{ ...base, q: '' }] : [];
    const generation = this.counts.generation(index);
    const { results } = await this.client.multiSearch({
      queries: [
        { ...base, q: meiliQueryText(plan), matchingStrategy: all, filter },
        ...asked,
        ...missing.map((t) => ({ ...base, q: meiliQueryText({ ...plan, terms: [t] }), matchingStrategy: all })),
      ],
    });
    const total = (i: number) => Number((results[i] as { totalHits?: number }).totalHits ?? 0);
    const n = counts.n ?? total(1);
    const fresh = new Map(missing.map((t, i) => [t, total(1 + asked.length + i)]));
    // A write that finished while these were counted may have changed them: use, but do not keep.
    if (generation === this.counts.generation(index)) {
      counts.n = n;
      fresh.forEach((df, t) => counts.setDf(t, df));
    }
    return { n, whole: total(0), df: new Map(plan.terms.map((t) => [t.text, fresh.get(t) ?? counts.df(t) ?? 0])) };
  }

  /**
   * A query of two or more words without an explicit sort: the full query and the query without its
   * rarest word, merged in the first RELAX_WINDOW positions by the rarity of the words each listing
   * contains (see relaxed.ts); past the window, the full query's own pages.
   */
  private async relaxedQuery(
    index: IndexName,
    query: SearchQuery,
    plan: QueryPlan,
    sent: QueryPlan,
    stats: TermStats,
    params: SearchParams & { attributesToSearchOn: string[] },
    started: number,
  ): Promise<SearchResult> {
    const config = this.config[index];
    const r = rarest(sent.terms, stats.df)!;
    const fullText = meiliQueryText(sent);
    const window = {
      indexUid: this.uid(index),
      filter: params.filter,
      attributesToSearchOn: params.attributesToSearchOn,
      attributesToRetrieve: params.attributesToRetrieve,
      locales: params.locales,
      matchingStrategy: 'frequency' as const,
      page: 1,
      hitsPerPage: RELAX_WINDOW,
    };
    // What the full query cannot do without: its rarest word and every phrase (Meilisearch never
    // drops one). The relaxed queries go without them, then also without the next rarest words.
    const required = sent.terms.filter((t) => t.phrase || t === r);
    const others = [...sent.terms.filter((t) => !required.includes(t))].sort((a, b) => (stats.df.get(a.text) ?? 0) - (stats.df.get(b.text) ?? 0));
    const relaxed = Array.from({ length: Math.min(MAX_RELAXATIONS, others.length) }, (_, k) => others.slice(k));
    const { results } = await this.client.multiSearch({
      queries: [{ ...window, q: fullText, facets: params.facets }, ...relaxed.map((terms) => ({ ...window, q: meiliQueryText({ ...sent, terms: sent.terms.filter((t) => terms.includes(t)) }) }))],
    });
    const [full, ...rest] = results as unknown as [
      { hits: Record<string, unknown>[]; totalHits: number; facetDistribution?: Record<string, Record<string, number>> },
      ...{ hits: Record<string, unknown>[] }[],
    ];
    const weight = new Map(sent.terms.map((t) => [t.text, idf(stats.n, stats.df.get(t.text) ?? 0)]));
    const rank = (raw: Record<string, unknown>) => {
      const text = searchableText(raw, config);
      return { raw, text, cov: coverage(sent, text, weight) };
    };
    const seen = new Set(full.hits.map((h) => String(h.id)));
    const needed = { ...sent, terms: required };
    // Listings the full query cannot find, by the rarity they cover. When every match of the full
    // query is in hand, that is every other listing found: exact, whatever Meilisearch made of the
    // query. A text test would say more than Meilisearch matched: the phrase 地咸水 of 防护林地
    // 咸水滴灌 spans two keywords, and 克鲁维 is one word inside 克鲁维酵母; the paper that has
    // every word was then left out of both lists. Beyond that, those lacking a required term (the
    // full query's later pages cannot show them again).
    const complete = full.totalHits <= full.hits.length;
    const extra: ReturnType<typeof rank>[] = [];
    for (const raw of rest.flatMap((res) => res.hits)) {
      const id = String(raw.id);
      const hit = seen.has(id) ? undefined : rank(raw);
      seen.add(id);
      if (hit && (complete || matchedTermsIn(needed, hit.text).length < required.length)) {
        extra.push(hit);
      }
    }
    extra.sort((a, b) => b.cov - a.cov);
    // Among the listings with every word, those whose title or a keyword is the whole query first.
    const key = plan.normalized;
    const isExact = (raw: Record<string, unknown>) => exactValues(raw, config).includes(key);
    const head = full.hits.slice(0, stats.whole);
    const fullHits = [...head.filter(isExact), ...head.filter((h) => !isExact(h)), ...full.hits.slice(head.length)];
    const { window: ordered, extraIn } = relaxedWindow(fullHits.map(rank), extra, stats.whole, RELAX_WINDOW);
    const from = (query.page - 1) * query.pageSize;
    const to = from + query.pageSize;
    const hits = ordered.slice(from, to).map((h) => localHit(h.raw, config, plan));
    if (to > RELAX_WINDOW && full.totalHits > RELAX_WINDOW - extraIn) {
      // Past the window: the full query continues after the listings the window took from it.
      const start = Math.max(from, RELAX_WINDOW);
      const tail = await this.client.index(this.uid(index)).search(fullText, {
        ...params,
        page: undefined,
        hitsPerPage: undefined,
        facets: [],
        offset: start - extraIn,
        limit: to - start,
      });
      hits.push(...tail.hits.map((h) => toSearchHit(h, config, plan)));
    }
    const facets: Record<string, Record<string, number>> = {};
    for (const f of query.facets ?? []) {
      facets[f] = { ...(full.facetDistribution?.[f] ?? {}) };
    }
    return {
      hits,
      total: full.totalHits + extraIn,
      page: query.page,
      pageSize: query.pageSize,
      facets,
      engine: this.kind,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
      terms: plan.terms.map((t) => t.text),
    };
  }

  /** Completions from the titles and keywords of the best matches, most frequent first. */
  async suggest(index: IndexName, prefix: string, limit: number): Promise<string[]> {
    const norm = normalizeText(prefix).trim();
    if (!norm || limit < 1) {
      return [];
    }
    const attrs = [...this.config[index].suggest];
    const res = await this.client.index(this.uid(index)).search(norm, {
      attributesToSearchOn: attrs,
      attributesToRetrieve: attrs,
      limit: 100,
      locales: [...MEILI_LOCALES] as Locale[],
    });
    const counts = new Map<string, { display: string; n: number }>();
    for (const hit of res.hits) {
      for (const [key, display] of suggestionCandidates(hit, attrs)) {
        if (key.startsWith(norm)) {
          const c = counts.get(key) ?? { display, n: 0 };
          c.n++;
          counts.set(key, c);
        }
      }
    }
    return [...counts]
      .sort(([ka, a], [kb, b]) => b.n - a.n || ka.length - kb.length || (ka < kb ? -1 : 1))
      .slice(0, Math.min(limit, 100))
      .map(([, c]) => c.display);
  }

  async versions(index: IndexName): Promise<Map<string, number>> {
    const ix = this.client.index(this.uid(index));
    const out = new Map<string, number>();
    const limit = 10_000;
    for (let offset = 0; ; offset += limit) {
      const page = await ix.getDocuments<{ id: string; _v: number; _f?: number }>({ fields: ['id', '_v', '_f'], limit, offset });
      page.results.forEach((d) => out.set(String(d.id), d._f === MEILI_DOC_FORMAT ? Number(d._v) : -1));
      if (page.results.length < limit) {
        return out;
      }
    }
  }

  async count(index: IndexName): Promise<number> {
    return (await this.client.index(this.uid(index)).getStats()).numberOfDocuments;
  }

  async clear(index: IndexName): Promise<void> {
    try {
      await settle(this.client.index(this.uid(index)).deleteAllDocuments());
    } finally {
      this.counts.forget(index);
    }
  }

  /** True when the server answers /health within two seconds. */
  async healthy(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), 2_000);
    });
    try {
      const answer = this.client.health().then((h) => h.status === 'available');
      return await Promise.race([answer, timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    this.http?.close();
    return Promise.resolve();
  }

  /** Attributes a hit returns: the config's displayed ones, or every configured one for '*' (never the hidden fields). */
  private retrieved(index: IndexName): string[] {
    const c = this.config[index];
    if (!c.displayed.includes('*')) {
      return [...new Set(['id', '_v', ...c.displayed])];
    }
    return [...new Set(['id', '_v', ...c.searchable.map((a) => a.name), ...c.filterable.map((a) => a.name), ...c.sortable, 'updatedAt'])];
  }

  private plan(index: IndexName, q: string): QueryPlan {
    let synonyms = this.synonyms.get(index);
    if (!synonyms) {
      synonyms = new SynonymIndex(this.config[index].synonyms);
      this.synonyms.set(index, synonyms);
    }
    return planQuery(q, synonyms);
  }
}
