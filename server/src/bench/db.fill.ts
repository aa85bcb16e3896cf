/**
 * Fills the database for `npm run bench:db` through the platform's own models and content builders
 * (resultContent / needContent from the shared schemas): organisations, users, research results,
 * technology needs and notifications at the sizes of a province, from a seeded PRNG so every run
 * writes the same data. One password hash is made once and reused by every bulk user (argon2 per
 * user would take hours at 50,000).
 */
import { CITY_CODES, needInput, resultInput, type OrgType, type Role } from '@kezhuan/shared';
import { Types, type Model } from 'mongoose';
import { ProgressBar } from '../lib/progress';
import { historyEntry } from '../modules/listings/lifecycle';
import { TechNeedModel } from '../modules/needs/need.model';
import { needContent } from '../modules/needs/need.service';
import { rebuildNotificationCounters } from '../modules/notifications/notification.counters';
import { NotificationModel } from '../modules/notifications/notification.model';
import { OrgModel, orgNameKey } from '../modules/orgs/org.model';
import { ResearchResultModel } from '../modules/results/result.model';
import { resultContent } from '../modules/results/result.service';
import { UserModel } from '../modules/users/user.model';
import { hashPassword } from '../modules/auth/password';
import { validNeedInput, validResultInput } from '../testing/listing-factories';
import { randomUscc } from '../testing/factories';
import { mulberry32 } from '../lib/prng';

export interface FillSizes {
  orgs: number;
  users: number;
  results: number;
  needs: number;
  notifications: number;
}

export const FULL: FillSizes = { orgs: 5_000, users: 50_000, results: 100_000, needs: 20_000, notifications: 1_000_000 };

export function scaled(f: number): FillSizes {
  const s = (n: number) => Math.max(20, Math.round(n * f));
  return { orgs: s(FULL.orgs), users: s(FULL.users), results: s(FULL.results), needs: s(FULL.needs), notifications: s(FULL.notifications) };
}

/** Seeded, so a fill is reproducible (mulberry32). */
export const prng = mulberry32;

export const BENCH_PASSWORD = 'Bench-password-2026';

/** The accounts the HTTP part logs in with. */
export interface BenchAccounts {
  admin: string;
  researcher: string;
  /** The researcher's organisation (the one with the most listings). */
  bigOrg: Types.ObjectId;
  /** A user with a full notification page. */
  reader: string;
  publishedIds: string[];
}

const DAY = 86_400_000;

async function inBatches<T>(label: string, total: number, make: (i: number) => T, write: (docs: T[]) => Promise<unknown>, batch = 1000): Promise<void> {
  const bar = new ProgressBar(label.padEnd(14));
  for (let i = 0; i < total; i += batch) {
    const docs: T[] = [];
    for (let j = i; j < Math.min(total, i + batch); j++) {
      docs.push(make(j));
    }
    await write(docs);
    bar.update(Math.min(total, i + batch), total);
  }
  bar.done(`${total} written`);
}

const insert = (m: Model<never>) => (docs: unknown[]) => m.insertMany(docs as never[], { ordered: false });

export async function fill(sizes: FillSizes, seed = 12): Promise<BenchAccounts> {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const now = Date.now();
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  // Organisations: universities and institutes (results), enterprises (needs), a few intermediaries.
  const orgIds: Types.ObjectId[] = [];
  const orgTypes: OrgType[] = [];
  await inBatches('orgs', sizes.orgs, (i) => {
    const type: OrgType = i === 0 ? 'government' : i % 10 < 3 ? 'university' : i % 10 < 4 ? 'institute' : i % 10 < 9 ? 'enterprise' : 'intermediary';
    const _id = new Types.ObjectId();
    orgIds.push(_id);
    orgTypes.push(type);
    const name = `基准机构${i}号${type === 'enterprise' ? '有限公司' : ''}`;
    return { _id, name, nameKey: orgNameKey(name), type, uscc: randomUscc(pick(CITY_CODES)), city: pick(CITY_CODES), verified: rnd() < 0.7 };
  }, insert(OrgModel as unknown as Model<never>));
  const byType = (t: OrgType[]) => orgIds.filter((_, i) => t.includes(orgTypes[i]!));
  const researchOrgs = byType(['university', 'institute']);
  const enterpriseOrgs = byType(['enterprise']);
  const bigOrg = researchOrgs[0]!;

  // Users: a role that fits the organisation; the first are the bench's own accounts.
  const userIds: Types.ObjectId[] = [];
  const userOrg: Types.ObjectId[] = [];
  const typeOf = new Map(orgIds.map((o, i) => [o, orgTypes[i]!]));
  const firstUser = new Map<Types.ObjectId, Types.ObjectId>();
  const roleOf = (org: Types.ObjectId): Role => {
    const t = typeOf.get(org);
    return t === 'enterprise' ? 'enterprise' : t === 'intermediary' ? 'intermediary' : t === 'government' ? 'admin' : rnd() < 0.9 ? 'researcher' : 'commissioner';
  };
  await inBatches('users', sizes.users, (i) => {
    const org = i === 0 ? orgIds[0]! : i === 1 ? bigOrg : i === 2 ? enterpriseOrgs[0]! : pick(orgIds.slice(1));
    const _id = new Types.ObjectId();
    userIds.push(_id);
    userOrg.push(org);
    if (!firstUser.has(org)) {
      firstUser.set(org, _id);
    }
    const role: Role = i === 0 ? 'admin' : i === 1 ? 'researcher' : i === 2 ? 'enterprise' : roleOf(org) === 'admin' ? 'intermediary' : roleOf(org);
    return { _id, email: `bench${i}@bench.kezhuan.cn`, phone: `13${String(100_000_000 + i).slice(-9)}`, passwordHash, displayName: `基准用户${i}`, role, org, locale: 'zh-CN', title: '', bio: '', lastLoginAt: null, passwordChangedAt: null, createdAt: new Date(now), updatedAt: new Date(now) };
  }, (docs) => UserModel.insertMany(docs, { ordered: false, lean: true }));
  const ownerIn = (org: Types.ObjectId) => firstUser.get(org) ?? userIds[1]!;

  // Listings: mostly published and confirmed within 180 days; some drafts, submitted, withdrawn.
  const baseResult = resultContent(resultInput.parse(validResultInput()));
  const baseNeed = needContent(needInput.parse(validNeedInput()));
  const publishedIds: string[] = [];
  const lifecycle = (i: number, org: Types.ObjectId) => {
    const r = rnd();
    const status = r < 0.8 ? 'published' : r < 0.85 ? 'submitted' : r < 0.95 ? 'draft' : 'withdrawn';
    const at = new Date(now - Math.floor(rnd() * 170) * DAY - i);
    return {
      org, owner: ownerIn(org), status, createdAt: at, updatedAt: at,
      submittedAt: status === 'draft' ? null : at, publishedAt: status === 'published' ? at : null,
      lastConfirmedAt: status === 'published' ? at : null, announcedAt: at,
      history: [historyEntry('create', null, 'draft', null, at)], searchV: 1, searchDirty: false,
    };
  };
  await inBatches('results', sizes.results, (i) => {
    // The big organisation gets ~200 listings, as the largest universities have.
    const org = i % Math.max(1, Math.floor(sizes.results / 200)) === 0 ? bigOrg : pick(researchOrgs);
    const doc = { _id: new Types.ObjectId(), ...baseResult, title: `${baseResult.title}（基准${i}）`, city: pick(CITY_CODES), ...lifecycle(i, org) };
    if (doc.status === 'published' && publishedIds.length < 5000) {
      publishedIds.push(String(doc._id));
    }
    return doc;
  }, (docs) => ResearchResultModel.insertMany(docs, { ordered: false }));
  await inBatches('needs', sizes.needs, (i) => {
    const org = pick(enterpriseOrgs);
    return { _id: new Types.ObjectId(), ...baseNeed, title: `${baseNeed.title}（基准${i}）`, city: pick(CITY_CODES), ...lifecycle(i, org) };
  }, (docs) => TechNeedModel.insertMany(docs, { ordered: false }));

  // Notifications: ~20 per user on average; the reader has a long history, a third unread.
  const reader = userIds[1]!; // the researcher the HTTP part logs in as
  await inBatches('notifications', sizes.notifications, (i) => {
    const user = i % 50 === 0 ? reader : pick(userIds);
    const at = new Date(now - Math.floor(rnd() * 365 * DAY));
    return {
      user, kind: 'system', title: `基准通知${i}`, titleEn: `Bench notification ${i}`, body: '', bodyEn: '', link: '',
      key: `bench:${i}`, readAt: rnd() < 0.33 ? null : at, createdAt: at,
    };
  }, (docs) => NotificationModel.insertMany(docs, { ordered: false, lean: true }), 5000);
  // Bulk-loaded past notify(): the counters come from one pass, as `npm run db:repair-counters` does.
  const counted = Date.now();
  const { users } = await rebuildNotificationCounters();
  console.log(`notification counters: ${users} users in ${((Date.now() - counted) / 1000).toFixed(1)} s`);

  return {
    admin: 'bench0@bench.kezhuan.cn',
    researcher: 'bench1@bench.kezhuan.cn',
    bigOrg,
    reader: 'bench1@bench.kezhuan.cn',
    publishedIds,
  };
}
