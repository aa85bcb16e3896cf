/**
 * Roadshows and expos in the browser (issue 16): the 双千 demo enterprise registers for the upcoming
 * demo roadshow (长春高交会) with picks from its programme; the administrator, its organiser, runs the
 * scheduler from the console and publishes the schedule; the enterprise sees its meeting in its
 * schedule. Screenshots at 1366 and 390 px.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN } from './pairing-helpers';
import { shoot, useDemoPlatform } from './support';

const FACTORY = 'factory@demo.kezhuan.cn';
const INTERMEDIARY = 'intermediary@demo.kezhuan.cn';
const demo = useDemoPlatform('events');

describe('a roadshow with one-to-one meetings', () => {
  it('goes enterprise registers with picks → organiser runs and publishes the schedule → the enterprise sees its meeting', async () => {
    const ent = await demo.signedIn(FACTORY);
    await ent.goto(`${demo.url}/events`);
    await ent.locator('[data-testid=event-item]').first().waitFor();
    await shoot(ent, 'events-list-1366');
    await ent.locator('[data-testid=event-item]', { hasText: '长春高交会' }).click();
    await ent.locator('[data-testid=event-register]').waitFor();
    const eventId = /\/events\/([0-9a-f]{24})/.exec(ent.url())?.[1] ?? '';
    expect(eventId).toMatch(/^[0-9a-f]{24}$/);
    await ent.locator('[data-testid=event-pick]').first().click();
    await ent.locator('[data-testid=event-pick]').nth(2).click();
    await ent.locator('[data-testid=event-register-submit]').click();
    await ent.locator('[data-testid=event-registered]').waitFor();
    await shoot(ent, 'event-registered-1366');

    const admin = await demo.signedIn(ADMIN);
    await admin.goto(`${demo.url}/events/${eventId}`);
    await admin.locator('[data-testid=event-console]').click();
    await expect.poll(() => admin.locator('[data-testid=console-registrations]').innerText(), { timeout: 15_000 }).toContain('江城碳纤维');
    await admin.locator('[data-testid=console-run]').click();
    await admin.locator('[data-testid=console-grid]').waitFor();
    await admin.locator('[data-testid=console-publish]').click();
    await expect.poll(() => admin.locator('[data-testid=console-published]').innerText(), { timeout: 15_000 }).toBe('日程已发布');
    await shoot(admin, 'event-console-1366');

    await ent.goto(`${demo.url}/events/${eventId}/my-schedule`);
    await expect.poll(() => ent.locator('[data-testid=my-meeting]').count(), { timeout: 15_000 }).toBe(2);
    await shoot(ent, 'event-my-schedule-1366');

    const mob = await demo.newPage({ width: 390, height: 844, isMobile: true });
    await demo.signIn(mob, FACTORY);
    await mob.goto(`${demo.url}/events/${eventId}/my-schedule`);
    await expect.poll(() => mob.locator('[data-testid=my-meeting]').count(), { timeout: 15_000 }).toBe(2);
    await shoot(mob, 'event-my-schedule-390');
    await mob.goto(`${demo.url}/events/${eventId}`);
    await mob.locator('[data-testid=event-registered]').waitFor();
    await shoot(mob, 'event-390');
    await Promise.all([ent.context().close(), admin.context().close(), mob.context().close()]);
  });

  it('lets its organiser edit it while registration is open (the event page shows the change), then cancel it with a reason', async () => {
    const page = await demo.signedIn(INTERMEDIARY);
    await page.goto(`${demo.url}/events`);
    await page.locator('[data-testid=event-item]', { hasText: '线上发布会' }).click();
    await page.locator('[data-testid=event-edit]').click();
    await page.locator('[data-testid=form-session]').first().waitFor();
    await expect.poll(() => page.locator('input[data-testid=form-title]').inputValue(), { timeout: 15_000 }).toContain('线上发布会');
    const eventId = /\/events\/([0-9a-f]{24})\/edit/.exec(page.url())?.[1] ?? '';
    // A title too short is refused on the field, before anything is sent.
    await page.locator('input[data-testid=form-title]').fill('新');
    await page.locator('[data-testid=form-save]').click();
    await expect.poll(() => page.locator('.el-form-item.is-error').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.locator('input[data-testid=form-title]').fill('新材料与化工领域科技成果线上发布会（延长洽谈）');
    await page.locator('[data-testid=form-tables] input').fill('5');
    await page.locator('textarea[data-testid=form-description]').fill('线上直播发布新材料、精细化工成果；洽谈桌增至 5 张。');
    await shoot(page, 'event-edit-1366');
    await page.locator('[data-testid=form-save]').click();
    await page.waitForURL(`${demo.url}/events/${eventId}`);
    await expect.poll(() => page.locator('[data-testid=event-title]').innerText(), { timeout: 15_000 }).toBe('新材料与化工领域科技成果线上发布会（延长洽谈）');
    await expect.poll(() => page.locator('.kz-ev-desc').innerText()).toContain('洽谈桌增至 5 张');
    await shoot(page, 'event-edited-1366');
    const mob = await demo.signedIn(INTERMEDIARY, { width: 390, height: 844, isMobile: true });
    await mob.goto(`${demo.url}/events/${eventId}/edit`);
    await expect.poll(() => mob.locator('input[data-testid=form-title]').inputValue(), { timeout: 15_000 }).toContain('延长洽谈');
    await shoot(mob, 'event-edit-390');

    // The organiser cancels it from the console, saying why; the event page says so with the reason.
    await page.locator('[data-testid=event-console]').click();
    await page.locator('[data-testid=console-cancel-event]').click();
    const box = page.locator('.el-message-box');
    await box.locator('textarea').fill('主讲团队行程冲突，发布会延期，新日期另行通知');
    await box.getByRole('button', { name: '取消活动' }).click();
    await page.locator('[data-testid=console-cancelled]').waitFor();
    await shoot(page, 'event-cancelled-console-1366');
    await page.goto(`${demo.url}/events/${eventId}`);
    await expect.poll(() => page.locator('[data-testid=event-cancelled]').innerText(), { timeout: 15_000 }).toContain('延期');
    expect(await page.locator('[data-testid=event-edit]').count()).toBe(0);

    await mob.goto(`${demo.url}/events/${eventId}`);
    await mob.locator('[data-testid=event-cancelled]').waitFor();
    await shoot(mob, 'event-cancelled-390');
    await Promise.all([page.context().close(), mob.context().close()]);
  });
});
