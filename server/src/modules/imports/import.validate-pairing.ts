/**
 * Rows of the 双千 lists (issue 13): commissioners and enterprise service requests. A row names
 * the person by account email or mobile and the organisation by credit code; the API's schemas
 * (`commissionerApplicationInput`, `serviceRequestInput`) check the rest.
 *
 * With `publish` an administrator's import of the province's list is the approval: commissioners
 * are approved for the term (endorsement recorded as the import's) and requests are opened into
 * the pool of the next pairing run. Without it, commissioners await their organisation's
 * endorsement and the usual review, and requests are drafts. A request belongs to the enterprise:
 * its owner is the member the row names, else the enterprise's registrant, else the importer.
 */
import { cityOfRegion, commissionerApplicationInput, serviceRequestInput, type CityCode } from '@kezhuan/shared';
import { Types } from 'mongoose';
import type { z } from 'zod';
import { APPLICANT_ORG_TYPES, APPLICANT_ROLES } from '../commissioners/commissioner.policy';
import { currentTerm } from '../commissioners/commissioner.queries';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { ServiceRequestModel } from '../service-requests/service-request.model';
import { loose } from './cell-parsers';
import { KIND_COLUMNS } from './import.columns';
import type { RowError } from './import.errors';
import { issueErrors, parseRecord, type RawRecord } from './import.rows';
import { defaultsOf, listingKey, type ImportContext, type RowOutcome, type TargetDoc } from './import.validate';

/** An account as an import row may name it. */
export interface ImportPerson {
  id: Types.ObjectId;
  name: string;
  role: string;
  org: Types.ObjectId | null;
  pending: boolean;
}

/** The key an account is found by: its email (lower case) or its mobile, as typed loosely. */
export const personKey = (text: string): string => loose(text);

/** The duplicate key of a commissioner: one application per person per term. */
export const commissionerKey = (user: Types.ObjectId | string, term: number): string => `${String(user)}|${term}`;

const topLevel = (schema: { shape: Record<string, unknown> }, extra: string[]) => new Set([...Object.keys(schema.shape), ...extra]);
const TOP_LEVEL = {
  commissioners: topLevel(commissionerApplicationInput, ['person', 'orgUscc']),
  serviceRequests: topLevel(serviceRequestInput, ['orgUscc', 'owner']),
};

/** Checks one row of the commissioners or service requests list. */
export function validatePairingRecord(ctx: ImportContext, rec: RawRecord): RowOutcome {
  const kind = ctx.kind as 'commissioners' | 'serviceRequests';
  const kc = KIND_COLUMNS[kind];
  const parsed = parseRecord(kc, rec, TOP_LEVEL[kind]);
  const errors: RowError[] = parsed.errors;
  const fieldOf = (key: string) => parsed.names.get(key) ?? kc.columns.find((c) => c.key === key)?.zh ?? key;
  const fail = (key: string, zh: string, en: string) => errors.push({ row: rec.row, field: fieldOf(key), message: zh, messageEn: en });

  const org = (() => {
    const uscc = parsed.input.orgUscc;
    delete parsed.input.orgUscc;
    if (parsed.failed.has('orgUscc')) {
      return undefined;
    }
    if (typeof uscc !== 'string' || !uscc) {
      fail('orgUscc', '此项必填', 'Required');
      return undefined;
    }
    const found = ctx.orgs.get(uscc);
    if (!found) {
      fail('orgUscc', `平台上没有统一社会信用代码为 ${uscc} 的机构，请先注册或导入该机构`, `No organisation with credit code ${uscc} is registered; register or import it first`);
      return undefined;
    }
    if (kind === 'serviceRequests' ? found.type !== 'enterprise' : !APPLICANT_ORG_TYPES.includes(found.type)) {
      fail(
        'orgUscc',
        kind === 'serviceRequests' ? '服务需求须由企业提出' : '科技特派员须来自高校、科研院所或企业',
        kind === 'serviceRequests' ? 'Service requests come from enterprises' : 'Commissioners come from universities, institutes or enterprises',
      );
      return undefined;
    }
    return found;
  })();

  /** The account a cell names, an approved member of the row's organisation. */
  const member = (key: 'person' | 'owner'): ImportPerson | undefined => {
    const text = parsed.input[key];
    delete parsed.input[key];
    if (typeof text !== 'string' || !text) {
      if (key === 'person') {
        fail(key, '此项必填', 'Required');
      }
      return undefined;
    }
    const person = ctx.people?.get(personKey(text));
    if (!person) {
      fail(key, `平台上没有邮箱或手机号为 ${text} 的账号，请先让其注册`, `No account with email or mobile ${text}; the person must register first`);
      return undefined;
    }
    if (org && (!person.org || !person.org.equals(org.id) || person.pending)) {
      fail(key, `${person.name} 不是该机构的已批准成员`, `${person.name} is not an approved member of this organisation`);
      return undefined;
    }
    return person;
  };

  const check = <S extends z.ZodType>(schema: S): z.output<S> | undefined => {
    const r = schema.safeParse(parsed.input);
    if (!r.success) {
      // "Serve at least one city or county" is noise when the county cell itself could not be read.
      const regionUnread = parsed.failed.has('counties') || parsed.failed.has('cities');
      const issues = r.error.issues.filter((i) => !(regionUnread && i.code === 'custom' && i.path[0] === 'cities'));
      errors.push(...issueErrors(kc, rec.row, issues, parsed));
      return undefined;
    }
    return r.data;
  };
  const duplicate = (key: string, column: string, existsZh: string, existsEn: string, sameZh: string, sameEn: string) => {
    const first = ctx.seen.get(key);
    if (ctx.existing.has(key)) {
      fail(column, existsZh, existsEn);
    } else if (first !== undefined) {
      fail(column, `与第 ${first} 行重复（${sameZh}相同）`, `Duplicates row ${first} (same ${sameEn})`);
    } else {
      ctx.seen.set(key, rec.row);
    }
  };

  if (kind === 'commissioners') {
    const person = member('person');
    if (person && !APPLICANT_ROLES.includes(person.role as (typeof APPLICANT_ROLES)[number])) {
      fail('person', `${person.name} 的账号类型不能担任科技特派员（须为科研人员或企业人员）`, `${person.name}'s account type cannot serve as a commissioner (researchers and enterprise staff only)`);
    }
    const term = currentTerm(ctx.now);
    const asked = parsed.input.term;
    const input = check(commissionerApplicationInput);
    // The API's rule (this year or next), said even when other cells are wrong too.
    if (typeof asked === 'number' && !parsed.failed.has('term') && (asked < term || asked > term + 1) && !errors.some((e) => e.field === fieldOf('term'))) {
      fail('term', `服务年度须为 ${term} 或 ${term + 1}`, `The term must be ${term} or ${term + 1}`);
    }
    if (input && person) {
      duplicate(commissionerKey(person.id, input.term), 'person', `该人员已有 ${input.term} 年度的特派员申请（重复导入？）`, `This person already has a ${input.term} commissioner application (imported twice?)`, '人员和服务年度', 'person and term');
    }
    return errors.length > 0 || !input || !person || !org ? { errors } : { doc: commissionerDoc(ctx, input, person.id, org.id) };
  }

  const owner = member('owner');
  const input = check(serviceRequestInput);
  if (input && org) {
    duplicate(listingKey(org.id, input.title), 'title', '该企业已有同名的服务需求（重复导入？）', 'This enterprise already has a service request with this title (imported twice?)', '企业和需求名称', 'enterprise and title');
  }
  if (errors.length > 0 || !input || !org) {
    return { errors };
  }
  return { doc: requestDoc(ctx, input, org.id, owner?.id ?? org.createdBy ?? ctx.actor.id) };
}

function commissionerDoc(ctx: ImportContext, input: z.output<typeof commissionerApplicationInput>, user: Types.ObjectId, org: Types.ObjectId): TargetDoc {
  const { now, publish, actor } = ctx;
  const serveCities = new Set<CityCode>(input.cities);
  for (const county of input.counties) {
    serveCities.add(cityOfRegion(county) as CityCode);
  }
  return {
    ...defaultsOf(CommissionerModel),
    _id: new Types.ObjectId(),
    user,
    org,
    term: input.term,
    status: publish ? 'approved' : 'awaiting_endorsement',
    expertise: input.expertise,
    keywords: input.keywords,
    disciplines: input.disciplines,
    industries: input.industries,
    cities: input.cities,
    counties: input.counties,
    serveCities: [...serveCities],
    capacity: input.capacity,
    availability: { daysPerMonth: input.availability.daysPerMonth ?? null, note: input.availability.note ?? '' },
    stakes: input.stakes,
    orgStakes: [],
    // The province's approved list stands for the organisation's endorsement and the review.
    endorsement: publish ? { endorsed: true, by: actor.id, byName: actor.name, at: now, note: '省级名单导入 imported from the provincial list' } : null,
    submittedAt: now,
    approvedAt: publish ? now : null,
    approvedBy: publish ? actor.id : null,
    importJob: ctx.jobId ? new Types.ObjectId(ctx.jobId) : null,
    createdAt: now,
    updatedAt: now,
    __v: 0,
  };
}

function requestDoc(ctx: ImportContext, input: z.output<typeof serviceRequestInput>, org: Types.ObjectId, owner: Types.ObjectId): TargetDoc {
  const { now, publish } = ctx;
  return {
    ...defaultsOf(ServiceRequestModel),
    _id: new Types.ObjectId(),
    org,
    owner,
    status: publish ? 'open' : 'draft',
    title: input.title,
    problem: input.problem,
    industry: input.industry,
    city: input.city,
    county: input.county ?? null,
    keywords: input.keywords,
    urgency: input.urgency,
    preferred: [],
    excluded: [],
    need: null,
    openedAt: publish ? now : null,
    closedAt: null,
    importJob: ctx.jobId ? new Types.ObjectId(ctx.jobId) : null,
    createdAt: now,
    updatedAt: now,
    __v: 0,
  };
}
