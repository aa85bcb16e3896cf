/**
 * What a database plans for a query: whether it reads the whole collection. MongoDB says so with a
 * COLLSCAN stage. FerretDB 2 returns PostgreSQL's EXPLAIN of the DocumentDB table (`documents_<n>`):
 * a collection scan is a `Seq Scan` of that table, or a scan of its `_id_` index whose only
 * condition is the shard key (every row of the collection), as opposed to an Index/Bitmap Index Scan
 * whose condition tests the document (`document @= …`, `object_id = …`).
 */
import mongoose, { type Model } from 'mongoose';
import type { QuerySpec } from '../lib/query-spec';

/** Any of the platform's models (their document types differ). */
export type AnyModel = Model<Record<string, unknown>>;

interface PgNode {
  'Node Type'?: string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PgNode[];
}

export interface PlanVerdict {
  collectionScan: boolean;
  /** A one-line summary of the plan, for failure messages. */
  summary: string;
}

function walkPg(node: PgNode, out: string[], scans: string[]): void {
  const type = node['Node Type'] ?? '?';
  const cond = (node['Index Cond'] ?? '').replace(/'BSONHEX[0-9a-f]+'/g, '…');
  out.push(`${type}${node['Index Name'] ? `[${node['Index Name']}]` : ''}${node['Relation Name'] ? `(${node['Relation Name']})` : ''}`);
  if (type === 'Seq Scan' && node['Relation Name']?.startsWith('documents_')) {
    scans.push(type);
  }
  if (node['Index Name'] && !/document|object_id/.test(cond)) {
    scans.push(`${type} on ${node['Index Name']} with only ${cond}`);
  }
  for (const child of node.Plans ?? []) {
    walkPg(child, out, scans);
  }
}

function stagesOf(plan: unknown, out: string[]): void {
  if (Array.isArray(plan)) {
    plan.forEach((p) => stagesOf(p, out));
  } else if (plan && typeof plan === 'object') {
    for (const [k, v] of Object.entries(plan)) {
      if (k === 'stage' && typeof v === 'string') {
        out.push(v);
      } else if (k !== 'rejectedPlans') {
        stagesOf(v, out);
      }
    }
  }
}

/** Reads an explain answer of either server. */
export function verdictOf(explained: Record<string, unknown>): PlanVerdict {
  const qp = explained.queryPlanner as { Plan?: PgNode; winningPlan?: unknown } | undefined;
  if (qp?.Plan) {
    const out: string[] = [];
    const scans: string[] = [];
    walkPg(qp.Plan, out, scans);
    return { collectionScan: scans.length > 0, summary: out.join(' > ') };
  }
  const stages: string[] = [];
  stagesOf(qp?.winningPlan ?? explained, stages);
  return { collectionScan: stages.includes('COLLSCAN'), summary: stages.join(' > ') };
}

/** The filter as Mongoose casts it for `model` (ObjectIds, dates). */
function castFilter(model: AnyModel, filter: Record<string, unknown>): Record<string, unknown> {
  const q = model.find(filter);
  q.cast(model);
  return q.getFilter() as Record<string, unknown>;
}

/** Explains a page (find + sort + limit) the way the services run it. */
export async function explainPage(model: AnyModel, spec: QuerySpec, limit = 20): Promise<PlanVerdict> {
  const q = model.find(spec.filter).limit(limit);
  if (spec.sort) {
    q.sort(spec.sort);
  }
  return verdictOf((await q.explain('queryPlanner')) as unknown as Record<string, unknown>);
}

/** Explains the count of a page's filter. */
export async function explainCount(model: AnyModel, spec: QuerySpec): Promise<PlanVerdict> {
  const db = mongoose.connection.db;
  if (!db) {
    throw new Error('not connected');
  }
  const res = await db.command({ explain: { count: model.collection.collectionName, query: castFilter(model, spec.filter) }, verbosity: 'queryPlanner' });
  return verdictOf(res);
}
