import type { OpeningWindow } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { DAY_MS, localMidnight } from './booking.time';
import { InstrumentModel, type InstrumentRecord } from './instrument.model';

/** Every day 08:00–20:00: any near future day has open slots. */
export const EVERY_DAY: OpeningWindow[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '08:00', to: '20:00' }));

/** An active instrument of `org`, stored directly (the catalogue's CRUD has its own tests). */
export async function buildInstrument(org: Types.ObjectId, createdBy: Types.ObjectId, overrides: Partial<InstrumentRecord> = {}): Promise<InstrumentRecord> {
  const doc = await InstrumentModel.create({
    org, name: '场发射扫描电子显微镜', model: 'SU8010', manufacturer: '日立', category: 'analytical', city: '220100',
    address: '长春市人民大街5268号 分析测试中心 101 室', description: '高分辨场发射扫描电镜，可做形貌观察与能谱分析。',
    price: { unit: 'hour', amount: 400 }, operatorRequired: true, openingHours: EVERY_DAY, createdBy, updatedBy: createdBy,
    ...overrides,
  });
  return doc.toObject() as InstrumentRecord;
}

/** A slot `daysAhead` local days from now at local "HH:MM", lasting `hours`: ISO instants. */
export function slot(daysAhead: number, hhmm: string, hours: number, now = Date.now()): { start: string; end: string } {
  const start = localMidnight(now) + daysAhead * DAY_MS + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * 60_000;
  return { start: new Date(start).toISOString(), end: new Date(start + hours * 3_600_000).toISOString() };
}
