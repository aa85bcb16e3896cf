/** Who hears of an event's schedule, of a change of its time or place and of its cancellation: the approved members of the organisations concerned. */
import type { Types } from 'mongoose';
import type { NotificationInput } from '../notifications/notification.service';
import { notifyMany, type NotificationItem } from '../notifications/notification.bulk';
import { approvedMembersQuery } from '../orgs/membership.rules';
import { UserModel } from '../users/user.model';
import type { EventRecord, MeetingRecord } from './event.model';

async function membersOf(orgs: Types.ObjectId[]): Promise<Map<string, Types.ObjectId[]>> {
  const out = new Map<string, Types.ObjectId[]>();
  const unique = [...new Map(orgs.map((o) => [String(o), o])).values()];
  for (const org of unique) {
    const q = approvedMembersQuery(org);
    out.set(String(org), (await UserModel.find(q.filter, { _id: 1 }).sort(q.sort).limit(50).lean()).map((u) => u._id));
  }
  return out;
}

/** Each organisation with a meeting hears once per publication that its schedule is out. */
export async function notifySchedule(e: EventRecord, meetings: MeetingRecord[], at: Date): Promise<void> {
  const orgs = meetings.flatMap((m) => [m.enterpriseOrg, m.presenterOrg]);
  const members = await membersOf(orgs);
  const items: NotificationItem[] = [];
  for (const [org, users] of members) {
    const count = meetings.filter((m) => String(m.enterpriseOrg) === org || String(m.presenterOrg) === org).length;
    for (const user of users) {
      items.push({
        user,
        input: {
          kind: 'event', title: `对接洽谈日程已发布：${e.title}`, titleEn: `Meeting schedule published: ${e.title}`,
          body: `您有 ${count} 场一对一洽谈`, bodyEn: `You have ${count} one-to-one meeting(s)`,
          link: `/events/${String(e._id)}/my-schedule`, key: `event:${String(e._id)}:schedule:${at.getTime()}:${org}`,
        },
      });
    }
  }
  if (items.length) {
    await notifyMany(items);
  }
}

/** Each organisation's approved members hear once (the key names the organisation, so a repeat is skipped). */
export async function notifyOrgs(orgs: Types.ObjectId[], build: (org: string) => NotificationInput): Promise<void> {
  const members = await membersOf(orgs);
  const items: NotificationItem[] = [...members].flatMap(([org, users]) => users.map((user) => ({ user, input: build(org) })));
  if (items.length) {
    await notifyMany(items);
  }
}
