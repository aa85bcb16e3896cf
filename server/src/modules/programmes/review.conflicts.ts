/**
 * Conflicts of interest between an expert and an application, and the field match that ranks the
 * experts proposed for it. Conflicted experts are never proposed and never assignable (the
 * assignment route runs the same check).
 */
import { DISCIPLINES, INDUSTRIES, type ConflictCode, type ProposalView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { normalizeText } from '../../search/text/normalize';
import { keyTerms, termsFoundIn } from '../matching/key-terms';
import { OrgModel } from '../orgs/org.model';
import { ResearchResultModel } from '../results/result.model';
import type { ApplicationRecord } from './application.model';
import type { ExpertRecord } from './experts.model';

export interface ExpertAccount {
  _id: Types.ObjectId;
  org?: Types.ObjectId | null;
}

type Conflict = { code: ConflictCode; zh: string; en: string };

/** Every reason `expert` (with his account) may not review `app`; org names from `orgName`. */
export function conflictsOf(expert: Pick<ExpertRecord, 'org' | 'stakes'>, account: ExpertAccount, app: Pick<ApplicationRecord, 'org' | 'partners' | 'owner'>, orgName: (id: Types.ObjectId) => string): Conflict[] {
  const out: Conflict[] = [];
  const partners = app.partners.map(String);
  if (expert.org?.equals(app.org)) {
    out.push({ code: 'same_org', zh: `与申报单位同属${orgName(app.org)}`, en: `Same organisation as the lead (${orgName(app.org)})` });
  }
  if (expert.org && partners.includes(String(expert.org))) {
    out.push({ code: 'co_applicant', zh: `所在单位${orgName(expert.org)}为合作申报单位`, en: `His organisation ${orgName(expert.org)} is a co-applicant` });
  }
  for (const s of expert.stakes) {
    if (s.equals(app.org) || partners.includes(String(s))) {
      out.push({ code: 'stake', zh: `申报了与${orgName(s)}的利益关联`, en: `Declared a stake in ${orgName(s)}` });
    }
  }
  const accountOrg = account.org ?? null;
  if (account._id.equals(app.owner) || (accountOrg && (accountOrg.equals(app.org) || partners.includes(String(accountOrg))))) {
    out.push({ code: 'applicant_member', zh: '本人为申报方的成员', en: 'He is a member of an applicant organisation' });
  }
  return out;
}

/** Names of the application's organisations and the experts' stakes, in one query. */
export async function orgNames(ids: Types.ObjectId[]): Promise<(id: Types.ObjectId) => string> {
  const orgs = await OrgModel.find({ _id: { $in: ids } }, { name: 1 }).lean();
  const map = new Map(orgs.map((o) => [String(o._id), o.name]));
  return (id) => map.get(String(id)) ?? '';
}

const disciplineName = new Map(DISCIPLINES.map((d) => [d.code as string, d]));
const industryName = new Map(INDUSTRIES.map((i) => [i.code as string, i]));

export interface ApplicationFields {
  disciplines: Set<string>;
  industries: Set<string>;
  /** The application's text (title, description, linked results), normalised. */
  text: string;
  terms: string[];
}

/** The fields of an application: its linked results' disciplines and industries, and its key terms. */
export async function applicationFields(app: Pick<ApplicationRecord, 'title' | 'description' | 'results'>): Promise<ApplicationFields> {
  const results = await ResearchResultModel.find({ _id: { $in: app.results } }, { discipline: 1, industry: 1, title: 1, keywords: 1 }).lean();
  const keywords = results.flatMap((r) => r.keywords ?? []);
  return {
    disciplines: new Set(results.map((r) => r.discipline)),
    industries: new Set(results.map((r) => r.industry)),
    text: normalizeText([app.title, app.description, ...results.map((r) => r.title), ...keywords].join('。')),
    terms: keyTerms({ title: app.title, keywords, body: app.description }),
  };
}

/** 0–100 and its reasons: shared disciplines (40), industries (30), key terms (10 each, up to 30). */
export function fieldMatch(expert: Pick<ExpertRecord, 'disciplines' | 'industries' | 'terms'>, f: ApplicationFields): Pick<ProposalView, 'score' | 'reasons'> {
  const reasons: ProposalView['reasons'] = [];
  let score = 0;
  const d = expert.disciplines.filter((x) => f.disciplines.has(x));
  if (d.length) {
    score += 40;
    reasons.push({ zh: `学科相同：${d.map((x) => disciplineName.get(x)?.zh ?? x).join('、')}`, en: `Same discipline: ${d.map((x) => disciplineName.get(x)?.en ?? x).join(', ')}` });
  }
  const i = expert.industries.filter((x) => f.industries.has(x));
  if (i.length) {
    score += 30;
    reasons.push({ zh: `行业相同：${i.map((x) => industryName.get(x)?.zh ?? x).join('、')}`, en: `Same industry: ${i.map((x) => industryName.get(x)?.en ?? x).join(', ')}` });
  }
  const expertText = normalizeText(expert.terms.join(' '));
  const terms = [...new Set([...termsFoundIn(expert.terms.map((t) => normalizeText(t)), f.text), ...termsFoundIn(f.terms, expertText)])];
  if (terms.length) {
    score += Math.min(30, terms.length * 10);
    reasons.push({ zh: `关键词：${terms.join('、')}`, en: `Key terms: ${terms.join(', ')}` });
  }
  return { score, reasons };
}
