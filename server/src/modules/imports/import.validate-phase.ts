/**
 * Phase 1 of an import: read every row, check it, and stage the documents it will create. Nothing
 * is written to the platform's collections here; a single invalid row fails the whole file.
 */
import { IMPORT_LIMITS, type ImportFormat, type ImportKind, type OrgType } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { TechNeedModel } from '../needs/need.model';
import { OrgModel } from '../orgs/org.model';
import { ResearchResultModel } from '../results/result.model';
import { KIND_COLUMNS } from './import.columns';
import { ImportFileError, type RowError } from './import.errors';
import { HeaderError, jsonRecord, resolveHeader, tabularRecord, type RawRecord } from './import.rows';
import { appendErrors, stageRows, type ImportRow } from './import.staging';
import { listingKey, validateRecord, type ImportContext } from './import.validate';
import { commissionerKey, personKey, validatePairingRecord, type ImportPerson } from './import.validate-pairing';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { CarrierModel } from '../carriers/carrier.model';
import { carrierKey, validateCarrierRecord, type CarrierImportOrg } from './import.validate-carriers';
import { loose } from './cell-parsers';
import { ServiceRequestModel } from '../service-requests/service-request.model';
import { UserModel } from '../users/user.model';
import { readRows } from './sources';

/** Rows per staging write and per commit batch. */
export const IMPORT_BATCH = 1000;

export interface ValidateProgress {
  bytesRead: number;
  validated: number;
  invalidRows: number;
  errorCount: number;
}

export interface ValidateInput {
  jobId: string;
  kind: ImportKind;
  format: ImportFormat;
  publish: boolean;
  actor: { id: Types.ObjectId; name: string };
  now: Date;
  bytes: Uint8Array;
}

export interface ValidateOutcome extends ValidateProgress {
  /** Rows staged for commit (all valid rows when nothing failed). */
  staged: number;
  /** The file could not be read at all (bad encoding, header, format), or had no data rows. */
  fileError: RowError | null;
  /** Reading stopped at IMPORT_LIMITS.maxErrors problems; rows after that were not checked. */
  stoppedEarly: boolean;
  /** Staged listings per organisation id (to tell each organisation what was imported for it). */
  orgCounts: Map<string, number>;
}

/**
 * Registered organisations by credit code, read in one pass. FerretDB v1 cannot use an index for
 * `{ uscc: { $in: … } }` (each such query scans the collection), so one scan per job beats one per
 * batch; on MongoDB it is one cheap query either way.
 */
async function orgDirectory(): Promise<Map<string, { id: Types.ObjectId; type: OrgType; createdBy: Types.ObjectId | null }>> {
  const map = new Map<string, { id: Types.ObjectId; type: OrgType; createdBy: Types.ObjectId | null }>();
  const verified = new Set<string>();
  for await (const o of OrgModel.find({}, { uscc: 1, type: 1, verified: 1, createdBy: 1 }).lean().cursor({ batchSize: 1000 })) {
    // A disputed code may be claimed by several organisations: the verified one is the code's owner.
    if (!verified.has(o.uscc)) {
      map.set(o.uscc, { id: o._id, type: o.type as OrgType, createdBy: (o.createdBy as Types.ObjectId | null | undefined) ?? null });
    }
    if (o.verified) {
      verified.add(o.uscc);
    }
  }
  return map;
}

/**
 * The listings of a kind already on the platform, as duplicate keys: importing the same file twice
 * is refused row by row instead of doubling every listing. One projected scan per job, as above.
 */
async function existingListings(kind: ImportKind): Promise<Set<string>> {
  const keys = new Set<string>();
  if (kind === 'orgs') {
    return keys;
  }
  if (kind === 'carriers') {
    for await (const c of CarrierModel.find({ certificateNo: { $ne: null } }, { type: 1, certificateNo: 1 }).lean().cursor({ batchSize: 1000 })) {
      keys.add(carrierKey(c.type, c.certificateNo ?? ''));
    }
    return keys;
  }
  if (kind === 'commissioners') {
    for await (const c of CommissionerModel.find({}, { user: 1, term: 1 }).lean().cursor({ batchSize: 1000 })) {
      keys.add(commissionerKey(c.user, c.term));
    }
    return keys;
  }
  if (kind === 'serviceRequests') {
    for await (const r of ServiceRequestModel.find({ status: { $in: ['draft', 'open', 'paired'] } }, { org: 1, title: 1 }).lean().cursor({ batchSize: 1000 })) {
      keys.add(listingKey(r.org, r.title));
    }
    return keys;
  }
  const model = (kind === 'results' ? ResearchResultModel : TechNeedModel) as unknown as typeof ResearchResultModel;
  for await (const l of model.find({ status: { $ne: 'withdrawn' } }, { org: 1, title: 1 }).lean().cursor({ batchSize: 1000 })) {
    keys.add(listingKey(l.org, l.title));
  }
  return keys;
}

/** Accounts by email and mobile, read in one projected pass (the 双千 lists name people). */
async function peopleDirectory(kind: ImportKind): Promise<Map<string, ImportPerson> | undefined> {
  if (kind !== 'commissioners' && kind !== 'serviceRequests') {
    return undefined;
  }
  const map = new Map<string, ImportPerson>();
  for await (const u of UserModel.find({ disabledAt: null }, { email: 1, phone: 1, displayName: 1, role: 1, org: 1, orgStatus: 1 }).lean().cursor({ batchSize: 1000 })) {
    const person: ImportPerson = { id: u._id, name: u.displayName, role: u.role, org: u.org ?? null, pending: u.orgStatus === 'pending' };
    map.set(personKey(u.email), person);
    map.set(personKey(u.phone), person);
  }
  return map;
}

/** Organisations by loose name and by credit code, for carrier registries (one projected pass). */
async function carrierOrgDirectory(kind: ImportKind): Promise<Map<string, CarrierImportOrg> | undefined> {
  if (kind !== 'carriers') {
    return undefined;
  }
  const map = new Map<string, CarrierImportOrg>();
  const verified = new Set<string>();
  for await (const o of OrgModel.find({}, { name: 1, uscc: 1, type: 1, city: 1, verified: 1 }).lean().cursor({ batchSize: 1000 })) {
    const org: CarrierImportOrg = { id: o._id, type: o.type as OrgType, city: o.city as CarrierImportOrg['city'], name: o.name };
    // A verified organisation owns a name or code it shares with unverified ones.
    for (const key of [loose(o.name), o.uscc]) {
      if (!verified.has(key)) {
        map.set(key, org);
      }
      if (o.verified) {
        verified.add(key);
      }
    }
  }
  return map;
}

/** Reads and checks the whole file, staging valid documents and recording every problem. */
export async function validateFile(input: ValidateInput, report: (p: ValidateProgress) => Promise<void>): Promise<ValidateOutcome> {
  const kc = KIND_COLUMNS[input.kind];
  const ctx: ImportContext = {
    kind: input.kind, publish: input.publish, actor: input.actor, jobId: input.jobId, now: input.now,
    orgs: await orgDirectory(), seen: new Map(), existing: await existingListings(input.kind), people: await peopleDirectory(input.kind), carrierOrgs: await carrierOrgDirectory(input.kind),
  };
  const validate = input.kind === 'carriers' ? validateCarrierRecord : input.kind === 'commissioners' || input.kind === 'serviceRequests' ? validatePairingRecord : validateRecord;
  const p: ValidateProgress = { bytesRead: 0, validated: 0, invalidRows: 0, errorCount: 0 };
  let staged: ImportRow[] = [];
  let stagedCount = 0;
  const orgCounts = new Map<string, number>();
  let errors: RowError[] = [];
  let columns: ReturnType<typeof resolveHeader> | undefined;
  let headers: string[] = [];

  const flush = async () => {
    // Once a row is invalid nothing will be committed: later valid rows are checked, not staged.
    if (p.invalidRows === 0) {
      await stageRows(input.jobId, staged);
    }
    staged = [];
    await appendErrors(input.jobId, errors);
    errors = [];
    await report({ ...p });
  };
  // Problems beyond the cap are neither stored nor looked for: a sheet of a million bad rows
  // must not write a million error documents (nor hold the one-at-a-time queue while it does).
  const record = (list: readonly RowError[]) => {
    const room = IMPORT_LIMITS.maxErrors - p.errorCount;
    errors.push(...list.slice(0, Math.max(0, room)));
    p.errorCount += Math.min(list.length, Math.max(0, room));
  };
  const check = (rec: RawRecord) => {
    p.validated += 1;
    const out = validate(ctx, rec);
    if ('errors' in out) {
      p.invalidRows += 1;
      record(out.errors);
    } else if (p.invalidRows === 0) {
      if (out.doc.org) {
        orgCounts.set(String(out.doc.org), (orgCounts.get(String(out.doc.org)) ?? 0) + 1);
      }
      staged.push({ _id: stagedCount, batch: Math.floor(stagedCount / IMPORT_BATCH), row: rec.row, doc: out.doc });
      stagedCount += 1;
    }
  };

  let fileError: RowError | null = null;
  let stoppedEarly = false;
  try {
    for await (const src of readRows(input.format, input.bytes, (n) => (p.bytesRead = n))) {
      if ('invalid' in src) {
        p.validated += 1;
        p.invalidRows += 1;
        record([{ row: src.row, field: '行 row', message: src.invalid.zh, messageEn: src.invalid.en }]);
      } else if ('object' in src) {
        check(jsonRecord(kc, src.row, src.object));
      } else if (!columns) {
        headers = src.cells.map((h) => h.replace(/^\uFEFF/, '').trim());
        columns = resolveHeader(kc, src.row, src.cells);
      } else {
        const rec = tabularRecord(columns, headers, src);
        if (rec) {
          check(rec);
        }
      }
      if (p.errorCount >= IMPORT_LIMITS.maxErrors) {
        stoppedEarly = true;
        break;
      }
      if (staged.length >= IMPORT_BATCH || errors.length >= IMPORT_BATCH) {
        await flush();
      }
    }
    if (p.validated === 0 && !stoppedEarly) {
      fileError = { row: 0, field: '文件 file', message: '文件中没有数据行', messageEn: 'The file has no data rows' };
    }
  } catch (err) {
    if (!(err instanceof ImportFileError)) {
      throw err;
    }
    staged = [];
    const problems = err instanceof HeaderError ? err.problems : [err.toRowError()];
    record(problems);
    fileError = problems[0] ?? null;
  }
  if (fileError && errors.length === 0 && p.errorCount < IMPORT_LIMITS.maxErrors) {
    record([fileError]);
  }
  await flush();
  return { ...p, staged: fileError || p.invalidRows > 0 ? 0 : stagedCount, fileError, stoppedEarly, orgCounts };
}
