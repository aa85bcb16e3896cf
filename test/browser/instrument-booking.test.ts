/**
 * Instrument booking in the browser: the demo enterprise picks a range in an instrument's week
 * calendar and requests it with the price estimate; the instrument's institution (吉林大学's
 * manager) confirms it in "my bookings", records usage after the slot, and the enterprise rates it.
 * The instrument is stored by the test (the catalogue's pages belong to another module) through a
 * FerretDB of its own in front of the platform's PostgreSQL. Screenshots at 1366 and 390 px.
 */
import mongoose from 'mongoose';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InstrumentModel } from '../../server/src/modules/instruments/instrument.model';
import { BookingModel } from '../../server/src/modules/instruments/booking.model';
import { startEmbeddedDatabase, type EmbeddedDb } from '../../server/src/supervisor/ferretdb';
import { shoot, useDemoPlatform } from './support';

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;
let db: EmbeddedDb;
let instrumentId = '';
const demo = useDemoPlatform('booking');

/** "YYYY-MM-DD" of next week's Wednesday in Beijing time: always in the future, inside the 60-day horizon. */
function nextWednesday(): string {
  const local = Date.now() + SHANGHAI;
  const weekday = (new Date(local).getUTCDay() + 6) % 7;
  return new Date(local - weekday * DAY + 9 * DAY).toISOString().slice(0, 10);
}

beforeAll(async () => {
  // A FerretDB of the test's own in front of the platform's PostgreSQL cluster (the platform keeps running it).
  db = await startEmbeddedDatabase({ dataDir: demo.dataDir });
  await mongoose.connect(db.uri, { dbName: 'kezhuan' });
  const owner = await mongoose.connection.collection('users').findOne({ email: 'researcher@demo.kezhuan.cn' });
  const inst = await InstrumentModel.create({
    org: owner?.org, name: '场发射扫描电子显微镜', model: 'SU8010', manufacturer: '日立', category: 'analytical', city: '220100',
    address: '长春市前进大街2699号 吉林大学分析测试中心', description: '高分辨场发射扫描电镜，可做纳米材料形貌观察与能谱分析。',
    price: { unit: 'hour', amount: 400 }, operatorRequired: true, createdBy: owner?._id, updatedBy: owner?._id,
    openingHours: [1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, from: '08:30', to: '12:00' }, { weekday, from: '13:30', to: '17:30' }]),
  });
  instrumentId = String(inst._id);
}, 240_000);

// Runs before useDemoPlatform's afterAll, which closes the browser and stops the platform.
afterAll(async () => {
  await mongoose.disconnect();
  await db?.stop();
});

const cell = (page: Page, day: string, hhmm: string) => page.locator(`[data-testid="cell-${day}-${hhmm}"]`);

describe('instrument booking in the browser', () => {
  it('requests a slot from the calendar, the owner confirms and records usage, the requester rates', async () => {
    const day = nextWednesday();
    const ent = await demo.signedIn('enterprise@demo.kezhuan.cn');
    await ent.goto(`${demo.url}/instruments/${instrumentId}/book`);
    await expect.poll(() => ent.locator('[data-testid=book-title]').textContent(), { timeout: 15_000 }).toContain('场发射扫描电子显微镜');
    await ent.locator('[data-testid=booking-next-week]').click();
    await expect.poll(() => cell(ent, day, '09:00').getAttribute('data-state'), { timeout: 15_000 }).toBe('free');
    expect(await cell(ent, day, '12:00').getAttribute('data-state')).toBe('closed');
    await cell(ent, day, '09:00').click();
    await cell(ent, day, '10:30').click();
    expect(await ent.locator('[data-testid=booking-chosen]').textContent()).toContain(`${day} 09:00–11:00`);
    await shoot(ent, 'booking-calendar-1366');
    await ent.locator('[data-testid=booking-request]').click();
    await ent.locator('[data-testid=booking-purpose]').fill('车用铝合金断口形貌观察');
    await ent.locator('[data-testid=booking-samples]').fill('断口试样，10mm×10mm');
    expect(await ent.locator('[data-testid=booking-estimate]').textContent()).toContain('800 元');
    await shoot(ent, 'booking-request-dialog-1366');
    await ent.locator('[data-testid=booking-submit]').click();
    await expect.poll(() => cell(ent, day, '09:00').getAttribute('data-state'), { timeout: 15_000 }).toBe('mine');
    expect(await cell(ent, day, '11:00').getAttribute('data-state')).toBe('free');

    // The instrument's institution confirms the request (the newest of its list; the demo has others).
    const b = await BookingModel.findOne({ instrument: instrumentId }).lean();
    const card = (page: Page) => page.locator(`[data-testid=booking-${String(b?._id)}]`);
    const owner = await demo.signedIn('researcher@demo.kezhuan.cn');
    await owner.goto(`${demo.url}/me/bookings?side=owner`);
    await expect.poll(() => card(owner).locator('[data-testid=booking-confirm]').count(), { timeout: 15_000 }).toBe(1);
    expect(await card(owner).getAttribute('data-status')).toBe('pending');
    expect(await card(owner).textContent()).toContain('王强');
    await shoot(owner, 'booking-owner-requests-1366');
    await card(owner).locator('[data-testid=booking-confirm]').click();
    await expect.poll(() => card(owner).getAttribute('data-status'), { timeout: 15_000 }).toBe('confirmed');

    // The slot passes (moved into the past in the database), the owner records usage.
    await BookingModel.updateOne({ _id: b?._id }, { $set: { start: new Date(Date.now() - 3 * 3_600_000), end: new Date(Date.now() - 3_600_000) } });
    await owner.reload();
    await card(owner).locator('[data-testid=booking-record-usage]').click();
    await owner.locator('[data-testid=usage-note]').fill('按时完成，数据已发送');
    await owner.locator('[data-testid=usage-save]').click();
    await expect.poll(() => card(owner).getAttribute('data-status'), { timeout: 15_000 }).toBe('used');

    // The requester rates it, on a phone.
    const phone = await demo.signedIn('enterprise@demo.kezhuan.cn', { width: 390 });
    await phone.goto(`${demo.url}/me/bookings`);
    await card(phone).locator('[data-testid=booking-rate]').click();
    await phone.locator('[data-testid=rating-score] .el-rate__item').nth(3).click();
    await phone.locator('[data-testid=rating-comment]').fill('操作规范，图像清晰');
    await phone.locator('[data-testid=rating-save]').click();
    await expect.poll(() => card(phone).locator('[data-testid=booking-rating]').textContent(), { timeout: 15_000 }).toContain('操作规范');
    await shoot(phone, 'booking-mine-rated-390');
    const rated = await BookingModel.findById(b?._id).lean();
    expect(rated).toMatchObject({ status: 'used', rating: { score: 4 } });

    // The calendar on a phone and the owner's utilisation.
    await phone.goto(`${demo.url}/instruments/${instrumentId}/book`);
    await expect.poll(() => phone.locator('[data-testid=booking-calendar] td').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await shoot(phone, 'booking-calendar-390');
    await owner.goto(`${demo.url}/me/instruments/utilisation`);
    await expect.poll(() => owner.locator('[data-testid=utilisation-chart] canvas').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await owner.locator('[data-testid=util-instrument]', { hasText: '场发射扫描电子显微镜' }).count()).toBeGreaterThan(0);
    // Let the chart's entry animation end before the screenshot (nothing is asserted on time).
    await owner.waitForTimeout(1500);
    await shoot(owner, 'booking-utilisation-1366');
    await owner.setViewportSize({ width: 390, height: 900 });
    await owner.goto(`${demo.url}/me/bookings?side=owner`);
    await expect.poll(() => card(owner).getAttribute('data-status'), { timeout: 15_000 }).toBe('used');
    await expect.poll(() => owner.locator('.el-loading-mask').count(), { timeout: 15_000 }).toBe(0);
    await shoot(owner, 'booking-owner-used-390');
  });
});
