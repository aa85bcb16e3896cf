/**
 * The events demo (issue 16, roadshows and expos): the China–Northeast Asia Expo's matchmaking of
 * some 60 days ago (held, schedule published, meetings with interest marked and a few deal rooms
 * opened), the Jilin high-tech results fair's roadshow in three weeks (registration open, the demo
 * enterprise registered) and an online launch by the demo intermediary. Presenters are the Jilin
 * institutions' published results. Deterministic (mulberry32); the demo accounts' organisations get
 * no deal rooms here, so the deal pages' demo counts stay as they were.
 */
import { Types } from 'mongoose';
import { mulberry32 } from '../lib/prng';
import { openDealRoom } from '../modules/deals/deal.open';
import { holdMeetingCells, placeCells } from '../modules/events/event.cells';
import { EventMeetingModel, EventModel, EventRegistrationModel, type EventRecord } from '../modules/events/event.model';
import { planSchedule } from '../modules/events/event.scheduler';
import { eventSlots } from '../modules/events/event.slots';
import { approvedMemberFilter } from '../modules/orgs/membership.rules';
import { OrgModel } from '../modules/orgs/org.model';
import { ResearchResultModel } from '../modules/results/result.model';
import { UserModel } from '../modules/users/user.model';
import { DEMO_ACCOUNTS, DEMO_PAIRING_ACCOUNTS } from './demo-accounts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Local (UTC+8) hour `h` of the day `days` from today, as an instant. */
const localAt = (now: Date, days: number, h: number) => new Date(Math.floor((now.getTime() + 8 * HOUR) / DAY) * DAY + days * DAY + (h - 8) * HOUR);

type Org = { _id: Types.ObjectId; name: string };

export async function seedDemoEvents(now: Date): Promise<{ events: number; registrations: number; meetings: number; deals: number }> {
  const rnd = mulberry32(1616);
  const pick = <T>(xs: T[], n: number): T[] => {
    const copy = [...xs];
    const out: T[] = [];
    while (out.length < n && copy.length) {
      out.push(copy.splice(Math.floor(rnd() * copy.length), 1)[0] as T);
    }
    return out;
  };
  const demoEmails = [...DEMO_ACCOUNTS.map((a) => a.email), ...Object.values(DEMO_PAIRING_ACCOUNTS).map((a) => a.email)];
  const demoUsers = await UserModel.find({ email: { $in: demoEmails } }, { email: 1, org: 1 }).lean();
  const byEmail = new Map(demoUsers.map((u) => [u.email, u]));
  const demoOrgs = new Set(demoUsers.map((u) => String(u.org)));
  const admin = byEmail.get('admin@demo.kezhuan.cn');
  const broker = byEmail.get('intermediary@demo.kezhuan.cn');
  const demoEnterprise = byEmail.get('enterprise@demo.kezhuan.cn');
  if (!admin || !broker?.org || !demoEnterprise?.org) {
    return { events: 0, registrations: 0, meetings: 0, deals: 0 };
  }
  const [province, brokerOrg] = await Promise.all([OrgModel.findById(admin.org, { name: 1 }).lean(), OrgModel.findById(broker.org, { name: 1 }).lean()]);
  const research = await OrgModel.find({ type: { $in: ['university', 'institute'] } }, { name: 1 }).sort({ _id: 1 }).lean<Org[]>();
  const enterprises = await OrgModel.find({ type: 'enterprise', verified: true }, { name: 1 }).sort({ _id: 1 }).lean<Org[]>();
  const researchName = new Map(research.map((o) => [String(o._id), o.name]));
  const results = await ResearchResultModel.find({ org: { $in: research.map((o) => o._id) }, status: 'published' }, { title: 1, org: 1 }).sort({ _id: 1 }).limit(400).lean();
  const programme = (rs: typeof results) => rs.map((r) => ({ result: r._id, title: r.title, org: r.org, orgName: researchName.get(String(r.org)) ?? '' }));
  const oneByOrg = (rs: typeof results) => [...new Map(rs.map((r) => [String(r.org), r])).values()];

  // 1. The expo's matchmaking, held: presenters outside the demo accounts' organisations.
  const expoResults = pick(oneByOrg(results.filter((r) => !demoOrgs.has(String(r.org)))), 6);
  const expo = await EventModel.create({
    kind: 'expo', title: '第十四届中国—东北亚博览会 科技成果对接洽谈',
    description: '博览会期间设科技成果转化专区，吉林省高校、科研院所集中展示可转化成果，与省内外企业开展一对一对接洽谈。',
    place: '长春东北亚国际博览中心 科技成果转化专区', sessions: [{ start: localAt(now, -60, 9), end: localAt(now, -60, 12) }],
    start: localAt(now, -60, 9), end: localAt(now, -60, 12), slotMinutes: 20, tables: 4, programme: programme(expoResults),
    organiserOrg: null, organiserName: province?.name ?? '吉林省科学技术厅', state: 'held', schedulePublishedAt: localAt(now, -62, 10), createdBy: admin._id,
  });
  const expoFirms = pick(enterprises.filter((o) => !demoOrgs.has(String(o._id))), 8);
  const regs: { event: EventRecord; org: Org; picks: Types.ObjectId[] }[] = [];
  const expoDoc = expo.toObject() as EventRecord;
  for (const org of expoFirms) {
    regs.push({ event: expoDoc, org, picks: pick(expoResults, 1 + Math.floor(rnd() * 3)).map((r) => r._id) });
  }

  // 2. The high-tech fair's roadshow, registration open; the demo enterprise has registered.
  const fairResults = pick(oneByOrg(results), 8);
  const fair = (await EventModel.create({
    kind: 'roadshow', title: '第二十届吉林省高新技术成果交易会（长春高交会）成果路演',
    description: '汽车零部件、光电子信息、新材料、生物医药等领域的高校院所成果集中路演，会后按企业报名意向安排一对一对接洽谈。',
    place: '长春国际会展中心 2 号馆 路演区', sessions: [{ start: localAt(now, 21, 9), end: localAt(now, 21, 12) }, { start: localAt(now, 21, 13), end: localAt(now, 21, 16) }],
    start: localAt(now, 21, 9), end: localAt(now, 21, 16), slotMinutes: 30, tables: 4, programme: programme(fairResults),
    organiserOrg: null, organiserName: province?.name ?? '吉林省科学技术厅', state: 'published', createdBy: admin._id,
  })).toObject() as EventRecord;
  const demoEnterpriseOrg = await OrgModel.findById(demoEnterprise.org, { name: 1 }).lean<Org>();
  if (demoEnterpriseOrg) {
    regs.push({ event: fair, org: demoEnterpriseOrg, picks: fairResults.slice(0, 2).map((r) => r._id) });
  }
  for (const org of pick(enterprises.filter((o) => !demoOrgs.has(String(o._id))), 4)) {
    regs.push({ event: fair, org, picks: pick(fairResults, 2).map((r) => r._id) });
  }

  // 3. An online launch by the demo intermediary.
  await EventModel.create({
    kind: 'online', title: '新材料与化工领域科技成果线上发布会', description: '线上直播发布新材料、精细化工成果，报名企业可预约线上一对一洽谈（视频会议室）。',
    place: '', streamUrl: 'https://live.kezhuan.example.cn/launch-2026', sessions: [{ start: localAt(now, 35, 14), end: localAt(now, 35, 17) }],
    start: localAt(now, 35, 14), end: localAt(now, 35, 17), slotMinutes: 20, tables: 3, programme: programme(pick(results, 5)),
    organiserOrg: broker.org, organiserName: brokerOrg?.name ?? '', state: 'published', createdBy: broker._id,
  });

  const members = new Map<string, Types.ObjectId>();
  const memberOf = async (org: Types.ObjectId) => {
    if (!members.has(String(org))) {
      const u = await UserModel.findOne(approvedMemberFilter(org), { _id: 1 }).sort({ _id: 1 }).lean();
      members.set(String(org), u?._id ?? admin._id);
    }
    return members.get(String(org)) as Types.ObjectId;
  };
  for (const r of regs) {
    await EventRegistrationModel.create({ event: r.event._id, org: r.org._id, orgName: r.org.name, user: await memberOf(r.org._id), picks: r.picks, note: '' });
  }

  // The expo's schedule and what came of it.
  const names = new Map(expoFirms.map((o) => [String(o._id), o.name]));
  const byResult = new Map(expoDoc.programme.map((p) => [String(p.result), p]));
  const plan = planSchedule(eventSlots(expoDoc).length, expoDoc.tables, regs.filter((r) => r.event === expoDoc).flatMap((r) =>
    r.picks.map((p) => ({ enterprise: String(r.org._id), presenter: String(byResult.get(String(p))?.org), result: String(p) }))));
  let deals = 0;
  for (const [i, p] of plan.placed.entries()) {
    const item = byResult.get(p.result)!;
    const _id = new Types.ObjectId();
    await holdMeetingCells(expoDoc._id, _id, placeCells(expoDoc._id, p));
    const interested = i % 3 === 0;
    let deal: Types.ObjectId | null = null;
    if (interested) {
      const opened = await openDealRoom({
        origin: 'event', listing: { kind: 'result', id: item.result, title: item.title }, supplyOrg: item.org, demandOrg: new Types.ObjectId(p.enterprise),
        opener: { user: await memberOf(new Types.ObjectId(p.enterprise)), party: 'demand' }, note: expoDoc.title, ip: '',
      });
      deal = opened?.room._id ?? null;
      deals += opened?.created ? 1 : 0;
    }
    await EventMeetingModel.create({
      _id, event: expoDoc._id, slot: p.slot, table: p.table, enterpriseOrg: new Types.ObjectId(p.enterprise), enterpriseName: names.get(p.enterprise) ?? '',
      presenterOrg: item.org, presenterName: item.orgName, result: item.result, resultTitle: item.title, status: 'scheduled',
      interest: { enterprise: interested ? true : i % 3 === 1 ? false : null, presenter: interested ? true : null }, deal,
    });
  }
  return { events: 3, registrations: regs.length, meetings: plan.placed.length, deals };
}
