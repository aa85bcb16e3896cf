/**
 * Demo data for a fresh platform: organisations, one account per role, 1,500 research results
 * derived from ChinaXiv preprints (CC BY 4.0) and 30 technology needs of Jilin's industries.
 * Listings are written published (a few wait in the review queue) with the search outbox set,
 * so the index workers make them searchable; they are marked announced (no notifications).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { needCreateInput, resultInput } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { hashPassword } from '../modules/auth/password';
import { historyEntry } from '../modules/listings/lifecycle';
import { TechNeedModel } from '../modules/needs/need.model';
import { needContent } from '../modules/needs/need.service';
import { OrgModel, orgNameKey } from '../modules/orgs/org.model';
import { ResearchResultModel } from '../modules/results/result.model';
import { resultContent } from '../modules/results/result.service';
import { UserModel } from '../modules/users/user.model';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { DEMO_ORGS, FIRST_ENTERPRISE, RESEARCH_ORGS } from './demo-orgs';
import { DEMO_NEEDS } from './data/jilin-needs';
import { seedDemoDealExtras } from './demo-deal-extras';
import { seedDemoPlan } from './demo-plan';
import { seedDemoCarriers } from './demo-carriers';
import { seedDemoDeals } from './demo-deals';
import { seedDemoBookings } from './demo-bookings';
import { seedDemoInstruments } from './demo-instruments';
import { seedDemoPairing } from './demo-pairing';
import { DEMO_FINANCIER_ACCOUNT, seedDemoFinancing } from './demo-financing';
import { seedDemoEvents } from './demo-events';
import { seedDemoProgrammes } from './demo-programmes';
import { seedDemoFundedProjects } from './demo-funded-projects';
import { seedDemoReviews } from './demo-reviews';
import { currentTerm } from '../modules/commissioners/commissioner.queries';

const here = dirname(fileURLToPath(import.meta.url));
const DAY = 86_400_000;

/**
 * Published (or, for a few, waiting for review). Results carry their own publication date (spread
 * over 2023–2026 by the builder; never later than now); every listing was confirmed by its owner
 * within the last 150 days, so none has expired.
 */
function lifecycle(owner: Types.ObjectId, org: Types.ObjectId, i: number, now: Date, publishedOn?: string) {
  const inReview = i % 50 === 7;
  const confirmedAt = new Date(now.getTime() - ((i * 37) % 150) * DAY - 3600_000);
  const own = publishedOn ? new Date(`${publishedOn}T09:00:00+08:00`) : confirmedAt;
  const publishedAt = own < confirmedAt ? own : confirmedAt;
  const by = { id: owner, name: '演示数据' };
  return {
    org,
    owner,
    status: inReview ? 'submitted' : 'published',
    submittedAt: publishedAt,
    publishedAt: inReview ? null : publishedAt,
    lastConfirmedAt: inReview ? null : confirmedAt,
    announcedAt: now,
    history: inReview ? [historyEntry('submit', 'draft', 'submitted', by, publishedAt)] : [historyEntry('approve', 'submitted', 'published', by, publishedAt)],
    searchV: 1,
    // The start-up reconciliation indexes them: no per-record flag to clear.
    searchDirty: false,
  };
}

/** A staff account per organisation that owns its demo listings (random password: not for login). */
async function staffOf(orgIds: Types.ObjectId[], role: 'researcher' | 'enterprise', hash: string) {
  const out = new Map<string, Types.ObjectId>();
  for (const [i, org] of orgIds.entries()) {
    const u = await UserModel.create({
      email: `staff-${role}-${i}@demo.kezhuan.cn`,
      phone: `1380431${String(i + (role === 'enterprise' ? 500 : 100)).padStart(4, '0')}`,
      displayName: role === 'enterprise' ? '技术部' : '成果转化办公室',
      role,
      org,
      orgRole: 'member',
      orgStatus: 'active',
      passwordHash: hash,
    });
    out.set(String(org), u._id);
  }
  return out;
}

/** Seeds demo data into a database without it. Returns false when it is there already. */
export async function seedDemoIfEmpty(say: (msg: string) => void = () => undefined, now = new Date()): Promise<boolean> {
  if (await UserModel.exists({ email: 'admin@demo.kezhuan.cn' })) {
    return false;
  }
  say('seeding demo data: organisations, accounts, ChinaXiv-derived research results, Jilin technology needs…');
  const orgIds: Types.ObjectId[] = [];
  for (const o of DEMO_ORGS) {
    const doc = (await OrgModel.findOne({ uscc: o.uscc })) ?? (await OrgModel.create({ ...o, nameKey: orgNameKey(o.name), verifiedAt: o.verified ? now : null, verificationState: o.verified ? 'verified' : 'none' }));
    orgIds.push(doc._id);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts = new Map<number, Types.ObjectId>();
  for (const a of DEMO_ACCOUNTS) {
    // Each demo account manages its organisation: it approves members and edits the organisation's listings.
    const u = await UserModel.create({ email: a.email, phone: a.phone, displayName: a.displayName, role: a.role, passwordHash, org: orgIds[a.org], orgRole: 'manager', orgStatus: 'active' });
    accounts.set(a.org, u._id);
  }
  const staffHash = await hashPassword(randomBytes(24).toString('hex'));
  const researchOrgs = RESEARCH_ORGS.map((i) => orgIds[i]!);
  const researchStaff = await staffOf(researchOrgs, 'researcher', staffHash);
  const lines = gunzipSync(readFileSync(join(here, 'data/chinaxiv-results.jsonl.gz'))).toString('utf8').split('\n').filter(Boolean);
  // Each result belongs to the institution the builder assigned it to; the demo researcher and
  // commissioner own those in their own fields, the institution's transfer office the rest.
  const byName = new Map(DEMO_ORGS.map((o, i) => [o.name, orgIds[i]!]));
  const people = { researcher: DEMO_ACCOUNTS.findIndex((a) => a.role === 'researcher'), commissioner: DEMO_ACCOUNTS.findIndex((a) => a.role === 'commissioner') };
  const results = lines.map((line, i) => {
    const row = JSON.parse(line) as { input: unknown; org?: string; owner?: 'researcher' | 'commissioner' | 'office'; publishedOn?: string };
    const input = resultInput.parse(row.input);
    const org = (row.org ? byName.get(row.org) : undefined) ?? researchOrgs[i % researchOrgs.length]!;
    const person = row.owner && row.owner !== 'office' ? DEMO_ACCOUNTS[people[row.owner]] : undefined;
    const owner = (person && String(orgIds[person.org]) === String(org) ? accounts.get(person.org) : undefined) ?? researchStaff.get(String(org))!;
    return { ...resultContent(input), attachments: [], ...lifecycle(owner, org, i, now, row.publishedOn) };
  });
  for (let i = 0; i < results.length; i += 500) {
    await ResearchResultModel.insertMany(results.slice(i, i + 500));
  }
  const enterpriseIds = orgIds.slice(FIRST_ENTERPRISE);
  const enterpriseStaff = await staffOf(enterpriseIds, 'enterprise', staffHash);
  const needs = DEMO_NEEDS.map((n, i) => {
    const orgIndex = DEMO_ORGS.findIndex((o) => o.name === n.enterprise);
    const org = orgIds[orgIndex]!;
    const owner = accounts.get(orgIndex) ?? enterpriseStaff.get(String(org))!;
    const deadline = new Date(now.getTime() + n.deadlineMonths * 30 * DAY).toISOString().slice(0, 10);
    const input = needCreateInput.parse({
      title: n.title, problem: n.problem, desiredOutcome: n.desiredOutcome, keywords: n.keywords, industry: n.industry, discipline: n.discipline,
      ...(n.budget ? { budgetMin: n.budget[0], budgetMax: n.budget[1] } : { negotiable: true }),
      deadline, cooperationModes: n.cooperationModes, city: n.city, confidentiality: i % 9 === 8 ? 'summary_only' : 'public',
      contact: { name: '技术部', phone: '0431-85900000', email: 'rd@demo.kezhuan.cn' },
    });
    return { ...needContent(input), ...lifecycle(owner, org, i * 3, now) };
  });
  await TechNeedModel.insertMany(needs);
  say(`seeded ${DEMO_ORGS.length} organisations, ${DEMO_ACCOUNTS.length} demo accounts, ${results.length} research results and ${needs.length} technology needs`);
  const t0 = performance.now();
  const pairing = await seedDemoPairing({ now, orgIds, accounts, staffHash, passwordHash });
  const r = pairing.run;
  const run = r ? `; one confirmed pairing run: ${r.pairs} pairs, ${r.accepted} accepted by both sides, ${r.agreements} agreements, ${r.entries} log entries, ${r.ratings} ratings` : '';
  say(`seeded the 双千 demo: ${pairing.commissioners} commissioners approved for ${currentTerm(now)}, ${pairing.requests} service requests of ${pairing.enterprises} more enterprises${run} in ${Math.round(performance.now() - t0)} ms (${pairing.stages})`);
  const t1 = performance.now();
  const role = (r: string) => DEMO_ACCOUNTS.findIndex((a) => a.role === r);
  const mid = role('intermediary');
  const intermediary = mid >= 0 && accounts.has(DEMO_ACCOUNTS[mid]!.org) ? { org: orgIds[DEMO_ACCOUNTS[mid]!.org]!, user: accounts.get(DEMO_ACCOUNTS[mid]!.org)! } : null;
  const deals = await seedDemoDeals({
    now,
    intermediary,
    featured: [role('researcher'), role('enterprise')].filter((x) => x >= 0).map((x) => orgIds[DEMO_ACCOUNTS[x]!.org]!),
  });
  const byStage = deals.reduce<Record<string, number>>((acc, d) => ({ ...acc, [d.stage]: (acc[d.stage] ?? 0) + 1 }), {});
  const extras = await seedDemoDealExtras(deals, intermediary, now);
  say(
    `seeded ${deals.length} demo deal rooms (${Object.entries(byStage).map(([k, v]) => `${k} ${v}`).join(', ')}), ${extras.contracts} contracts (${extras.registered} registered), ` +
      `${extras.services} intermediary services and ${extras.orders} service orders in ${Math.round(performance.now() - t1)} ms`,
  );
  const planDemo = await seedDemoPlan();
  say(`seeded the 2011–2015 plan's targets with ${planDemo.entries} manual entries`);
  const instruments = await seedDemoInstruments(new Map(RESEARCH_ORGS.map((i) => [DEMO_ORGS[i]!.name, { id: orgIds[i]!, user: accounts.get(i) ?? researchStaff.get(String(orgIds[i]))! }])), now);
  const bookings = await seedDemoBookings(instruments, now);
  say(`seeded ${instruments.length} shared large instruments and ${bookings} bookings of them`);
  const fin = await seedDemoFinancing({ now, enterprises: enterpriseIds, passwordHash });
  say(`seeded financing: ${fin.orgs} financial organisations, ${fin.products} products, ${fin.applications} applications (financier: ${DEMO_FINANCIER_ACCOUNT.email})`);
  const carriers = await seedDemoCarriers(now);
  say(`seeded the innovation carriers of the plan: ${Object.entries(carriers).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const orgOf = (r: string) => (role(r) >= 0 ? orgIds[DEMO_ACCOUNTS[role(r)]!.org]! : null);
  const programmes = await seedDemoProgrammes({ now, featured: { enterprise: orgOf('enterprise'), research: orgOf('researcher') }, admin: accounts.get(DEMO_ACCOUNTS[role('admin')]!.org)! });
  say(`seeded ${programmes.calls} programme calls and their applications (${Object.entries(programmes.applications).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  const events = await seedDemoEvents(now);
  say(`seeded ${events.events} roadshows and expos with ${events.registrations} registrations, ${events.meetings} meetings and ${events.deals} deal rooms opened after them`);
  const reviews = await seedDemoReviews({ now, admin: accounts.get(DEMO_ACCOUNTS[role('admin')]!.org)!, featured: role('researcher') >= 0 ? accounts.get(DEMO_ACCOUNTS[role('researcher')]!.org) ?? null : null });
  say(`seeded the expert review: ${reviews.experts} experts in the pool, ${reviews.reviews} assignments (${reviews.submitted} scored)`);
  const funded = await seedDemoFundedProjects({ now, admin: accounts.get(DEMO_ACCOUNTS[role('admin')]!.org)!, featuredEnterprise: orgOf('enterprise') });
  say(`seeded funding decisions: ${funded.funded} funded projects (${funded.overdue} overdue milestones), ${funded.rejected} not funded`);
  return true;
}
