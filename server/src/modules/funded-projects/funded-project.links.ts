/**
 * A funded project's outcomes on the platform: the lead links it to its organisations' own research
 * results, the deal rooms they take part in and the lead's 双千 pairings. One set of filters says what
 * may be linked; the picker's candidates and the PUT's check both read them, so the web app never
 * offers what the server would refuse.
 */
import type { ProjectLinkCandidatesView, ProjectLinksInput } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { DealRoomModel } from '../deals/deal.model';
import { PairingModel } from '../pairing/pairing.model';
import { ResearchResultModel } from '../results/result.model';
import type { UserDoc } from '../users/user.model';
import { FundedProjectModel, type FundedProjectRecord } from './funded-project.model';
import { assertLead } from './funded-project.policy';
import { pairingTitles } from './funded-project.presenter';
import { loadProject } from './funded-project.service';

/** How many candidates of each kind the picker gets (newest first); the PUT accepts 30 of each. */
export const CANDIDATES_MAX = 200;

type Project = Pick<FundedProjectRecord, 'org' | 'orgs'>;

/** Results of the lead or a partner that are not withdrawn (drafts too: the outcome may not be listed yet). */
const linkableResults = (p: Project) => ({ org: { $in: p.orgs }, status: { $ne: 'withdrawn' as const } });
/** Deal rooms any of the project's organisations takes part in. */
const linkableDeals = (p: Project) => ({ orgs: { $in: p.orgs } });
/** The lead's pairings that were not declined. */
const linkablePairings = (p: Project) => ({ org: p.org, status: { $ne: 'declined' as const } });

/** What the lead may link, newest first (lead members only). */
export async function linkCandidates(user: UserDoc, id: string): Promise<ProjectLinkCandidatesView> {
  const doc = await loadProject(id);
  assertLead(user, doc);
  const [results, deals, pairings] = await Promise.all([
    ResearchResultModel.find(linkableResults(doc), { title: 1, status: 1 }).sort({ updatedAt: -1 }).limit(CANDIDATES_MAX).lean(),
    DealRoomModel.find(linkableDeals(doc), { listing: 1, stage: 1 }).sort({ updatedAt: -1 }).limit(CANDIDATES_MAX).lean(),
    PairingModel.find(linkablePairings(doc), { term: 1, request: 1, commissionerUser: 1, status: 1 }).sort({ confirmedAt: -1 }).limit(CANDIDATES_MAX).lean(),
  ]);
  const titles = await pairingTitles(pairings);
  return {
    results: results.map((r) => ({ id: String(r._id), title: r.title, state: r.status })),
    deals: deals.map((d) => ({ id: String(d._id), title: d.listing.title, state: d.stage })),
    pairings: pairings.map((p) => ({ id: String(p._id), title: titles.get(String(p._id)) ?? '', state: p.status })),
  };
}

/** The lead links the project to its organisations' own results, deals and pairings (anything else: 400). */
export async function updateLinks(user: UserDoc, id: string, input: ProjectLinksInput, ip: string): Promise<FundedProjectRecord> {
  const doc = await loadProject(id);
  assertLead(user, doc);
  const [results, deals, pairings] = await Promise.all([
    ResearchResultModel.countDocuments({ _id: { $in: input.results }, ...linkableResults(doc) }),
    DealRoomModel.countDocuments({ _id: { $in: input.deals }, ...linkableDeals(doc) }),
    PairingModel.countDocuments({ _id: { $in: input.pairings }, ...linkablePairings(doc) }),
  ]);
  const fields = [
    results !== input.results.length && { path: 'body.results', code: 'not_own', message: '只能关联本项目单位的成果（已撤回的除外）', messageEn: "Only the project's organisations' results (not withdrawn ones)" },
    deals !== input.deals.length && { path: 'body.deals', code: 'not_own', message: '只能关联本项目单位参与的洽谈', messageEn: "Only deals the project's organisations take part in" },
    pairings !== input.pairings.length && { path: 'body.pairings', code: 'not_own', message: '只能关联本单位的对接（已婉拒的除外）', messageEn: "Only your organisation's pairings (not declined ones)" },
  ].filter((f): f is { path: string; code: string; message: string; messageEn: string } => Boolean(f));
  if (fields.length) {
    throw createError('VALIDATION_FAILED', { fields });
  }
  await FundedProjectModel.updateOne({ _id: doc._id }, { $set: { results: input.results, deals: input.deals, pairings: input.pairings } });
  await audit({ action: 'programme.project_links', actor: user._id, target: { kind: 'funded_project', id: String(id) }, detail: { results: input.results.length, deals: input.deals.length, pairings: input.pairings.length }, ip });
  return loadProject(id);
}
