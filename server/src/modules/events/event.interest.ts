/**
 * After the event each side of a meeting marks "interested / not interested". When the enterprise
 * is interested a deal room about the result opens (deal.open.ts: the one open room per result and
 * pair, so repeated or simultaneous marks open exactly one) and the meeting links to it.
 */
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { openDealRoom } from '../deals/deal.open';
import { isApprovedMember } from '../orgs/membership.rules';
import type { UserDoc } from '../users/user.model';
import { EventMeetingModel, type MeetingRecord } from './event.model';
import { orgMeetingsQuery } from './event.queries';
import { readEvent } from './event.service';

export type MeetingSide = 'enterprise' | 'presenter';

export function meetingSide(user: UserDoc | null | undefined, m: Pick<MeetingRecord, 'enterpriseOrg' | 'presenterOrg'>): MeetingSide | null {
  if (!user) {
    return null;
  }
  if (isApprovedMember(user, m.enterpriseOrg)) {
    return 'enterprise';
  }
  return isApprovedMember(user, m.presenterOrg) ? 'presenter' : null;
}

/** The caller's own meetings of an event once its schedule is published (either side). */
export async function mySchedule(user: UserDoc, id: string): Promise<{ meetings: MeetingRecord[]; published: boolean }> {
  const e = await readEvent(user, id);
  if (!user.org || user.orgStatus === 'pending' || !e.schedulePublishedAt) {
    return { meetings: [], published: Boolean(e.schedulePublishedAt) };
  }
  const org = user.org as Types.ObjectId;
  const [a, b] = await Promise.all([
    EventMeetingModel.find(orgMeetingsQuery('enterpriseOrg', org, e._id).filter).lean<MeetingRecord[]>(),
    EventMeetingModel.find(orgMeetingsQuery('presenterOrg', org, e._id).filter).lean<MeetingRecord[]>(),
  ]);
  return { meetings: [...a, ...b].sort((x, y) => x.slot - y.slot), published: true };
}

export async function markInterest(user: UserDoc, id: string, meetingId: string, interested: boolean, ip: string): Promise<MeetingRecord> {
  const e = await readEvent(user, id);
  const m = await EventMeetingModel.findOne({ _id: meetingId, event: e._id, status: 'scheduled' }).lean<MeetingRecord>();
  const side = m ? meetingSide(user, m) : null;
  if (!m || !side || !e.schedulePublishedAt) {
    throw createError('NOT_FOUND');
  }
  if (e.state !== 'held' && e.state !== 'closed') {
    throw createError('INVALID_STATE', { message: '活动举办后才能表达意向', messageEn: 'Interest can be marked after the event is held' });
  }
  let doc = (await EventMeetingModel.findByIdAndUpdate(m._id, { $set: { [`interest.${side}`]: interested } }, { returnDocument: 'after' }).lean<MeetingRecord>()) as MeetingRecord;
  if (doc.interest.enterprise === true && !doc.deal) {
    const opened = await openDealRoom({
      origin: 'event', listing: { kind: 'result', id: m.result, title: m.resultTitle }, supplyOrg: m.presenterOrg, demandOrg: m.enterpriseOrg,
      opener: { user: user._id, party: side === 'enterprise' ? 'demand' : 'supply' }, note: `${e.title}`, ip,
    });
    if (opened) {
      doc = (await EventMeetingModel.findByIdAndUpdate(m._id, { $set: { deal: opened.room._id } }, { returnDocument: 'after' }).lean<MeetingRecord>()) as MeetingRecord;
    }
  }
  return doc;
}
