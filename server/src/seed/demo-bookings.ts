/**
 * Demo bookings of the demo instruments (issue 16), deterministic (mulberry32): eight past weeks of
 * used and rated bookings (a few cancelled, one late), confirmed ones in the next two weeks and
 * pending requests, so "my bookings" has something to answer and the utilisation charts have data.
 * Requesters are approved members of other institutions. Not called from demo.ts yet: the
 * coordinator wires it once the demo instruments exist (`seedDemoBookings(instrumentIds)`).
 */
import { BOOKING_LIMITS, bookingEstimate } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { mulberry32 } from '../lib/prng';
import { holdCells } from '../modules/instruments/booking.cells';
import { BookingModel } from '../modules/instruments/booking.model';
import { CELL_MS, DAY_MS, HOUR_MS, localMidnight, openSpans } from '../modules/instruments/booking.time';
import { InstrumentModel, type InstrumentRecord } from '../modules/instruments/instrument.model';
import { UserModel } from '../modules/users/user.model';

const PURPOSES = [
  ['催化剂颗粒形貌与粒径分布表征', '粉末样品，约 0.5 g'],
  ['汽车零部件断口失效分析', '金属断口试样 10mm×10mm'],
  ['玉米深加工产物成分检测', '液体样品 10 mL'],
  ['光学薄膜厚度与表面粗糙度测量', '镀膜玻璃片'],
  ['中药提取物有效成分含量测定', '提取物粉末'],
  ['碳纤维复合材料界面观察', '复合材料切片'],
] as const;
const COMMENTS = ['操作规范，数据清晰，出报告及时', '老师很专业，帮助优化了测试方案', '预约顺利，样品处理细致', '整体满意，等待时间略长'];

interface Requester {
  _id: Types.ObjectId;
  org: Types.ObjectId;
}

/** Seeds bookings for `instrumentIds` unless they have some already; returns how many were stored. */
export async function seedDemoBookings(instrumentIds: readonly Types.ObjectId[], now = new Date()): Promise<number> {
  if (!instrumentIds.length || (await BookingModel.exists({ instrument: { $in: instrumentIds } }))) {
    return 0;
  }
  const instruments = await InstrumentModel.find({ _id: { $in: instrumentIds }, status: 'active' }).sort({ _id: 1 }).lean<InstrumentRecord[]>();
  const people = (await UserModel.find({ org: { $ne: null }, orgStatus: { $ne: 'pending' }, role: { $in: ['enterprise', 'researcher'] } }, { org: 1 }).sort({ _id: 1 }).limit(200).lean())
    .filter((u): u is typeof u & Requester => Boolean(u.org));
  const rand = mulberry32(20_160_016);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  let stored = 0;
  for (const inst of instruments) {
    const requesters = people.filter((p) => !p.org.equals(inst.org));
    if (!requesters.length) {
      continue;
    }
    const today = localMidnight(now.getTime());
    for (let day = today - 56 * DAY_MS; day < today + 14 * DAY_MS; day += DAY_MS) {
      const future = day >= today;
      // About every other open day in the past, every third in the future.
      if (rand() > (future ? 0.35 : 0.55)) {
        continue;
      }
      const window = openSpans(inst.openingHours, day, day + DAY_MS).find((s) => s.end - s.start >= HOUR_MS);
      if (!window) {
        continue;
      }
      const cells = (window.end - window.start) / CELL_MS;
      const length = Math.min(cells, 2 + Math.floor(rand() * 5));
      const start = window.start + Math.floor(rand() * (cells - length + 1)) * CELL_MS;
      const end = start + length * CELL_MS;
      if (future && start <= now.getTime()) {
        continue;
      }
      const who = pick(requesters);
      const [purpose, sample] = pick(PURPOSES);
      const sampleCount = 1 + Math.floor(rand() * 6);
      const roll = rand();
      const status = future ? (roll < 0.45 ? 'pending' : 'confirmed') : roll < 0.1 ? 'cancelled' : 'used';
      const createdAt = new Date(Math.min(now.getTime(), start) - (2 + Math.floor(rand() * 5)) * DAY_MS);
      const _id = new Types.ObjectId();
      if (status !== 'cancelled') {
        try {
          await holdCells(inst._id, _id, start, end);
        } catch {
          continue;
        }
      }
      const hours = (end - start) / HOUR_MS;
      await BookingModel.create({
        _id, instrument: inst._id, instrumentName: inst.name, ownerOrg: inst.org, requester: who._id, requesterOrg: who.org,
        start: new Date(start), end: new Date(end), status, purpose, sampleDescription: sample, sampleCount,
        price: { ...inst.price, estimate: bookingEstimate(inst.price, hours, sampleCount) },
        expiresAt: status === 'pending' ? new Date(Math.min(now.getTime() + BOOKING_LIMITS.pendingHours * HOUR_MS, start)) : null,
        lateCancel: status === 'cancelled' && rand() < 0.5, cancelledBy: status === 'cancelled' ? 'requester' : null,
        usage: status === 'used' ? { hours: Math.max(0.5, hours - (rand() < 0.3 ? 0.5 : 0)), samples: sampleCount, note: '按预约完成测试', at: new Date(end + HOUR_MS), by: inst.createdBy } : null,
        rating: status === 'used' && rand() < 0.8 ? { score: rand() < 0.7 ? 5 : 4, comment: pick(COMMENTS), at: new Date(end + DAY_MS) } : null,
        createdAt,
      });
      stored++;
    }
  }
  return stored;
}
