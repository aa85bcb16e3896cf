import { Schema, model, type Types } from 'mongoose';
import { MILESTONE_KIND_CODES, PROGRAMME_TYPE_CODES, PROJECT_STATES, REPORT_STATES, type MilestoneKind, type ProgrammeType, type ProjectState, type ReportState } from '@kezhuan/shared';

const milestoneReportSchema = new Schema(
  {
    actual: { type: Number, required: true },
    date: { type: String, required: true },
    evidence: { type: String, required: true },
    state: { type: String, enum: REPORT_STATES, required: true },
    reason: { type: String, default: null },
    at: { type: Date, required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { _id: false },
);

const milestoneSchema = new Schema({
  name: { type: String, required: true },
  kind: { type: String, enum: MILESTONE_KIND_CODES, required: true },
  dueDate: { type: String, required: true },
  target: { type: Number, required: true },
  /** pending → reported → accepted (a returned report puts it back to pending with the report kept). */
  state: { type: String, enum: ['pending', 'reported', 'accepted'], required: true, default: 'pending' },
  report: { type: milestoneReportSchema, default: null },
  /** Set by the overdue sweep once it told the organisation (one notification per milestone). */
  overdueNotifiedAt: { type: Date, default: null },
});

const yearlyReportSchema = new Schema(
  {
    year: { type: Number, required: true },
    narrative: { type: String, required: true },
    figures: { type: Schema.Types.Mixed, default: {} },
    state: { type: String, enum: REPORT_STATES, required: true },
    reason: { type: String, default: null },
    at: { type: Date, required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { _id: false },
);

/** A file of a yearly report, in the listings' attachment store. */
const projectFileSchema = new Schema(
  {
    key: { type: String, required: true },
    year: { type: Number, required: true },
    name: { type: String, required: true },
    size: { type: Number, required: true },
    mime: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
    uploadedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { _id: false },
);

/** A funded project (立项项目), created by the funding decision on an application. */
const fundedProjectSchema = new Schema(
  {
    number: { type: String, required: true },
    application: { type: Schema.Types.ObjectId, ref: 'ProgrammeApplication', required: true },
    call: { type: Schema.Types.ObjectId, ref: 'ProgrammeCall', required: true },
    programmeType: { type: String, enum: PROGRAMME_TYPE_CODES, required: true },
    year: { type: Number, required: true },
    title: { type: String, required: true },
    org: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    partners: { type: [{ type: Schema.Types.ObjectId, ref: 'Org' }], default: [] },
    /** Lead and partners: who may read it. */
    orgs: { type: [{ type: Schema.Types.ObjectId, ref: 'Org' }], default: [] },
    city: { type: String, default: null },
    amount: { type: Number, required: true },
    periodFrom: { type: String, required: true },
    periodTo: { type: String, required: true },
    milestones: { type: [milestoneSchema], default: [] },
    yearlyReports: { type: [yearlyReportSchema], default: [] },
    files: { type: [projectFileSchema], default: [] },
    results: { type: [{ type: Schema.Types.ObjectId, ref: 'ResearchResult' }], default: [] },
    needs: { type: [{ type: Schema.Types.ObjectId, ref: 'TechNeed' }], default: [] },
    deals: { type: [{ type: Schema.Types.ObjectId, ref: 'DealRoom' }], default: [] },
    pairings: { type: [{ type: Schema.Types.ObjectId, ref: 'Pairing' }], default: [] },
    state: { type: String, enum: PROJECT_STATES, required: true, default: 'active' },
    /** Milestones past due without an accepted report, as of the last sweep or change. */
    overdueCount: { type: Number, required: true, default: 0 },
  },
  { timestamps: true, collection: 'funded_projects' },
);
fundedProjectSchema.index({ application: 1 }, { unique: true });
fundedProjectSchema.index({ number: 1 }, { unique: true });
// Queries (funded-project.queries.ts): my organisation's → {orgs, createdAt}; the administrator's
// list by call, by year, overdue → {call, createdAt}, {year, createdAt}, {overdueCount, createdAt};
// the sweep → {state, milestones.dueDate}; the public list and counters → {createdAt}.
fundedProjectSchema.index({ orgs: 1, createdAt: -1 });
fundedProjectSchema.index({ call: 1, createdAt: -1 });
fundedProjectSchema.index({ year: -1, createdAt: -1 });
fundedProjectSchema.index({ overdueCount: -1, createdAt: -1 });
fundedProjectSchema.index({ state: 1, 'milestones.dueDate': 1 });
fundedProjectSchema.index({ createdAt: -1 });
// Plan counters (funded-project.counts.ts) → {programmeType, year}.
fundedProjectSchema.index({ programmeType: 1, year: 1 });

export interface MilestoneRecord {
  _id: Types.ObjectId;
  name: string;
  kind: MilestoneKind;
  dueDate: string;
  target: number;
  state: 'pending' | 'reported' | 'accepted';
  report: { actual: number; date: string; evidence: string; state: ReportState; reason: string | null; at: Date; by: Types.ObjectId } | null;
  overdueNotifiedAt: Date | null;
}
export interface YearlyReportRecord {
  year: number;
  narrative: string;
  figures: Record<string, number>;
  state: ReportState;
  reason: string | null;
  at: Date;
  by: Types.ObjectId;
}
export interface ProjectFileRecord {
  key: string;
  year: number;
  name: string;
  size: number;
  mime: string;
  uploadedAt: Date;
  uploadedBy: Types.ObjectId;
}
export interface FundedProjectRecord {
  _id: Types.ObjectId;
  number: string;
  application: Types.ObjectId;
  call: Types.ObjectId;
  programmeType: ProgrammeType;
  year: number;
  title: string;
  org: Types.ObjectId;
  partners: Types.ObjectId[];
  orgs: Types.ObjectId[];
  city: string | null;
  amount: number;
  periodFrom: string;
  periodTo: string;
  milestones: MilestoneRecord[];
  yearlyReports: YearlyReportRecord[];
  files: ProjectFileRecord[];
  results: Types.ObjectId[];
  needs: Types.ObjectId[];
  deals: Types.ObjectId[];
  pairings: Types.ObjectId[];
  state: ProjectState;
  overdueCount: number;
  createdAt: Date;
  updatedAt: Date;
}
export const FundedProjectModel = model<FundedProjectRecord>('FundedProject', fundedProjectSchema);

/** Yearly sequence per number prefix (`JKZ-2014` → 17). */
const projectSequenceSchema = new Schema({ _id: { type: String, required: true }, seq: { type: Number, required: true } }, { collection: 'funded_project_sequences', versionKey: false });
export const ProjectSequenceModel = model<{ _id: string; seq: number }>('FundedProjectSequence', projectSequenceSchema);
