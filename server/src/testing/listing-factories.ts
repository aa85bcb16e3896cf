/** Valid listing inputs and stored listings for tests: small builders, no shared fixtures. */
import { needCreateInput, resultInput, type ListingStatus, type Role } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { OrgModel } from '../modules/orgs/org.model';
import { membershipRole } from '../modules/orgs/membership.rules';
import type { ListingActor } from '../modules/listings/listing.policy';
import { TechNeedModel } from '../modules/needs/need.model';
import { createNeed } from '../modules/needs/need.service';
import { ResearchResultModel } from '../modules/results/result.model';
import { createResult } from '../modules/results/result.service';
import type { UserDoc } from '../modules/users/user.model';
import type { KezhuanApp } from '../app';
import { buildUser, TEST_PASSWORD } from './factories';
import { client, type Client } from './harness';

/** A complete research result as a client would post it. */
export function validResultInput(overrides: Record<string, unknown> = {}) {
  return {
    title: '玉米秸秆制备聚乳酸关键技术',
    summary:
      '以东北玉米秸秆为原料，经稀酸预处理、纤维素酶解和耐高温菌株发酵制备L-乳酸，再经丙交酯开环聚合得到医用级聚乳酸。' +
      '与粮食原料路线相比，原料成本降低约四成，已在长春完成百吨级中试，产品各项指标达到国家标准。',
    keywords: ['玉米秸秆', '聚乳酸', '生物基材料', '发酵'],
    discipline: '530',
    industry: 'C28',
    maturity: 'pilot',
    trl: 6,
    ip: { items: [{ type: 'invention', number: 'ZL201410345054.1', status: 'granted' }] },
    transferModes: ['license', 'co_development'],
    price: 800_000,
    city: '220100',
    team: [{ name: '王教授', role: '负责人' }],
    contact: { name: '王老师', phone: '13943100001', email: 'wang.lab@jlu.edu.cn' },
    applications: '可用于一次性餐具、农用地膜、医用缝合线等可降解制品的生产。',
    advantages: [{ metric: '原料成本', value: '降低40', unit: '%', baseline: '玉米淀粉路线' }],
    ...overrides,
  };
}

/** A complete technology need as a client would post it. */
export function validNeedInput(overrides: Record<string, unknown> = {}) {
  return {
    title: '汽车轻量化碳纤维部件低成本快速成型',
    problem:
      '现有碳纤维增强复合材料部件采用热压罐工艺，成型周期超过两小时，单件成本高，难以在中低端车型上批量应用。' +
      '需要一种适合年产十万件规模的快速成型工艺，并保证部件的力学性能、尺寸精度与表面质量满足主机厂的企业标准。',
    desiredOutcome: '单件成型周期缩短到5分钟以内，成本降低30%',
    keywords: ['碳纤维', '轻量化', '快速成型'],
    industry: 'C36',
    discipline: '430',
    budgetMin: 500_000,
    budgetMax: 2_000_000,
    deadline: '2099-12-31',
    cooperationModes: ['commissioned', 'joint_research'],
    city: '220100',
    county: '绿园区',
    confidentiality: 'public',
    contact: { name: '李工', phone: '0431-85900001', email: 'li.rd@faw-demo.cn' },
    ...overrides,
  };
}

/** The policy's view of a test user. */
export async function actorOf(user: UserDoc): Promise<ListingActor> {
  const org = await OrgModel.findById(user.org).lean();
  const orgRole = org ? membershipRole(user, org.createdBy) : null;
  return { id: user._id, name: user.displayName, role: user.role, orgId: org ? String(org._id) : null, orgVerified: Boolean(org?.verified && orgRole), orgRole };
}

/** Sets a stored listing's lifecycle fields directly (test set-up only: no history, no outbox). */
async function force(model: 'result' | 'need', id: Types.ObjectId, status: ListingStatus, lastConfirmedAt: Date | null) {
  const set = { status, ...(status === 'published' ? { publishedAt: lastConfirmedAt, lastConfirmedAt } : {}) };
  if (model === 'result') {
    await ResearchResultModel.updateOne({ _id: id }, { $set: set });
  } else {
    await TechNeedModel.updateOne({ _id: id }, { $set: set });
  }
}

/** A stored result owned by `owner`'s organisation, in `status` (published: confirmed now). */
export async function buildResult(owner: UserDoc, opts: { status?: ListingStatus; input?: Record<string, unknown> } = {}) {
  const doc = await createResult(resultInput.parse(validResultInput(opts.input)), await actorOf(owner));
  if (opts.status && opts.status !== 'draft') {
    await force('result', doc._id, opts.status, new Date());
  }
  return ResearchResultModel.findById(doc._id).lean().orFail();
}

/** A stored need owned by `owner`'s enterprise, in `status` (published: confirmed now). */
export async function buildNeed(owner: UserDoc, opts: { status?: ListingStatus; input?: Record<string, unknown> } = {}) {
  const doc = await createNeed(needCreateInput.parse(validNeedInput(opts.input)), await actorOf(owner));
  if (opts.status && opts.status !== 'draft') {
    await force('need', doc._id, opts.status, new Date());
  }
  return TechNeedModel.findById(doc._id).lean().orFail();
}

/** A new user of `role` and a client signed in as them. */
export async function signedInNew(app: KezhuanApp, role: Role): Promise<{ u: UserDoc; c: Client }> {
  const u = await buildUser({ role });
  return { u, c: await signedInAs(app, u) };
}

/** A client signed in as `user`. */
export async function signedInAs(app: KezhuanApp, user: UserDoc): Promise<Client> {
  const c = await client(app);
  const res = await c.login(user.email, TEST_PASSWORD);
  if (res.status !== 200) {
    throw new Error(`login failed: ${res.status}`);
  }
  return c;
}
