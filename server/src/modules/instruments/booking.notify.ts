/** Who hears of a booking's steps: the owner institution's members of requests and cancellations, the requester of answers. */
import { UserModel } from '../users/user.model';
import { approvedMemberFilter } from '../orgs/membership.rules';
import { notifyMany } from '../notifications/notification.bulk';
import type { BookingRecord } from './booking.model';
import { localDate } from './booking.time';

export type BookingEvent = 'request' | 'confirm' | 'decline' | 'cancel_requester' | 'cancel_owner' | 'usage' | 'rate';

const TEXT: Record<BookingEvent, { zh: string; en: string; toOwner: boolean }> = {
  request: { zh: '收到仪器预约申请', en: 'New instrument booking request', toOwner: true },
  confirm: { zh: '仪器预约已确认', en: 'Instrument booking confirmed', toOwner: false },
  decline: { zh: '仪器预约被谢绝', en: 'Instrument booking declined', toOwner: false },
  cancel_requester: { zh: '预约方取消了仪器预约', en: 'The requester cancelled an instrument booking', toOwner: true },
  cancel_owner: { zh: '仪器管理方取消了您的预约', en: 'The instrument owner cancelled your booking', toOwner: false },
  usage: { zh: '仪器使用记录已登记，请评价', en: 'Instrument usage recorded: please rate it', toOwner: false },
  rate: { zh: '预约方评价了仪器使用', en: 'The requester rated an instrument use', toOwner: true },
};

/** Notifies the other side of `event` on booking `b` (the actor is not told). */
export async function notifyBooking(b: BookingRecord, event: BookingEvent, actor: BookingRecord['requester']): Promise<void> {
  const t = TEXT[event];
  const users = t.toOwner
    ? (await UserModel.find({ ...approvedMemberFilter(b.ownerOrg) }, { _id: 1 }).limit(50).lean()).map((u) => u._id)
    : [b.requester];
  const day = localDate(b.start.getTime());
  const items = users
    .filter((u) => !u.equals(actor))
    .map((user) => ({
      user,
      input: {
        kind: 'instrument.booking' as const,
        title: `${t.zh}：${b.instrumentName}`,
        titleEn: `${t.en}: ${b.instrumentName}`,
        body: `${day} ${b.reason}`.trim(),
        bodyEn: `${day} ${b.reason}`.trim(),
        link: `/me/bookings?side=${t.toOwner ? 'owner' : 'requester'}`,
        key: `booking:${String(b._id)}:${event}`,
      },
    }));
  if (items.length) {
    await notifyMany(items);
  }
}
