/**
 * Innovation carriers (创新载体, issue 16): the plan's registries of innovative enterprises,
 * alliances, high-tech industry bases, enterprise innovation centres, incubators, key
 * laboratories, academician workstations and talents. One lifecycle for all types:
 * application → review (return / reject / recognise 认定) → yearly reports → re-evaluation.
 */
import { z } from 'zod';
import type { OrgType } from '../constants';
import { cityCode, inputString, objectId, pagination } from './common';
import { discipline, industry } from './result';

export const CARRIER_TYPES = [
  'innovative_enterprise',
  'alliance',
  'industry_base',
  'innovation_centre',
  'incubator',
  'key_lab',
  'academician_workstation',
  'talent',
] as const;
export type CarrierType = (typeof CARRIER_TYPES)[number];
export const carrierType = z.enum(CARRIER_TYPES);

/** Figures a carrier reports each year, by key (numbers; the unit is in the label). */
export const CARRIER_FIGURES = {
  revenue: { zh: '营业收入（万元）', en: 'Revenue (10k yuan)' },
  rdSpend: { zh: '研发投入（万元）', en: 'R&D spending (10k yuan)' },
  patents: { zh: '新增专利（件）', en: 'New patents' },
  staff: { zh: '研发人员（人）', en: 'R&D staff' },
  members: { zh: '成员单位（家）', en: 'Member organisations' },
  jointProjects: { zh: '联合攻关项目（项）', en: 'Joint projects' },
  enterprises: { zh: '入驻企业（家）', en: 'Enterprises in the base' },
  tenants: { zh: '在孵企业（家）', en: 'Tenants' },
  graduated: { zh: '毕业企业（家）', en: 'Graduated tenants' },
  projects: { zh: '承担项目（项）', en: 'Projects' },
  papers: { zh: '发表论文（篇）', en: 'Papers' },
  transferred: { zh: '转化成果（项）', en: 'Results transferred' },
} as const;
export type CarrierFigure = keyof typeof CARRIER_FIGURES;

interface CarrierTypeInfo {
  zh: string;
  en: string;
  /** Organisation types whose members may apply for (or hold) a carrier of this type. */
  orgTypes: readonly OrgType[];
  /** The key figures of its yearly report. */
  figures: readonly CarrierFigure[];
}

/** The carrier types as data: names, who may apply, what each reports. */
export const CARRIER_TYPE_INFO: Record<CarrierType, CarrierTypeInfo> = {
  innovative_enterprise: { zh: '科技型创新企业', en: 'Innovative enterprise', orgTypes: ['enterprise'], figures: ['revenue', 'rdSpend', 'patents', 'staff'] },
  alliance: { zh: '产业技术创新战略联盟', en: 'Industry technology innovation alliance', orgTypes: ['enterprise', 'university', 'institute'], figures: ['members', 'jointProjects', 'patents', 'transferred'] },
  industry_base: { zh: '高新技术特色产业基地', en: 'High-tech industry base', orgTypes: ['government', 'enterprise'], figures: ['enterprises', 'revenue', 'patents'] },
  innovation_centre: { zh: '企业科技创新中心（含工程技术研究中心）', en: 'Enterprise innovation centre (incl. engineering research centres)', orgTypes: ['enterprise'], figures: ['rdSpend', 'patents', 'staff', 'revenue'] },
  incubator: { zh: '科技企业孵化器', en: 'Technology business incubator', orgTypes: ['enterprise', 'intermediary', 'university', 'institute', 'government'], figures: ['tenants', 'graduated', 'revenue', 'patents'] },
  key_lab: { zh: '重点实验室', en: 'Key laboratory', orgTypes: ['university', 'institute', 'enterprise'], figures: ['projects', 'patents', 'papers', 'transferred'] },
  academician_workstation: { zh: '院士工作站', en: 'Academician workstation', orgTypes: ['enterprise'], figures: ['projects', 'patents', 'staff', 'transferred'] },
  talent: { zh: '科技创新创业人才', en: 'Innovation and entrepreneurship talent', orgTypes: ['university', 'institute', 'enterprise'], figures: ['projects', 'patents', 'transferred'] },
};

/**
 * submitted → (administrator) returned | rejected | recognised; returned → (applicant) submitted;
 * recognised ⇄ warning (re-evaluation) → revoked. Recognised and warned carriers are public.
 */
export const CARRIER_STATUSES = ['submitted', 'returned', 'rejected', 'recognised', 'warning', 'revoked'] as const;
export type CarrierStatus = (typeof CARRIER_STATUSES)[number];
/** Statuses shown in the public directory and counted on the plan dashboard. */
export const CARRIER_PUBLIC_STATUSES: readonly CarrierStatus[] = ['recognised', 'warning'];

export const CARRIER_LIMITS = { nameMax: 100, summaryMax: 3000, orgListMax: 200, teamMax: 30, noteMax: 1000, certificateMax: 50 } as const;
export const ACADEMIES = ['cas', 'cae'] as const;
export const ACADEMY_LABELS = { cas: { zh: '中国科学院', en: 'Chinese Academy of Sciences' }, cae: { zh: '中国工程院', en: 'Chinese Academy of Engineering' } } as const;

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
const orgList = z.array(objectId).max(CARRIER_LIMITS.orgListMax).default([]).transform(unique);
const name = inputString().trim().min(2).max(CARRIER_LIMITS.nameMax);
const field = inputString().trim().min(2).max(100);

/** Type-specific fields, by type (the `details` of a carrier). */
export const carrierDetails = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('innovative_enterprise'), industry, field }),
  z.strictObject({ type: z.literal('alliance'), industry, members: orgList }),
  z.strictObject({ type: z.literal('industry_base'), city: cityCode, industry, enterprises: orgList }),
  z.strictObject({ type: z.literal('innovation_centre'), industry, field, engineeringCentre: z.boolean().default(false) }),
  z.strictObject({ type: z.literal('incubator'), areaSqm: z.number().int().min(100).max(10_000_000), tenants: orgList, field: field.optional() }),
  z.strictObject({ type: z.literal('key_lab'), discipline, level: z.enum(['national', 'provincial']) }),
  z.strictObject({
    type: z.literal('academician_workstation'),
    industry,
    academician: z.strictObject({ name: inputString().trim().min(2).max(40), academy: z.enum(ACADEMIES), field }),
    team: z.array(z.strictObject({ name: inputString().trim().min(2).max(40), role: inputString().trim().max(40).default('') })).max(CARRIER_LIMITS.teamMax).default([]),
  }),
  z.strictObject({
    type: z.literal('talent'),
    /** A platform account (member of the organisation), or only a name. */
    user: objectId.nullable().default(null),
    personName: inputString().trim().min(2).max(40),
    field,
  }),
]);
export type CarrierDetails = z.infer<typeof carrierDetails>;

/** An application (and a resubmission after a return, which replaces it whole). */
export const carrierApplicationInput = z.strictObject({
  name,
  summary: inputString().trim().min(10).max(CARRIER_LIMITS.summaryMax),
  details: carrierDetails,
});
export type CarrierApplicationInput = z.infer<typeof carrierApplicationInput>;

const note = inputString().trim().max(CARRIER_LIMITS.noteMax);
const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'kz.date' }).refine((s) => !Number.isNaN(Date.parse(s)), { message: 'kz.date' });

/** The administrator's review of an application: recognition needs a certificate, returns and rejections a reason. */
export const carrierReviewInput = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('recognise'), certificateNo: inputString().trim().min(3).max(CARRIER_LIMITS.certificateMax), recognisedOn: dateString, note: note.optional() }),
  z.strictObject({ decision: z.literal('return'), reason: note.min(2) }),
  z.strictObject({ decision: z.literal('reject'), reason: note.min(2) }),
]);
export type CarrierReviewInput = z.infer<typeof carrierReviewInput>;

/** Re-evaluation of a recognised carrier: pass, warning or revocation (with a reason). */
export const carrierEvaluationInput = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('pass'), note: note.optional() }),
  z.strictObject({ outcome: z.literal('warning'), reason: note.min(2) }),
  z.strictObject({ outcome: z.literal('revoke'), reason: note.min(2) }),
]);
export type CarrierEvaluationInput = z.infer<typeof carrierEvaluationInput>;

export const CARRIER_YEAR_RANGE = { min: 2000, max: 2100 } as const;

/** A yearly report: the year reported, the type's key figures, a short narrative. */
export const carrierReportInput = z.strictObject({
  year: z.number().int().min(CARRIER_YEAR_RANGE.min).max(CARRIER_YEAR_RANGE.max),
  figures: z.partialRecord(z.enum(Object.keys(CARRIER_FIGURES) as [CarrierFigure, ...CarrierFigure[]]), z.number().min(0).max(1e9)),
  narrative: inputString().trim().min(10).max(CARRIER_LIMITS.summaryMax),
});
export type CarrierReportInput = z.infer<typeof carrierReportInput>;

export const carrierReportReviewInput = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept'), note: note.optional() }),
  z.strictObject({ decision: z.literal('return'), reason: note.min(2) }),
]);
export type CarrierReportReviewInput = z.infer<typeof carrierReportReviewInput>;

export const carrierReportParams = z.strictObject({ id: objectId, year: z.coerce.number().int().min(CARRIER_YEAR_RANGE.min).max(CARRIER_YEAR_RANGE.max) });

/** The public directory of one type (or all), filtered by city, year of recognition, industry. */
export const carrierDirectoryQuery = z.strictObject({
  type: carrierType.optional(),
  city: cityCode.optional(),
  year: z.coerce.number().int().min(CARRIER_YEAR_RANGE.min).max(CARRIER_YEAR_RANGE.max).optional(),
  industry: industry.optional(),
  ...pagination,
});
export type CarrierDirectoryQuery = z.infer<typeof carrierDirectoryQuery>;

/** The administrator's queue: one status (submitted by default), a type; `overdue` lists missing yearly reports. */
export const carrierAdminQuery = z.strictObject({
  status: z.enum(CARRIER_STATUSES).optional(),
  type: carrierType.optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  reports: z.enum(['pending']).optional(),
  ...pagination,
});
export type CarrierAdminQuery = z.infer<typeof carrierAdminQuery>;

export const carrierCountsQuery = z.strictObject({ type: carrierType.optional() });
export const carrierCountRow = z.object({ city: cityCode, year: z.number(), count: z.number() });
export type CarrierCountRow = z.infer<typeof carrierCountRow>;

const orgRef = z.object({ id: z.string(), name: z.string(), type: z.string(), city: z.string() });
const step = z.object({ action: z.string(), byName: z.string(), at: z.string(), note: z.string() });
const report = z.object({
  year: z.number(),
  figures: z.record(z.string(), z.number()),
  narrative: z.string(),
  status: z.enum(['submitted', 'accepted', 'returned']),
  submittedAt: z.string(),
  reviewNote: z.string(),
});

/** What the public sees of a recognised carrier. */
export const carrierPublicView = z.object({
  id: z.string(),
  type: carrierType,
  name: z.string(),
  summary: z.string(),
  status: z.enum(CARRIER_STATUSES),
  city: cityCode,
  industry: z.string().nullable(),
  org: orgRef,
  details: z.record(z.string(), z.unknown()),
  /** The organisations the details name (members, enterprises, tenants), with their names. */
  linkedOrgs: z.array(orgRef.extend({ role: z.string() })),
  certificateNo: z.string().nullable(),
  recognisedOn: z.string().nullable(),
  latestReport: report.pick({ year: true, figures: true }).nullable(),
});
export type CarrierPublicView = z.infer<typeof carrierPublicView>;

/** The applicant's and administrators' view: the whole record with its steps and reports. */
export const carrierView = carrierPublicView.extend({
  steps: z.array(step),
  reports: z.array(report),
  reviewReason: z.string().nullable(),
  /** The yearly report due and not in (year), or null. */
  overdueYear: z.number().nullable(),
  mayEdit: z.boolean(),
});
export type CarrierView = z.infer<typeof carrierView>;

/** What the platform holds about one organisation of a carrier: counts and a few links. */
export const carrierOrgActivity = z.object({
  org: orgRef,
  results: z.object({ count: z.number(), latest: z.array(z.object({ id: z.string(), title: z.string() })) }),
  needs: z.object({ count: z.number(), latest: z.array(z.object({ id: z.string(), title: z.string() })) }),
  deals: z.object({ count: z.number() }),
  commissioners: z.object({ count: z.number(), latest: z.array(z.object({ id: z.string(), name: z.string() })) }),
});
export type CarrierOrgActivity = z.infer<typeof carrierOrgActivity>;

export const carrierPageView = carrierPublicView.extend({ activity: z.array(carrierOrgActivity) });
export type CarrierPageView = z.infer<typeof carrierPageView>;
