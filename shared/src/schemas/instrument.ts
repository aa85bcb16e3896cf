/**
 * Large-instrument sharing (issue 16): the instruments universities and institutes open to others
 * (大型科学仪器共享平台). This file holds the vocabulary and the instrument's stored shape that both the
 * instrument catalogue (CRUD, search, pages) and the booking module build on. Stored values are
 * codes; labels are zh and en.
 */
import { z } from 'zod';
import { cityCode, inputString, objectId } from './common';

/** The national classification of large scientific instruments (大型科学仪器分类), top level. */
export const INSTRUMENT_CATEGORIES = [
  { code: 'analytical', zh: '分析仪器', en: 'Analytical instruments' },
  { code: 'physical_testing', zh: '物理性能测试仪器', en: 'Physical property testing' },
  { code: 'metrology', zh: '计量仪器', en: 'Metrology instruments' },
  { code: 'electronic_measurement', zh: '电子测量仪器', en: 'Electronic measurement' },
  { code: 'marine', zh: '海洋仪器', en: 'Marine instruments' },
  { code: 'earth_exploration', zh: '地球探测仪器', en: 'Earth exploration' },
  { code: 'atmospheric', zh: '大气探测仪器', en: 'Atmospheric sounding' },
  { code: 'special_inspection', zh: '特种检测仪器', en: 'Special inspection' },
  { code: 'laser', zh: '激光器', en: 'Lasers' },
  { code: 'process_testing', zh: '工艺试验仪器', en: 'Process testing' },
  { code: 'computing', zh: '计算机及其配套设备', en: 'Computers and peripherals' },
  { code: 'astronomical', zh: '天文仪器', en: 'Astronomical instruments' },
  { code: 'medical_research', zh: '医学科研仪器', en: 'Medical research instruments' },
  { code: 'nuclear', zh: '核仪器', en: 'Nuclear instruments' },
  { code: 'other', zh: '其他仪器', en: 'Other instruments' },
] as const;
export type InstrumentCategory = (typeof INSTRUMENT_CATEGORIES)[number]['code'];
export const INSTRUMENT_CATEGORY_CODES = INSTRUMENT_CATEGORIES.map((c) => c.code) as unknown as readonly [InstrumentCategory, ...InstrumentCategory[]];

/** What a use is charged by: an hour of machine time or one sample. Amounts in whole yuan. */
export const INSTRUMENT_PRICE_UNITS = [
  { code: 'hour', zh: '按机时', en: 'Per hour' },
  { code: 'sample', zh: '按样品', en: 'Per sample' },
] as const;
export type InstrumentPriceUnit = (typeof INSTRUMENT_PRICE_UNITS)[number]['code'];

export const INSTRUMENT_STATUSES = ['active', 'withdrawn'] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];

export const INSTRUMENT_LIMITS = {
  nameMax: 80, modelMax: 80, manufacturerMax: 80, addressMax: 120, textMax: 4000, paramNameMax: 40, paramValueMax: 200,
  paramsMax: 30, photosMax: 8, priceMax: 1_000_000, openingSlotsMax: 21,
  /** Bookings are whole multiples of this many minutes, on these boundaries. */
  slotMinutes: 30,
} as const;

/** "HH:MM", 00:00–24:00 on the half hour (the booking grid). */
export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):(00|30)$|^24:00$/, { message: 'kz.clock_time' });

/** Minutes since midnight of an "HH:MM" clock time. */
export const clockMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** One weekly opening window: ISO weekday (1 = Monday … 7 = Sunday), from–to in local time (Asia/Shanghai). */
export const openingWindow = z
  .strictObject({ weekday: z.number().int().min(1).max(7), from: clockTime, to: clockTime })
  .refine((w) => clockMinutes(w.from) < clockMinutes(w.to), { message: 'kz.time_order', path: ['to'] });
export type OpeningWindow = z.infer<typeof openingWindow>;

/** The weekly opening hours; windows of one weekday must not overlap. */
export const openingHours = z
  .array(openingWindow)
  .min(1)
  .max(INSTRUMENT_LIMITS.openingSlotsMax)
  .refine(
    (ws) =>
      ws.every((a, i) => ws.every((b, j) => j <= i || a.weekday !== b.weekday || clockMinutes(a.to) <= clockMinutes(b.from) || clockMinutes(b.to) <= clockMinutes(a.from))),
    { message: 'kz.opening_overlap' },
  );

export const instrumentParam = z.strictObject({
  name: inputString().trim().min(1).max(INSTRUMENT_LIMITS.paramNameMax),
  value: inputString().trim().min(1).max(INSTRUMENT_LIMITS.paramValueMax),
});

/** An instrument as its institution's members write it. */
export const instrumentInput = z.strictObject({
  name: inputString().trim().min(2).max(INSTRUMENT_LIMITS.nameMax),
  model: inputString().trim().max(INSTRUMENT_LIMITS.modelMax).optional(),
  manufacturer: inputString().trim().max(INSTRUMENT_LIMITS.manufacturerMax).optional(),
  category: z.enum(INSTRUMENT_CATEGORY_CODES),
  city: cityCode,
  address: inputString().trim().min(2).max(INSTRUMENT_LIMITS.addressMax),
  description: inputString().trim().min(10).max(INSTRUMENT_LIMITS.textMax),
  params: z.array(instrumentParam).max(INSTRUMENT_LIMITS.paramsMax).default([]),
  sampleRequirements: inputString().trim().max(INSTRUMENT_LIMITS.textMax).optional(),
  price: z.strictObject({ unit: z.enum(['hour', 'sample']), amount: z.number().int().min(0).max(INSTRUMENT_LIMITS.priceMax) }),
  operatorRequired: z.boolean(),
  openingHours,
  /** Uploaded photos (attachment ids from the listings' attachment store). */
  photos: z.array(objectId).max(INSTRUMENT_LIMITS.photosMax).default([]),
});
export type InstrumentInput = z.infer<typeof instrumentInput>;
