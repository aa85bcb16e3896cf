/**
 * Checking one row of an import and turning it into the document it will become: the API's zod
 * schema, the owning organisation (by credit code), duplicates inside the file, and for
 * organisations a credit code not yet registered.
 */
import { needCreateInput, orgCreateInput, resultInput, type ImportKind, type OrgType } from '@kezhuan/shared';
import { Types } from 'mongoose';
import type { z } from 'zod';
import { historyEntry } from '../listings/lifecycle';
import { TechNeedModel } from '../needs/need.model';
import { needContent } from '../needs/need.service';
import { OrgModel, orgCollisionKey, orgNameKey } from '../orgs/org.model';
import { ResearchResultModel } from '../results/result.model';
import { resultContent } from '../results/result.service';
import { loose } from './cell-parsers';
import { KIND_COLUMNS } from './import.columns';
import type { RowError } from './import.errors';
import { issueErrors, parseRecord, type ParsedRecord, type RawRecord } from './import.rows';
import type { ImportPerson } from './import.validate-pairing';

export interface ImportContext {
  kind: ImportKind;
  /** Listings published (organisations verified) at once, or drafts (unverified). */
  publish: boolean;
  actor: { id: Types.ObjectId; name: string };
  /** The import job, recorded on each listing it creates. */
  jobId?: string;
  now: Date;
  /** Registered organisations by credit code (`createdBy`: the registrant, who owns imported requests). */
  orgs: ReadonlyMap<string, { id: Types.ObjectId; type: OrgType; createdBy?: Types.ObjectId | null }>;
  /** Organisations by loose name and by credit code, with their city (carrier registries only). */
  carrierOrgs?: ReadonlyMap<string, import('./import.validate-carriers').CarrierImportOrg>;
  /** Accounts by email and by mobile (the 双千 lists only). */
  people?: ReadonlyMap<string, ImportPerson>;
  /** Duplicate keys seen so far in the file → the row that had it first. */
  seen: Map<string, number>;
  /** Keys (organisation | loose title) of the kind's listings already on the platform, withdrawn ones aside. */
  existing: ReadonlySet<string>;
}

/** The duplicate key of a listing: its organisation and its title, compared loosely (spacing, width, case). */
export const listingKey = (org: Types.ObjectId | string, title: string): string => `${String(org)}|${loose(title)}`;

/** A target document as it will be inserted. */
export type TargetDoc = Record<string, unknown> & { _id: Types.ObjectId };
export type RowOutcome = { doc: TargetDoc } | { errors: RowError[] };

const OWNER_TYPES: Record<'results' | 'needs', readonly OrgType[]> = { results: ['university', 'institute'], needs: ['enterprise'] };
const topLevel = (schema: { shape: Record<string, unknown> }, extra: string[] = []) => new Set([...Object.keys(schema.shape), ...extra]);
const TOP_LEVEL: Partial<Record<ImportKind, Set<string>>> = { results: topLevel(resultInput, ['orgUscc']), needs: topLevel(needCreateInput, ['orgUscc']), orgs: topLevel(orgCreateInput) };

/** Checks one row; a valid row becomes its target document with a pre-generated `_id`. */
export function validateRecord(ctx: ImportContext, rec: RawRecord): RowOutcome {
  const kc = KIND_COLUMNS[ctx.kind];
  const parsed = parseRecord(kc, rec, TOP_LEVEL[ctx.kind] ?? new Set());
  const errors = parsed.errors;
  const fieldOf = (key: string) => parsed.names.get(key) ?? kc.columns.find((c) => c.key === key)?.zh ?? key;
  const fail = (key: string, zh: string, en: string) => errors.push({ row: rec.row, field: fieldOf(key), message: zh, messageEn: en });
  const check = <S extends z.ZodType>(schema: S): z.output<S> | undefined => {
    const r = schema.safeParse(parsed.input);
    if (!r.success) {
      errors.push(...issueErrors(kc, rec.row, r.error.issues, parsed));
      return undefined;
    }
    return r.data;
  };
  const duplicate = (key: string, column: string, what: Words) => {
    const first = ctx.seen.get(key);
    if (ctx.existing.has(key)) {
      fail(column, `平台上已有该机构的同名${what.listing}（重复导入？请在原条目上修改）`, `This organisation already has a ${what.listingEn} with this title on the platform (imported twice? edit the existing one)`);
    } else if (first !== undefined) {
      fail(column, `与第 ${first} 行重复（${what.zh}相同）`, `Duplicates row ${first} (same ${what.en})`);
    } else {
      ctx.seen.set(key, rec.row);
    }
  };

  if (ctx.kind === 'orgs') {
    const input = check(orgCreateInput);
    if (input) {
      if (ctx.orgs.has(input.uscc)) {
        fail('uscc', '该统一社会信用代码已在平台注册', 'This credit code is already registered');
      }
      duplicate(input.uscc, 'uscc', { zh: '统一社会信用代码', en: 'credit code' });
    }
    return errors.length > 0 || !input ? { errors } : { doc: orgDoc(ctx, input) };
  }

  const org = owningOrg(ctx, parsed, fail);
  delete parsed.input.orgUscc;
  if (ctx.kind === 'results') {
    const input = check(resultInput);
    if (input && org) {
      duplicate(listingKey(org.id, input.title), 'title', { zh: '机构和成果名称', en: 'organisation and title', listing: '成果', listingEn: 'research result' });
    }
    return errors.length > 0 || !input || !org ? { errors } : { doc: listingDoc(ctx, ResearchResultModel, { ...resultContent(input), attachments: [] }, org.id) };
  }
  const input = check(needCreateInput);
  if (input && org) {
    duplicate(listingKey(org.id, input.title), 'title', { zh: '企业和需求名称', en: 'enterprise and title', listing: '需求', listingEn: 'technology need' });
  }
  return errors.length > 0 || !input || !org ? { errors } : { doc: listingDoc(ctx, TechNeedModel, needContent(input), org.id) };
}

interface Words {
  zh: string;
  en: string;
  listing?: string;
  listingEn?: string;
}

/** The registered organisation a listing row names by credit code, of a type that may own it. */
function owningOrg(ctx: ImportContext, parsed: ParsedRecord, fail: (key: string, zh: string, en: string) => void) {
  const uscc = parsed.input.orgUscc;
  if (parsed.failed.has('orgUscc')) {
    return undefined;
  }
  if (typeof uscc !== 'string' || !uscc) {
    fail('orgUscc', '此项必填', 'Required');
    return undefined;
  }
  const org = ctx.orgs.get(uscc);
  if (!org) {
    fail('orgUscc', `平台上没有统一社会信用代码为 ${uscc} 的机构，请先注册或导入该机构`, `No organisation with credit code ${uscc} is registered; register or import it first`);
    return undefined;
  }
  const kind = ctx.kind as 'results' | 'needs';
  if (!OWNER_TYPES[kind].includes(org.type)) {
    fail(
      'orgUscc',
      kind === 'results' ? '科技成果须属于高校或科研院所' : '技术需求须属于企业',
      kind === 'results' ? 'Research results belong to universities or institutes' : 'Technology needs belong to enterprises',
    );
    return undefined;
  }
  return org;
}

const defaultsByModel = new Map<string, Record<string, unknown>>();

/**
 * The fields Mongoose fills in by default for a model, computed once: staged documents carry the
 * same fields `Model.create` would store (hydrating a document per row cost 134 µs, ~13 s per
 * 100,000 rows). Values are set explicitly for everything the row provides.
 */
export function defaultsOf(model: { modelName: string }): Record<string, unknown> {
  let d = defaultsByModel.get(model.modelName);
  if (!d) {
    const { _id: _ignored, ...rest } = (new (model as typeof OrgModel)({}) as { toObject(): Record<string, unknown> }).toObject();
    d = rest;
    defaultsByModel.set(model.modelName, d);
  }
  return d;
}

/**
 * A listing created by the importing administrator on behalf of the named organisation. An
 * administrator's import is trusted like an administrator's review: with `publish` the listing is
 * published at once (the import is the approval); otherwise it is a draft the organisation submits.
 */
function listingDoc(ctx: ImportContext, model: typeof ResearchResultModel | typeof TechNeedModel, content: object, org: Types.ObjectId): TargetDoc {
  const status = ctx.publish ? 'published' : 'draft';
  const { now } = ctx;
  return {
    ...defaultsOf(model),
    _id: new Types.ObjectId(),
    ...content,
    org,
    owner: ctx.actor.id,
    status,
    publishedAt: ctx.publish ? now : null,
    lastConfirmedAt: ctx.publish ? now : null,
    // Bulk imports are not announced listing by listing (100,000 notifications would be noise).
    announcedAt: now,
    history: [historyEntry('import', null, status, ctx.actor, now)],
    importJob: ctx.jobId ? new Types.ObjectId(ctx.jobId) : null,
    searchV: 1,
    // Made searchable by a reconciliation after the commit (see indexing/write-hint.ts).
    searchDirty: false,
    createdAt: now,
    updatedAt: now,
    __v: 0,
  };
}

function orgDoc(ctx: ImportContext, input: z.output<typeof orgCreateInput>): TargetDoc {
  const { now, publish } = ctx;
  return {
    ...defaultsOf(OrgModel),
    _id: new Types.ObjectId(),
    ...input,
    nameKey: orgNameKey(input.name),
    collisionKey: orgCollisionKey(input.name),
    verified: publish,
    verificationState: publish ? 'verified' : 'none',
    verifiedAt: publish ? now : null,
    verifiedBy: publish ? ctx.actor.id : null,
    createdBy: ctx.actor.id,
    createdAt: now,
    updatedAt: now,
    __v: 0,
  };
}
