// diag: for a title query, shows the plan, each term's df/idf, and for the target and the top hits which terms match (FTS).
import Database from 'better-sqlite3';
import { planQuery, SynonymIndex } from '../text/query-plan';
import { SEARCH_CONFIG } from '@kezhuan/search-config';
import { chinaxivPapers, configWithout } from '../bench/corpus';
import { layoutOf } from '../embedded/schema';
import { exactTerms } from '../embedded/fts';
const blind = process.argv[2]!;
import { readFileSync } from 'node:fs';
const cases = readFileSync(process.argv[3]!, 'utf8').split('\n').filter((l) => l.startsWith('  [')).map((l) => { const m = /«(.*)» → (.*?); got (.*)$/.exec(l)!; return { q: m[1]!, target: m[2]!.split(' | ')[0]!, top: m[3]!.split(' | ')[0]!, tag: l.slice(2, l.indexOf(']') + 1) }; });
const config = configWithout(blind).results;
const l = layoutOf(config);
const db = new Database(`/tmp/kz-s6b/embedded-blind-${blind}.sqlite`, { readonly: true });
const syn = new SynonymIndex(config.synonyms);
const papers = chinaxivPapers();
const byTitle = new Map<string, string>();
for (const p of papers) byTitle.set(p.title, p.id);
const n = (db.prepare(`SELECT count(*) n FROM "${l.docs}"`).get() as any).n;
for (const c of cases) {
  const q = c.q;
  const plan = planQuery(q, syn);
  const terms = exactTerms(plan, l);
  console.log(`\n## ${c.tag} ${q}  (${plan.terms.length} terms)`);
  const info = terms.map((t) => {
    const df = (db.prepare(`SELECT count(*) n FROM "${l.fts}" WHERE "${l.fts}" MATCH ?`).get(t.expr) as any).n;
    return { t, df, idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)) };
  });
  console.log(info.map((x) => `${x.t.text}[${plan.terms.find(p=>p.text===x.t.text)!.alternatives.map(a=>a.join('+')).join('|')}]:${x.df}/${x.idf.toFixed(2)}`).join('  '));
    const show = (title: string, id: string) => {
    const rid = (db.prepare(`SELECT rid FROM "${l.docs}" WHERE json LIKE ?`).get(`%"title":"${title.replace(/"/g,'\\"')}"%`) as any)?.rid;
    if (!rid) { console.log('  ?', title); return; }
    const has = info.map((x) => (db.prepare(`SELECT count(*) n FROM "${l.fts}" WHERE "${l.fts}" MATCH ? AND rowid = ${rid}`).get(x.t.expr) as any).n > 0);
    const cov = info.reduce((s, x, i) => s + (has[i] ? x.idf : 0), 0);
    console.log(`  ${title.slice(0, 30)} cov=${cov.toFixed(2)} missing: ${info.filter((_, i) => !has[i]).map((x) => x.t.text).join(' ')}`);
  };
  show(c.target, '');
  show(c.top, '');
}
