/**
 * Every page query of the platform runs on an index: each query, built by the same function its
 * service uses, is explained by the real database and must not read the whole collection.
 * FerretDB v1 (SQLite) pushes no filter but `_id` down and has no useful explain: there the test
 * skips, saying so. On FerretDB 2 (PostgreSQL EXPLAIN through DocumentDB) and MongoDB it runs.
 *
 * The collections get a few thousand documents with realistic spreads first: PostgreSQL's planner
 * reads a table of a few rows sequentially whatever its indexes, as it should.
 */
import { CITY_CODES, ORG_TYPES } from '@kezhuan/shared';
import mongoose, { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditQuery } from '../modules/audit/audit.service';
import { CommissionerModel } from '../modules/commissioners/commissioner.model';
import { CarrierModel } from '../modules/carriers/carrier.model';
import { countsQuery } from '../modules/carriers/carrier.counts';
import { directoryFilter } from '../modules/carriers/carrier.directory';
import { adminFilter } from '../modules/carriers/carrier.routes';
import { CARRIER_TYPES } from '@kezhuan/shared';
import { directoryQuery, myApplicationsQuery, orgApplicationsQuery, reviewQueueQuery as commissionerQueueQuery } from '../modules/commissioners/commissioner.queries';
import { ServiceRequestModel } from '../modules/service-requests/service-request.model';
import { PairingModel } from '../modules/pairing/pairing.model';
import { approvedOfTermQuery, commissionerPairingsQuery, declinedPairingsQuery, livePairingsQuery, orgPairingsQuery, runPairsQuery, runsOfTermQuery } from '../modules/pairing/pairing.queries';
import { PairingRunModel } from '../modules/pairing/run.model';
import { ServiceAgreementModel, ServiceEntryModel } from '../modules/service-log/service.model';
import { activePairingsQuery, agreementOfPairingQuery, confirmedOfTermQuery, pairingLogQuery, termAgreementsQuery } from '../modules/service-log/service.queries';
import { liveFromNeedQuery, orgRequestsQuery, requestsInStatusQuery } from '../modules/service-requests/service-request.queries';
import { AuditModel } from '../modules/audit/audit.model';
import { ApplicationModel } from '../modules/programmes/application.model';
import { FundedProjectModel } from '../modules/funded-projects/funded-project.model';
import { programmeCountQuery } from '../modules/funded-projects/funded-project.counts';
import { adminProjectsQuery, orgProjectsQuery as fundedOrgProjectsQuery, overdueCandidatesQuery, publicProjectsQuery } from '../modules/funded-projects/funded-project.queries';
import { FundingDecisionModel } from '../modules/programmes/funding.model';
import { CallModel } from '../modules/programmes/call.model';
import { ExpertModel } from '../modules/programmes/experts.model';
import { ReviewModel } from '../modules/programmes/review.model';
import { callReviewsQuery, expertsQuery, myReviewsQuery, rankedApplicationsQuery } from '../modules/programmes/review.queries';
import { adminCallsQuery, callApplicationsQuery, orgApplicationsQuery as programmeOrgApplicationsQuery, publicCallsQuery } from '../modules/programmes/programme.queries';
import { DealMessageModel, DealRoomModel } from '../modules/deals/deal.model';
import { historyQuery } from '../modules/deals/deal.messages';
import { myDealsQuery } from '../modules/deals/deal.service';
import { roomFilesQuery } from '../modules/deals/deal.files';
import { DealFileModel } from '../modules/deals/deal.files.model';
import { comparableAmountsQuery } from '../modules/contracts/contract.comparable';
import { ContractModel } from '../modules/contracts/contract.model';
import { applicationsQuery } from '../modules/financing/financing.applications';
import { productPageQuery } from '../modules/financing/financing.catalogue';
import { FinancingApplicationModel, FinancingProductModel } from '../modules/financing/financing.model';
import { contractOfDealQuery } from '../modules/contracts/contract.service';
import { LoginAttemptModel } from '../modules/auth/login-attempt.model';
import { attemptsQuery, oldAttemptsQuery } from '../modules/auth/throttle';
import { ImportJobModel } from '../modules/imports/import-job.model';
import { expiredJobsQuery } from '../modules/imports/import.retention';
import { importListQuery, jobsInStatusQuery } from '../modules/imports/import.service';
import { importListingsQuery } from '../modules/imports/import.listings';
import { pendingQuery } from '../modules/indexing/index-sync';
import { InstrumentModel } from '../modules/instruments/instrument.model';
import { myInstrumentsQuery } from '../modules/instruments/instrument.service';
import { myListingsQuery } from '../modules/listings/listing.queries';
import { reviewQueueQuery, staleListingsQuery } from '../modules/listings/review.service';
import { subscribersQuery, unannouncedQuery } from '../modules/matching/announcer';
import { TechNeedModel } from '../modules/needs/need.model';
import { NotificationModel } from '../modules/notifications/notification.model';
import { NotificationCounterModel } from '../modules/notifications/notification-counter.model';
import { countersQuery, unreadQuery } from '../modules/notifications/notification.counters';
import { notificationsQuery } from '../modules/notifications/notification.service';
import { approvedMembersQuery } from '../modules/orgs/membership.rules';
import { OrgModel } from '../modules/orgs/org.model';
import { orgPageQuery } from '../modules/orgs/org.service';
import { ResearchResultModel } from '../modules/results/result.model';
import { SavedSearchModel } from '../modules/saved-searches/saved-search.model';
import { savedSearchesQuery } from '../modules/saved-searches/saved-search.routes';
import { SessionModel } from '../modules/sessions/session.model';
import { expiredSessionsQuery, sessionLookupQuery, userSessionsQuery } from '../modules/sessions/session.store';
import { UserModel } from '../modules/users/user.model';
import { confirmedServiceQuery, institutionCommissionersQuery, institutionContractsQuery, institutionDealsQuery, institutionProjectsQuery, institutionResultsQuery } from '../modules/transfer-index/transfer-index.sources';
import { institutionsQuery } from '../modules/transfer-index/transfer-index.service';
import { EventMeetingModel, EventModel, EventRegistrationModel } from '../modules/events/event.model';
import { eventListQuery, meetingsQuery, organiserEventsQuery, orgMeetingsQuery, registrationsQuery } from '../modules/events/event.queries';
import { holdingBookingsQuery } from '../modules/instruments/booking.calendar';
import { BookingModel } from '../modules/instruments/booking.model';
import { myBookingsQuery } from '../modules/instruments/booking.queries';
import { expiredRequestsQuery, staleRequestsQuery } from '../modules/instruments/booking.service';
import { orgBookingsQuery } from '../modules/instruments/booking.utilisation';
import { PlanEntryModel, PlanModel } from '../modules/plan/plan.model';
import { planByCodeQuery, planEntriesQuery, plansQuery } from '../modules/plan/plan.queries';
import { explainCount, explainPage, type AnyModel } from '../testing/explain';
import { useTestDb } from '../testing/harness';
import { dbFlavour } from './db';
import type { QuerySpec } from './query-spec';

useTestDb();

const N = 3000;
const now = new Date();
const day = 86_400_000;
const ago = (i: number) => new Date(now.getTime() - (i % 400) * day - i * 1000);
const orgs = Array.from({ length: 60 }, () => new Types.ObjectId());
const users = Array.from({ length: 100 }, () => new Types.ObjectId());
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const runs = Array.from({ length: 30 }, () => new Types.ObjectId());
/** 85 % published (a few past the 180 days), the rest draft, submitted, withdrawn. */
const statusOf = (i: number) => (i % 20 === 0 ? 'submitted' : i % 20 === 1 ? 'draft' : i % 20 === 2 ? 'withdrawn' : 'published');

async function seed(): Promise<void> {
  const listing = (i: number) => ({
    title: `t${i}`, org: pick(orgs, i), owner: pick(users, i), status: statusOf(i), updatedAt: ago(i), createdAt: ago(i),
    submittedAt: statusOf(i) === 'submitted' ? ago(i) : null, lastConfirmedAt: ago(i), searchDirty: i % 97 === 0, searchV: 1,
    announcedAt: i % 89 === 0 ? null : ago(i),
  });
  const many = (n: number, f: (i: number) => Record<string, unknown>) => Array.from({ length: n }, (_, i) => f(i));
  const raw = (m: AnyModel, docs: Record<string, unknown>[]) => m.collection.insertMany(docs, { ordered: false });
  await Promise.all([
    raw(ResearchResultModel as unknown as AnyModel, many(N, listing)),
    raw(TechNeedModel as unknown as AnyModel, many(N, listing)),
    raw(NotificationModel as unknown as AnyModel, many(N, (i) => ({ user: pick(users, i), kind: 'system', title: 'x', titleEn: 'x', key: `k${i}`, readAt: i % 3 ? ago(i) : null, createdAt: ago(i) }))),
    raw(NotificationCounterModel as unknown as AnyModel, many(N, (i) => ({ _id: users[i] ?? new Types.ObjectId(), unread: i % 40, total: 3 * (i % 40) }))),
    raw(SavedSearchModel as unknown as AnyModel, many(N, (i) => ({ user: users[i % 100], kind: pick(['results', 'needs'], i), name: `s${i}`, params: {}, subscribed: i % 2 === 0, createdAt: ago(i) }))),
    raw(ImportJobModel as unknown as AnyModel, many(N, (i) => ({ kind: pick(['results', 'needs', 'orgs'], i), status: i % 50 === 0 ? 'committing' : pick(['done', 'failed'], i), createdAt: ago(i), finishedAt: ago(i) }))),
    raw(AuditModel as unknown as AnyModel, many(N, (i) => ({ action: pick(['org.verify', 'result.approve', 'need.approve', 'user.password_change'], i), target: { kind: 'x', id: String(i) }, at: ago(i) }))),
    raw(OrgModel as unknown as AnyModel, many(N, (i) => ({ name: `机构${i}`, nameKey: `机构${i}`, type: pick(ORG_TYPES, i), uscc: `U${i}`, city: pick(CITY_CODES, i), verified: i % 4 === 0 }))),
    raw(SessionModel as unknown as AnyModel, many(N, (i) => ({ _id: `sid${i}`, data: '{}', userId: String(pick(users, i)), expiresAt: new Date(now.getTime() + (i - 200) * 60_000) }))),
    raw(LoginAttemptModel as unknown as AnyModel, many(N, (i) => ({ key: `ip:10.0.${i % 250}.1`, at: ago(i) }))),
    raw(UserModel as unknown as AnyModel, many(N, (i) => ({ email: `u${i}@x.cn`, phone: `139${String(i).padStart(8, '0')}`, passwordHash: 'x', displayName: 'u', role: 'researcher', org: pick(orgs, i), orgStatus: i % 10 === 0 ? 'pending' : 'active' }))),
    // Innovation carriers: eight types, most recognised over 15 years, some applications and revocations.
    raw(CarrierModel as unknown as AnyModel, many(N, (i) => ({
      type: pick(CARRIER_TYPES, i), name: `载体${i}`, summary: 'x', org: pick(orgs, i), linkedOrgs: [pick(orgs, i + 1)], city: pick(CITY_CODES, i), industry: pick(['C36', 'C28', null], i),
      details: { type: pick(CARRIER_TYPES, i) }, status: i % 10 < 7 ? 'recognised' : pick(['submitted', 'returned', 'warning', 'revoked', 'rejected'], i), submittedAt: ago(i),
      recognisedOn: i % 10 < 7 ? ago(i) : null, recognisedYear: i % 10 < 7 ? 2011 + (i % 15) : null, lastReportYear: 2011 + (i % 16), reportPending: i % 25 === 0, steps: [], reports: [], updatedAt: ago(i),
    }))),
    // Pairing (双千): applications over three terms, most approved; requests of 60 enterprises, a third open.
    raw(CommissionerModel as unknown as AnyModel, many(N, (i) => ({
      user: new Types.ObjectId(), org: pick(orgs, i), term: 2025 + (i % 3), status: i % 10 < 7 ? 'approved' : pick(['awaiting_endorsement', 'awaiting_review', 'returned'], i),
      expertise: `专长${i}`, keywords: [`k${i % 50}`], disciplines: [pick(['430', '530', '520'], i)], industries: [pick(['C36', 'C28', 'C26', 'I65'], i)],
      cities: [pick(CITY_CODES, i)], counties: [], serveCities: [pick(CITY_CODES, i)], capacity: 1 + (i % 5), submittedAt: ago(i), approvedAt: i % 10 < 7 ? ago(i) : null,
    }))),
    raw(ServiceRequestModel as unknown as AnyModel, many(N, (i) => ({
      org: pick(orgs, i), owner: pick(users, i), status: pick(['draft', 'open', 'open', 'withdrawn', 'closed'], i), title: `r${i}`, problem: 'p', industry: 'C36',
      city: pick(CITY_CODES, i), urgency: 'normal', need: i % 4 === 0 ? new Types.ObjectId() : null, openedAt: ago(i), updatedAt: ago(i), createdAt: ago(i),
    }))),
    // Pairing runs (双千): 30 runs over three terms, their pairs in every status.
    raw(PairingRunModel as unknown as AnyModel, many(N, (i) => ({ term: 2025 + (i % 3), status: pick(['proposed', 'confirmed', 'failed'], i), startedBy: pick(users, i), startedAt: ago(i) }))),
    raw(PairingModel as unknown as AnyModel, many(N, (i) => ({
      run: runs[i % runs.length], term: 2025 + (i % 3), status: pick(['proposed', 'proposed', 'confirmed', 'accepted', 'declined'], i), request: new Types.ObjectId(),
      org: pick(orgs, i), owner: pick(users, i), commissioner: new Types.ObjectId(), commissionerUser: pick(users, i + 3), score: i % 100, confirmedAt: ago(i), createdAt: ago(i),
    }))),
    // Service of accepted pairings (双千): agreements and log entries of 30 pairings over three terms.
    raw(ServiceAgreementModel as unknown as AnyModel, many(N, (i) => ({ pairing: new Types.ObjectId(), term: 2025 + (i % 3), org: pick(orgs, i), commissioner: new Types.ObjectId(), status: pick(['draft', 'confirmed'], i), goals: 'g', plannedVisits: 4, plannedHours: 20, startsOn: '2026-01-01', endsOn: '2026-12-31', rating: null }))),
    raw(ServiceEntryModel as unknown as AnyModel, many(N, (i) => ({ pairing: runs[i % runs.length], term: 2025 + (i % 3), by: pick(users, i), date: ago(i).toISOString().slice(0, 10), hours: 2, problems: 'p', outcomes: 'o', status: pick(['logged', 'confirmed', 'disputed'], i), createdAt: ago(i) }))),
    // Deal rooms between the 60 organisations in every stage, and the messages of 30 rooms.
    raw(DealRoomModel as unknown as AnyModel, many(N, (i) => ({
      stage: pick(['interest', 'negotiation', 'signing', 'implementation', 'done', 'terminated'], i), origin: 'interest', listing: { kind: 'result', id: new Types.ObjectId(), title: 't' },
      supplyOrg: pick(orgs, i), demandOrg: pick(orgs, i + 7), orgs: [pick(orgs, i), pick(orgs, i + 7)], openKey: `k${i}`, history: [], contacts: [], messageSeq: 0, updatedAt: ago(i), createdAt: ago(i),
    }))),
    raw(DealMessageModel as unknown as AnyModel, many(N, (i) => ({ room: runs[i % runs.length], seq: i, sender: pick(users, i), clientId: `c${i}`, body: 'b', createdAt: ago(i) }))),
    raw(DealFileModel as unknown as AnyModel, many(N, (i) => ({ room: runs[i % runs.length], key: 'k', name: 'n.pdf', note: null, size: 1, mime: 'application/pdf', confidential: i % 2 === 0, party: 'supply', uploadedBy: pick(users, i), uploadedAt: ago(i) }))),
    // Contracts of deal rooms: five types over a spread of disciplines and industries.
    raw(ContractModel as unknown as AnyModel, many(N, (i) => ({
      deal: i === 0 ? runs[4] : new Types.ObjectId(), type: pick(['development', 'transfer', 'licence', 'consulting', 'service'], i), amount: 1000 * (i + 1), payment: { kind: 'lump_sum', text: '' },
      signedOn: ago(i).toISOString().slice(0, 10), supplyOrg: pick(orgs, i), demandOrg: pick(orgs, i + 7), discipline: pick(['530', '430', '520', '610'], i), industry: pick(['C28', 'C36', 'C26', 'I65', 'M73'], i), city: '220100', listings: [], history: [],
    }))),
    // Instrument bookings: 30 instruments of the 60 organisations, slots over the past and next 400 days.
    raw(BookingModel as unknown as AnyModel, many(N, (i) => ({
      instrument: runs[i % runs.length], instrumentName: 'i', ownerOrg: pick(orgs, i), requester: pick(users, i), requesterOrg: pick(orgs, i + 7),
      start: new Date(now.getTime() + ((i % 800) - 400) * day), end: new Date(now.getTime() + ((i % 800) - 400) * day + 7_200_000),
      status: pick(['pending', 'confirmed', 'used', 'cancelled', 'declined', 'expired'], i), purpose: 'p', price: { unit: 'hour', amount: 100, estimate: 200 },
      expiresAt: ago(i), createdAt: ago(i), updatedAt: ago(i),
    }))),
    // Events: 30 events over two years in every state; their registrations and meetings.
    raw(EventModel as unknown as AnyModel, many(N, (i) => ({
      kind: pick(['roadshow', 'expo', 'online'], i), title: `e${i}`, state: pick(['draft', 'published', 'registration_closed', 'held', 'closed'], i), organiserOrg: pick(orgs, i),
      start: new Date(now.getTime() + ((i % 730) - 365) * day), end: new Date(now.getTime() + ((i % 730) - 365) * day + 7_200_000), slotMinutes: 20, tables: 4, sessions: [], programme: [], createdBy: pick(users, i),
    }))),
    raw(EventRegistrationModel as unknown as AnyModel, many(N, (i) => ({ event: runs[i % runs.length], org: new Types.ObjectId(), orgName: 'o', user: pick(users, i), picks: [], note: '' }))),
    raw(EventMeetingModel as unknown as AnyModel, many(N, (i) => ({
      event: runs[i % runs.length], slot: i % 40, table: 1 + (i % 6), enterpriseOrg: pick(orgs, i), enterpriseName: 'e', presenterOrg: pick(orgs, i + 7), presenterName: 'p',
      result: new Types.ObjectId(), resultTitle: 'r', status: i % 9 === 0 ? 'cancelled' : 'scheduled', interest: { enterprise: null, presenter: null }, deal: null,
    }))),
    // Plan targets: plans of many periods; manual entries of 20 plans × 10 targets × 9 cities × yearly cells.
    raw(PlanModel as unknown as AnyModel, many(N, (i) => ({ code: `plan-${i}`, titleZh: 't', titleEn: 't', startYear: 1000 + i, endYear: 1004 + i, source: '', targets: [] }))),
    raw(PlanEntryModel as unknown as AnyModel, many(N, (i) => ({
      plan: `plan-${i % 20}`, target: `t${Math.floor(i / 20) % 10}`, city: pick(CITY_CODES, Math.floor(i / 200)), year: 2000 + Math.floor(i / 1800), count: 1, evidence: 'e', history: [],
    }))),
    // Shared instruments of the 60 organisations, a tenth withdrawn, a few waiting for the index.
    raw(InstrumentModel as unknown as AnyModel, many(N, (i) => ({
      org: pick(orgs, i), name: `仪器${i}`, category: 'analytical', city: pick(CITY_CODES, i), address: 'a', description: 'd', params: [], price: { unit: 'hour', amount: i },
      operatorRequired: i % 2 === 0, openingHours: [], photos: [], status: i % 10 === 0 ? 'withdrawn' : 'active', createdBy: pick(users, i), updatedBy: pick(users, i),
      searchV: 1, searchDirty: i % 97 === 0, updatedAt: ago(i), createdAt: ago(i),
    }))),
    // Financing: products of 60 providers in five kinds, most active; applications between them.
    raw(FinancingProductModel as unknown as AnyModel, many(N, (i) => ({
      org: pick(orgs, i), kind: pick(['ip_pledge', 'credit_guarantee', 'tech_insurance', 'leasing', 'venture'], i), title: `p${i}`, description: 'd', status: i % 10 === 0 ? 'withdrawn' : 'active',
      conditions: { maturities: i % 3 ? ['pilot'] : [], industries: [], cities: i % 2 ? [pick(CITY_CODES, i)] : [], amountMin: null, amountMax: null }, updatedAt: ago(i), createdAt: ago(i),
    }))),
    raw(FinancingApplicationModel as unknown as AnyModel, many(N, (i) => ({
      product: new Types.ObjectId(), provider: pick(orgs, i), applicantOrg: pick(orgs, i + 7), applicant: pick(users, i), amount: 1000, purpose: 'p',
      status: pick(['submitted', 'reviewing', 'info_requested', 'approved', 'declined', 'withdrawn'], i), thread: [], updatedAt: ago(i), createdAt: ago(i),
    }))),
    // Programmes: calls over five years in every state, and applications of three calls in every state.
    raw(CallModel as unknown as AnyModel, many(400, (i) => ({
      programmeType: pick(['key_transformation', 'sme_innovation', 'major_transformation', 'key_research'], i), year: 2012 + (i % 5), title: `c${i}`, description: 'd',
      status: pick(['draft', 'published', 'published', 'reviewing', 'decided'], i), fundingMin: 1, fundingMax: 2, totalBudget: 3, opensAt: '2026-01-01', closesAt: '2026-02-01',
      createdBy: pick(users, i), updatedAt: ago(i), createdAt: ago(i),
    }))),
    raw(ApplicationModel as unknown as AnyModel, many(180, (i) => ({
      call: runs[i % 3], org: orgs[Math.floor(i / 3)], partners: [pick(orgs, i + 5)], orgs: [orgs[Math.floor(i / 3)], pick(orgs, i + 5)], owner: pick(users, i), title: `a${i}`, description: 'd',
      status: pick(['draft', 'submitted', 'returned', 'accepted'], i), submittedAt: ago(i), updatedAt: ago(i), createdAt: ago(i),
    }))),
    // Funded projects of the 60 organisations over five years, a few overdue; decisions of three calls.
    raw(FundedProjectModel as unknown as AnyModel, many(N, (i) => ({
      number: `JKZ-${2012 + (i % 5)}-${i}`, application: new Types.ObjectId(), call: runs[i % 5], programmeType: pick(['key_transformation', 'sme_innovation', 'major_transformation', 'key_research'], i),
      year: 2012 + (i % 5), title: `p${i}`, org: pick(orgs, i), partners: [pick(orgs, i + 5)], orgs: [pick(orgs, i), pick(orgs, i + 5)], city: '220100', amount: 1000,
      periodFrom: '2013-01-01', periodTo: '2016-01-01', state: i % 7 === 0 ? 'completed' : 'active', overdueCount: i % 13 === 0 ? 1 : 0,
      milestones: [{ _id: new Types.ObjectId(), name: 'm', kind: 'pilot', dueDate: `${2013 + (i % 20)}-06-30`, target: 1, state: 'pending', report: null, overdueNotifiedAt: null }],
      yearlyReports: [], results: [], needs: [], deals: [], pairings: [], createdAt: ago(i), updatedAt: ago(i),
    }))),
    raw(FundingDecisionModel as unknown as AnyModel, many(180, (i) => ({
      call: runs[i % 3], application: new Types.ObjectId(), decision: i % 2 ? 'fund' : 'reject', amount: 1, reason: null, project: null, decidedBy: pick(users, i), decidedAt: ago(i),
    }))),
    // Expert review: a pool of 300 (a tenth inactive), and four reviews each of 600 applications.
    raw(ExpertModel as unknown as AnyModel, many(300, (i) => ({
      user: new Types.ObjectId(), org: pick(orgs, i), disciplines: [], industries: [], terms: [], stakes: [], active: i % 10 !== 0, createdBy: pick(users, i), updatedAt: ago(i), createdAt: ago(i),
    }))),
    raw(ReviewModel as unknown as AnyModel, many(N, (i) => ({
      call: runs[i % 3], application: new Types.ObjectId(), expert: new Types.ObjectId(), reviewer: pick(users, i), status: pick(['assigned', 'draft', 'submitted'], i),
      scores: [], recommendation: null, weightedTotal: null, assignedBy: pick(users, i + 1), assignedAt: ago(i), submittedAt: null, updatedAt: ago(i), createdAt: ago(i),
    }))),
  ]);
}

interface Case {
  name: string;
  model: AnyModel;
  spec: QuerySpec;
  /** Its count is a query of the page too. */
  count?: boolean;
}

const R = ResearchResultModel as unknown as AnyModel;
const T = TechNeedModel as unknown as AnyModel;
const C = CommissionerModel as unknown as AnyModel;
const S = ServiceRequestModel as unknown as AnyModel;
const cases: Case[] = [
  { name: 'my listings (results)', model: R, spec: myListingsQuery(orgs[3]!, undefined, now), count: true },
  { name: 'my listings (needs), published', model: T, spec: myListingsQuery(orgs[3]!, 'published', now), count: true },
  { name: 'my listings (results), expired', model: R, spec: myListingsQuery(orgs[3]!, 'expired', now), count: true },
  { name: 'my listings (needs), drafts', model: T, spec: myListingsQuery(orgs[3]!, 'draft', now), count: true },
  { name: 'review queue (results)', model: R, spec: reviewQueueQuery(), count: true },
  { name: 'review queue (needs)', model: T, spec: reviewQueueQuery(), count: true },
  { name: 'expiry sweep', model: R, spec: staleListingsQuery(now) },
  { name: 'listings of one import', model: R, spec: importListingsQuery('0123456789abcdef01234567'), count: true },
  { name: 'index sync pending set (results)', model: R, spec: pendingQuery() },
  { name: 'index sync pending set (needs)', model: T, spec: pendingQuery() },
  { name: 'index sync pending set (instruments)', model: InstrumentModel as unknown as AnyModel, spec: pendingQuery() },
  { name: 'an institution’s instruments', model: InstrumentModel as unknown as AnyModel, spec: myInstrumentsQuery(orgs[3]!), count: true },
  { name: 'publications to announce', model: R, spec: unannouncedQuery() },
  { name: 'notifications page', model: NotificationModel as unknown as AnyModel, spec: notificationsQuery(users[7]!) },
  { name: 'unread notifications page', model: NotificationModel as unknown as AnyModel, spec: notificationsQuery(users[7]!, true) },
  { name: 'notifications page, recent window', model: NotificationModel as unknown as AnyModel, spec: notificationsQuery(users[7]!, false, new Date(now.getTime() - 7 * day)) },
  { name: 'unread notifications page, recent window', model: NotificationModel as unknown as AnyModel, spec: notificationsQuery(users[7]!, true, new Date(now.getTime() - 90 * day)) },
  { name: 'unread count (exact when small, mark all read)', model: NotificationModel as unknown as AnyModel, spec: unreadQuery(users[7]!), count: true },
  { name: 'notification counters (bell, page total)', model: NotificationCounterModel as unknown as AnyModel, spec: countersQuery(users[7]!) },
  { name: 'saved searches', model: SavedSearchModel as unknown as AnyModel, spec: savedSearchesQuery(users[7]!), count: true },
  { name: 'saved-search subscribers', model: SavedSearchModel as unknown as AnyModel, spec: subscribersQuery('results') },
  { name: 'imports page', model: ImportJobModel as unknown as AnyModel, spec: importListQuery(), count: true },
  { name: 'imports page of one kind', model: ImportJobModel as unknown as AnyModel, spec: importListQuery('needs'), count: true },
  { name: 'imports being committed (start-up)', model: ImportJobModel as unknown as AnyModel, spec: jobsInStatusQuery('committing') },
  { name: 'import retention sweep', model: ImportJobModel as unknown as AnyModel, spec: expiredJobsQuery(new Date(now.getTime() - 300 * day)) },
  { name: 'audit log', model: AuditModel as unknown as AnyModel, spec: auditQuery(), count: true },
  { name: 'audit log of one action', model: AuditModel as unknown as AnyModel, spec: auditQuery('org.verify'), count: true },
  { name: 'organisation list', model: OrgModel as unknown as AnyModel, spec: orgPageQuery({}), count: true },
  { name: 'organisation list by city', model: OrgModel as unknown as AnyModel, spec: orgPageQuery({ city: CITY_CODES[2] }), count: true },
  { name: 'organisation list by type', model: OrgModel as unknown as AnyModel, spec: orgPageQuery({ type: ['enterprise'] }), count: true },
  { name: 'verified organisations', model: OrgModel as unknown as AnyModel, spec: orgPageQuery({ verified: true }), count: true },
  { name: 'session lookup', model: SessionModel as unknown as AnyModel, spec: sessionLookupQuery('sid1234', now) },
  { name: "a user's sessions", model: SessionModel as unknown as AnyModel, spec: userSessionsQuery(String(users[7]), 'sid7') },
  { name: 'session sweep', model: SessionModel as unknown as AnyModel, spec: expiredSessionsQuery(now) },
  { name: 'login attempts on a key', model: LoginAttemptModel as unknown as AnyModel, spec: attemptsQuery('ip:10.0.7.1', new Date(now.getTime() - 3600_000)), count: true },
  { name: 'login attempts sweep', model: LoginAttemptModel as unknown as AnyModel, spec: oldAttemptsQuery(now) },
  { name: 'approved members of an organisation', model: UserModel as unknown as AnyModel, spec: approvedMembersQuery(pick(orgs, 7)) },
  { name: 'login by e-mail', model: UserModel as unknown as AnyModel, spec: { filter: { email: 'u7@x.cn' } } },
  // Innovation carriers
  { name: 'carrier directory of a type', model: CarrierModel as unknown as AnyModel, spec: { filter: directoryFilter({ type: 'incubator' }), sort: { recognisedOn: -1, _id: -1 } }, count: true },
  { name: 'carrier directory of a type by city, year, industry', model: CarrierModel as unknown as AnyModel, spec: { filter: directoryFilter({ type: 'industry_base', city: CITY_CODES[1], year: 2013, industry: 'C36' }), sort: { recognisedOn: -1, _id: -1 } }, count: true },
  { name: 'carrier directory of all types', model: CarrierModel as unknown as AnyModel, spec: { filter: directoryFilter({}), sort: { recognisedOn: -1, _id: -1 } }, count: true },
  { name: 'carrier counts of a type (plan dashboard)', model: CarrierModel as unknown as AnyModel, spec: countsQuery('industry_base') },
  { name: 'carrier applications to review', model: CarrierModel as unknown as AnyModel, spec: adminFilter({ page: 1, pageSize: 20 }, now), count: true },
  { name: 'carrier yearly reports to review', model: CarrierModel as unknown as AnyModel, spec: adminFilter({ reports: 'pending', page: 1, pageSize: 20 }, now), count: true },
  { name: 'carrier yearly reports overdue', model: CarrierModel as unknown as AnyModel, spec: adminFilter({ overdue: true, page: 1, pageSize: 20 }, now), count: true },
  { name: "an organisation's carriers", model: CarrierModel as unknown as AnyModel, spec: { filter: { org: orgs[3] }, sort: { submittedAt: -1 } } },
  // Pairing (双千)
  { name: 'commissioner directory', model: C, spec: directoryQuery({}, new Date('2026-06-01')), count: true },
  { name: 'commissioner directory of a term by city and industry', model: C, spec: directoryQuery({ term: 2026, city: CITY_CODES[1], industry: 'C36' }), count: true },
  { name: 'commissioner directory by county and text', model: C, spec: directoryQuery({ county: '220106', q: '专长1' }, new Date('2026-06-01')), count: true },
  { name: 'commissioner applications to review', model: C, spec: commissionerQueueQuery(), count: true },
  { name: "an organisation's applications to endorse", model: C, spec: orgApplicationsQuery(orgs[3]!), count: true },
  { name: 'my commissioner applications', model: C, spec: myApplicationsQuery(users[7]!) },
  { name: "an enterprise's service requests", model: S, spec: orgRequestsQuery(orgs[3]!), count: true },
  { name: "an enterprise's open service requests", model: S, spec: orgRequestsQuery(orgs[3]!, 'open'), count: true },
  { name: 'open service requests (pairing pool)', model: S, spec: requestsInStatusQuery('open'), count: true },
  { name: "a need's live service request", model: S, spec: liveFromNeedQuery(users[7]!) },
  { name: 'approved commissioners of a term (pairing run input)', model: C, spec: approvedOfTermQuery(2026), count: true },
  { name: 'pairing runs of a term', model: PairingRunModel as unknown as AnyModel, spec: runsOfTermQuery(2026) },
  { name: "a pairing run's pairs", model: PairingModel as unknown as AnyModel, spec: runPairsQuery(runs[4]!), count: true },
  { name: 'places held in a term (pairing run input)', model: PairingModel as unknown as AnyModel, spec: livePairingsQuery(2026), count: true },
  { name: 'pairs declined in a term (pairing run input)', model: PairingModel as unknown as AnyModel, spec: declinedPairingsQuery(2026) },
  { name: "a commissioner's pairings", model: PairingModel as unknown as AnyModel, spec: commissionerPairingsQuery(users[7]!), count: true },
  { name: "an enterprise's pairings", model: PairingModel as unknown as AnyModel, spec: orgPairingsQuery(orgs[3]!), count: true },
  // Service of accepted pairings (双千)
  { name: "a pairing's service agreement", model: ServiceAgreementModel as unknown as AnyModel, spec: agreementOfPairingQuery(runs[4]!) },
  { name: "a pairing's service log", model: ServiceEntryModel as unknown as AnyModel, spec: pairingLogQuery(runs[4]!), count: true },
  { name: 'service agreements of a term (summary)', model: ServiceAgreementModel as unknown as AnyModel, spec: termAgreementsQuery(2026) },
  { name: 'confirmed service entries of a term (summary)', model: ServiceEntryModel as unknown as AnyModel, spec: confirmedOfTermQuery(2026) },
  { name: 'active pairings of a term (summary)', model: PairingModel as unknown as AnyModel, spec: activePairingsQuery(2026) },
  // Deal rooms
  { name: "an organisation's deal rooms", model: DealRoomModel as unknown as AnyModel, spec: myDealsQuery(orgs[3]!), count: true },
  { name: "an organisation's deal rooms in one stage", model: DealRoomModel as unknown as AnyModel, spec: myDealsQuery(orgs[3]!, 'negotiation'), count: true },
  { name: "a deal room's newest messages", model: DealMessageModel as unknown as AnyModel, spec: historyQuery(runs[4]!, {}) },
  { name: "a deal room's messages before one", model: DealMessageModel as unknown as AnyModel, spec: historyQuery(runs[4]!, { beforeSeq: 2000 }) },
  { name: "a deal room's messages after one (catch-up, unread count)", model: DealMessageModel as unknown as AnyModel, spec: historyQuery(runs[4]!, { afterSeq: 100 }), count: true },
  { name: "a deal room's files (and their count for the limit)", model: DealFileModel as unknown as AnyModel, spec: roomFilesQuery(runs[4]!), count: true },
  { name: "a deal room's contract", model: ContractModel as unknown as AnyModel, spec: contractOfDealQuery(runs[4]!) },
  { name: 'comparable contracts of a type, discipline and industry', model: ContractModel as unknown as AnyModel, spec: comparableAmountsQuery('transfer', '530', 'C28') },
  { name: 'comparable contracts of a type', model: ContractModel as unknown as AnyModel, spec: comparableAmountsQuery('transfer') },
  // The institutions' transformation index: one query per source over the institutions of a year
  // (its formula versions and yearly snapshots are a handful of documents, read by a unique key).
  { name: 'verified universities and institutes (transfer index)', model: OrgModel as unknown as AnyModel, spec: institutionsQuery },
  { name: "institutions' published results (transfer index)", model: ResearchResultModel as unknown as AnyModel, spec: institutionResultsQuery(orgs.slice(0, 5)) },
  { name: "institutions' deal rooms (transfer index)", model: DealRoomModel as unknown as AnyModel, spec: institutionDealsQuery(orgs.slice(0, 5)) },
  { name: "institutions' contracts of a year (transfer index)", model: ContractModel as unknown as AnyModel, spec: institutionContractsQuery(orgs.slice(0, 5), 2026) },
  { name: "institutions' approved commissioners of a term (transfer index)", model: C, spec: institutionCommissionersQuery(orgs.slice(0, 5), 2026) },
  { name: 'confirmed service entries of a year (transfer index)', model: ServiceEntryModel as unknown as AnyModel, spec: confirmedServiceQuery(2026) },
  // Instrument bookings
  { name: "an instrument's calendar (bookings holding slots)", model: BookingModel as unknown as AnyModel, spec: holdingBookingsQuery(runs[4]!, now.getTime(), now.getTime() + 7 * day) },
  { name: "an instrument's expired requests", model: BookingModel as unknown as AnyModel, spec: staleRequestsQuery(runs[4]!, now) },
  { name: 'the expiry sweep (requests past their expiry)', model: BookingModel as unknown as AnyModel, spec: expiredRequestsQuery(now) },
  { name: 'my bookings as requester', model: BookingModel as unknown as AnyModel, spec: myBookingsQuery({ _id: users[7]!, org: orgs[3]!, orgStatus: 'active' }, 'requester')!, count: true },
  { name: "requests for my institution's instruments", model: BookingModel as unknown as AnyModel, spec: myBookingsQuery({ _id: users[7]!, org: orgs[3]!, orgStatus: 'active' }, 'owner', 'pending')!, count: true },
  { name: "an institution's utilisation (confirmed and used bookings)", model: BookingModel as unknown as AnyModel, spec: orgBookingsQuery(orgs[3]!, now.getTime() - 180 * day, now.getTime()) },
  // Events
  { name: 'upcoming events', model: EventModel as unknown as AnyModel, spec: eventListQuery('upcoming', now) },
  { name: 'past events', model: EventModel as unknown as AnyModel, spec: eventListQuery('past', now) },
  { name: "an organiser's events", model: EventModel as unknown as AnyModel, spec: organiserEventsQuery(orgs[3]!) },
  { name: "an event's registrations", model: EventRegistrationModel as unknown as AnyModel, spec: registrationsQuery(runs[2]!) },
  { name: "an event's schedule", model: EventMeetingModel as unknown as AnyModel, spec: meetingsQuery(runs[2]!) },
  { name: "an enterprise's meetings of an event", model: EventMeetingModel as unknown as AnyModel, spec: orgMeetingsQuery('enterpriseOrg', orgs[3]!, runs[2]!) },
  { name: "a presenter's meetings of an event", model: EventMeetingModel as unknown as AnyModel, spec: orgMeetingsQuery('presenterOrg', orgs[3]!, runs[2]!) },
  // Plan targets
  { name: 'the plans, newest first', model: PlanModel as unknown as AnyModel, spec: plansQuery() },
  { name: 'one plan by code', model: PlanModel as unknown as AnyModel, spec: planByCodeQuery('plan-7') },
  { name: "a plan's manual entries (dashboard)", model: PlanEntryModel as unknown as AnyModel, spec: planEntriesQuery('plan-7') },
  // Financing
  { name: 'the financing catalogue (and the products fit scores)', model: FinancingProductModel as unknown as AnyModel, spec: productPageQuery({}), count: true },
  { name: 'the financing catalogue of one kind in one city', model: FinancingProductModel as unknown as AnyModel, spec: productPageQuery({ kind: 'venture', city: '220100' }), count: true },
  { name: "an organisation's financing products", model: FinancingProductModel as unknown as AnyModel, spec: productPageQuery({}, orgs[3]!), count: true },
  { name: "an enterprise's financing applications", model: FinancingApplicationModel as unknown as AnyModel, spec: applicationsQuery('mine', orgs[3]!), count: true },
  { name: "a provider's inbox of one status", model: FinancingApplicationModel as unknown as AnyModel, spec: applicationsQuery('inbox', orgs[3]!, 'submitted'), count: true },
  // Programmes
  { name: 'published calls', model: CallModel as unknown as AnyModel, spec: publicCallsQuery({}), count: true },
  { name: 'published calls of a programme and year', model: CallModel as unknown as AnyModel, spec: publicCallsQuery({ programmeType: 'sme_innovation', year: 2013 }), count: true },
  { name: "the administrator's calls", model: CallModel as unknown as AnyModel, spec: adminCallsQuery(), count: true },
  { name: "the administrator's draft calls", model: CallModel as unknown as AnyModel, spec: adminCallsQuery('draft'), count: true },
  { name: "a call's filed applications", model: ApplicationModel as unknown as AnyModel, spec: callApplicationsQuery(runs[1]!), count: true },
  { name: "a call's submitted applications", model: ApplicationModel as unknown as AnyModel, spec: callApplicationsQuery(runs[1]!, 'submitted'), count: true },
  { name: "an organisation's applications (lead or partner)", model: ApplicationModel as unknown as AnyModel, spec: programmeOrgApplicationsQuery(orgs[3]!), count: true },
  { name: "an organisation's draft applications", model: ApplicationModel as unknown as AnyModel, spec: programmeOrgApplicationsQuery(orgs[3]!, 'draft'), count: true },
  // Funding decisions and funded projects
  { name: "a call's decidable applications (funding page)", model: ApplicationModel as unknown as AnyModel, spec: { filter: { call: runs[1]!, status: { $in: ['accepted', 'under_review', 'funded', 'rejected'] } }, sort: { submittedAt: 1 } } },
  { name: "a call's funding decisions", model: FundingDecisionModel as unknown as AnyModel, spec: { filter: { call: runs[1]! } } },
  { name: 'funded projects, public list', model: FundedProjectModel as unknown as AnyModel, spec: publicProjectsQuery(), count: true },
  { name: 'funded projects, public list of a year', model: FundedProjectModel as unknown as AnyModel, spec: publicProjectsQuery({ year: 2014 }), count: true },
  { name: 'funded projects, public list of a programme', model: FundedProjectModel as unknown as AnyModel, spec: publicProjectsQuery({ programmeType: 'key_transformation' }), count: true },
  { name: "an organisation's funded projects", model: FundedProjectModel as unknown as AnyModel, spec: fundedOrgProjectsQuery(orgs[3]!), count: true },
  { name: "the administrator's funded projects", model: FundedProjectModel as unknown as AnyModel, spec: adminProjectsQuery({}), count: true },
  { name: "a call's funded projects", model: FundedProjectModel as unknown as AnyModel, spec: adminProjectsQuery({ call: String(runs[1]!) }), count: true },
  { name: 'funded projects of a year', model: FundedProjectModel as unknown as AnyModel, spec: adminProjectsQuery({ year: 2014 }), count: true },
  { name: 'overdue funded projects', model: FundedProjectModel as unknown as AnyModel, spec: adminProjectsQuery({ overdue: true }), count: true },
  { name: 'the overdue sweep', model: FundedProjectModel as unknown as AnyModel, spec: overdueCandidatesQuery('2015-01-01') },
  { name: 'funded projects of a programme (plan counter)', model: FundedProjectModel as unknown as AnyModel, spec: programmeCountQuery('major_transformation') },
  { name: "institutions' funded projects (transfer index)", model: FundedProjectModel as unknown as AnyModel, spec: institutionProjectsQuery([orgs[3]!, orgs[4]!]) },
  // Expert review
  { name: 'the expert pool', model: ExpertModel as unknown as AnyModel, spec: expertsQuery(), count: true },
  { name: 'the active experts (pool page and proposals)', model: ExpertModel as unknown as AnyModel, spec: expertsQuery(true), count: true },
  { name: "a reviewer's assignments", model: ReviewModel as unknown as AnyModel, spec: myReviewsQuery(users[3]!), count: true },
  { name: "a reviewer's pending assignments", model: ReviewModel as unknown as AnyModel, spec: myReviewsQuery(users[3]!, 'assigned'), count: true },
  { name: "a call's reviews (ranking)", model: ReviewModel as unknown as AnyModel, spec: callReviewsQuery(runs[1]!) },
  { name: "a call's applications past the formal check (ranking)", model: ApplicationModel as unknown as AnyModel, spec: rankedApplicationsQuery(runs[1]!) },
];

let skip = '';
beforeAll(async () => {
  if (dbFlavour() === 'ferretdb-v1') {
    skip = 'FerretDB v1 (SQLite) has no useful explain and pushes down only _id filters: the query-plan test runs on FerretDB 2 and MongoDB';
    console.warn(`[query-plans] skipped: ${skip}`);
    return;
  }
  await Promise.all(Object.values(mongoose.models).map((m) => m.createIndexes()));
  await seed();
}, 120_000);

describe('every page query of the platform runs on an index', () => {
  it.for(cases)('$name', async (c, ctx) => {
    if (skip) {
      ctx.skip(skip);
    }
    const page = await explainPage(c.model, c.spec);
    if (process.env.KZ_SHOW_PLANS) {
      console.log(`${c.name}: ${page.summary}`);
    }
    expect(page.collectionScan, `page plan: ${page.summary}`).toBe(false);
    if (c.count) {
      const count = await explainCount(c.model, c.spec);
      expect(count.collectionScan, `count plan: ${count.summary}`).toBe(false);
    }
  });

  it('notices a collection scan (the check can fail)', async (ctx) => {
    if (skip) {
      ctx.skip(skip);
    }
    const unindexed = await explainPage(NotificationModel as unknown as AnyModel, { filter: { title: 'x' }, sort: { titleEn: 1 } });
    expect(unindexed.collectionScan, unindexed.summary).toBe(true);
  });
});
