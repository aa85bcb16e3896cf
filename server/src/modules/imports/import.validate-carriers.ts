/**
 * Rows of an existing carrier registry (issue 16): one kind with a type column. A row names its
 * organisation (and an alliance's members, a base's enterprises, an incubator's tenants) by name
 * or credit code; unknown organisations are row errors. The API's `carrierApplicationInput`
 * checks the type's fields; imported carriers land recognised with their certificate and date.
 */
import { CARRIER_TYPE_INFO, carrierApplicationInput, type CityCode, type OrgType } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { CarrierModel } from '../carriers/carrier.model';
import { beijingYear, namedOrgs, placeOf } from '../carriers/carrier.rules';
import { loose } from './cell-parsers';
import { KIND_COLUMNS } from './import.columns';
import type { RowError } from './import.errors';
import { parseRecord, type RawRecord } from './import.rows';
import { defaultsOf, type ImportContext, type RowOutcome } from './import.validate';
import { describeIssue } from '@kezhuan/shared';

/** A registered organisation as an import row may name it (by loose name or credit code). */
export interface CarrierImportOrg {
  id: Types.ObjectId;
  type: OrgType;
  city: CityCode;
  name: string;
}

/** The duplicate key of an imported carrier: its type and certificate number. */
export const carrierKey = (type: string, certificateNo: string): string => `${type}|${loose(certificateNo)}`;

/** Where each input path's problem is shown (the column the user should fix). */
const COLUMN_OF: Record<string, string> = {
  name: 'name', summary: 'summary', 'details.type': 'type', 'details.industry': 'industry', 'details.city': 'city', 'details.field': 'field',
  'details.members': 'orgs', 'details.enterprises': 'orgs', 'details.tenants': 'orgs', 'details.areaSqm': 'areaSqm', 'details.discipline': 'discipline',
  'details.level': 'level', 'details.academician': 'academicianName', 'details.team': 'team', 'details.personName': 'personName',
};

/** Checks one row of a carrier registry. */
export function validateCarrierRecord(ctx: ImportContext, rec: RawRecord): RowOutcome {
  const kc = KIND_COLUMNS.carriers;
  const parsed = parseRecord(kc, rec, new Set());
  const errors: RowError[] = parsed.errors;
  const fieldOf = (key: string) => parsed.names.get(key) ?? kc.columns.find((c) => c.key === key)?.zh ?? key;
  const fail = (key: string, zh: string, en: string) => errors.push({ row: rec.row, field: fieldOf(key), message: zh, messageEn: en });
  const v = parsed.input;
  const orgs = ctx.carrierOrgs ?? new Map<string, CarrierImportOrg>();
  const find = (text: string) => orgs.get(loose(text)) ?? orgs.get(loose(text).toUpperCase());

  const type = typeof v.type === 'string' ? (v.type as keyof typeof CARRIER_TYPE_INFO) : undefined;
  const org = typeof v.org === 'string' ? find(v.org) : undefined;
  if (typeof v.org === 'string' && !org) {
    fail('org', `平台上没有名称或统一社会信用代码为“${v.org}”的机构，请先注册或导入该机构`, `No organisation named or coded "${v.org}" is registered; register or import it first`);
  } else if (org && type && !CARRIER_TYPE_INFO[type].orgTypes.includes(org.type)) {
    fail('org', `${CARRIER_TYPE_INFO[type].zh}不能依托此类机构`, `This organisation type cannot hold: ${CARRIER_TYPE_INFO[type].en}`);
  }
  const linked: string[] = [];
  for (const text of Array.isArray(v.orgs) ? (v.orgs as string[]) : []) {
    const o = find(text);
    if (!o) {
      fail('orgs', `平台上没有名称或统一社会信用代码为“${text}”的机构`, `No organisation named or coded "${text}" is registered`);
    } else if (type !== 'alliance' && o.type !== 'enterprise') {
      fail('orgs', `“${text}”不是企业`, `"${text}" is not an enterprise`);
    } else if (!org || !o.id.equals(org.id)) {
      linked.push(String(o.id));
    }
  }
  const detailsByType: Record<string, unknown> = {
    innovative_enterprise: { industry: v.industry, field: v.field },
    alliance: { industry: v.industry, members: linked },
    industry_base: { city: v.city, industry: v.industry, enterprises: linked },
    innovation_centre: { industry: v.industry, field: v.field },
    incubator: { areaSqm: v.areaSqm, tenants: linked, ...(v.field ? { field: v.field } : {}) },
    key_lab: { discipline: v.discipline, level: v.level ?? 'provincial' },
    academician_workstation: { industry: v.industry, academician: { name: v.academicianName, academy: v.academy, field: v.academicianField }, team: v.team ?? [] },
    talent: { user: null, personName: v.personName, field: v.field },
  };
  const input = { name: v.name, summary: v.summary, details: { type, ...(detailsByType[type ?? ''] as object | undefined) } };
  const checked = carrierApplicationInput.safeParse(input);
  if (!checked.success && !parsed.failed.has('type')) {
    for (const issue of checked.error.issues) {
      const path = issue.path.map(String);
      const key = COLUMN_OF[path.slice(0, 2).join('.')] ?? COLUMN_OF[path[0] ?? ''] ?? 'type';
      if (parsed.failed.has(key)) {
        continue;
      }
      const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value') && (v[key] === undefined || v[key] === null);
      const words = missing ? { zh: '此类载体此项必填', en: 'Required for this carrier type' } : describeIssue(issue);
      fail(key, words.zh, words.en);
    }
  }
  const certificateNo = typeof v.certificateNo === 'string' ? v.certificateNo.trim() : '';
  const day = typeof v.recognisedOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.recognisedOn) ? new Date(`${v.recognisedOn}T00:00:00+08:00`) : null;
  if (!parsed.failed.has('recognisedOn') && v.recognisedOn !== undefined && (!day || Number.isNaN(day.getTime()) || day > ctx.now)) {
    fail('recognisedOn', '认定日期应为不晚于今天的日期（YYYY-MM-DD）', 'The date of recognition must be a date (YYYY-MM-DD), not in the future');
  }
  if (type && certificateNo) {
    const key = carrierKey(type, certificateNo);
    const first = ctx.seen.get(key);
    if (ctx.existing.has(key)) {
      fail('certificateNo', '该证书编号的载体已在平台上（重复导入？）', 'A carrier with this certificate is already registered (imported twice?)');
    } else if (first !== undefined) {
      fail('certificateNo', `与第 ${first} 行重复（类型和证书编号相同）`, `Duplicates row ${first} (same type and certificate)`);
    } else {
      ctx.seen.set(key, rec.row);
    }
  }
  if (errors.length > 0 || !checked.success || !org || !day) {
    return { errors };
  }
  const details = checked.data.details;
  const place = placeOf(details, org.city);
  const now = ctx.now;
  return {
    doc: {
      ...defaultsOf(CarrierModel),
      _id: new Types.ObjectId(),
      type: details.type, name: checked.data.name, summary: checked.data.summary, org: org.id,
      linkedOrgs: namedOrgs(details).map((n) => new Types.ObjectId(n.id)),
      city: place.city, industry: place.industry, details, status: 'recognised', applicant: null, submittedAt: now,
      reviewReason: null, certificateNo, recognisedOn: day, recognisedYear: beijingYear(day),
      reports: [], lastReportYear: 0, reportPending: false,
      steps: [{ action: 'import', by: ctx.actor.id, byName: ctx.actor.name, at: now, note: certificateNo }],
      importJob: ctx.jobId ? new Types.ObjectId(ctx.jobId) : null,
      createdAt: now, updatedAt: now, __v: 0,
    },
  };
}
