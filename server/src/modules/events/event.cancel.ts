/**
 * The organiser cancels an event before it is held. Its scheduled meetings are dropped (their
 * places freed), and unless it was still a draft, the registered enterprises and the presenting
 * organisations hear why.
 */
import { EVENT_CANCELLABLE_STATES } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import type { UserDoc } from '../users/user.model';
import { EventMeetingCellModel, EventMeetingModel, EventModel, EventRegistrationModel, type EventRecord, type RegistrationRecord } from './event.model';
import { notifyOrgs } from './event.notify';
import { meetingsQuery, registrationsQuery } from './event.queries';
import { readManaged } from './event.service';

/** Cancels the event (409 once held, closed or cancelled); returns it cancelled. */
export async function cancelEvent(user: UserDoc, id: string, reason: string, ip: string): Promise<EventRecord> {
  const e = await readManaged(user, id);
  if (!EVENT_CANCELLABLE_STATES.includes(e.state)) {
    throw createError('INVALID_STATE', { message: '活动已举办、已结束或已取消，不能再取消', messageEn: 'The event was held, closed or cancelled already' });
  }
  const doc = await EventModel.findOneAndUpdate(
    { _id: e._id, state: e.state },
    { $set: { state: 'cancelled', cancelReason: reason, cancelledAt: new Date() } },
    { returnDocument: 'after' },
  ).lean<EventRecord>();
  if (!doc) {
    throw createError('INVALID_STATE');
  }
  const mq = meetingsQuery(e._id);
  const meetings = await EventMeetingModel.find(mq.filter, { _id: 1 }).sort(mq.sort).lean<{ _id: Types.ObjectId }[]>();
  if (meetings.length) {
    const ids = meetings.map((m) => m._id);
    await EventMeetingModel.updateMany({ _id: { $in: ids }, status: 'scheduled' }, { $set: { status: 'cancelled' } });
    await EventMeetingCellModel.deleteMany({ meeting: { $in: ids } });
  }
  const rq = registrationsQuery(e._id);
  const regs = await EventRegistrationModel.find(rq.filter, { org: 1 }).sort(rq.sort).limit(2000).lean<RegistrationRecord[]>();
  await audit({ action: 'event.cancel', actor: user._id, target: { kind: 'event', id }, detail: { from: e.state, registrations: regs.length, meetings: meetings.length }, ip });
  if (e.state !== 'draft') {
    await notifyOrgs([...regs.map((r) => r.org), ...e.programme.map((p) => p.org)], (org) => ({
      kind: 'event', title: `活动已取消：${e.title}`, titleEn: `Event cancelled: ${e.title}`, body: `取消原因：${reason}`, bodyEn: `Reason: ${reason}`,
      link: `/events/${id}`, key: `event:${id}:cancelled:${org}`,
    }));
  }
  return doc;
}
