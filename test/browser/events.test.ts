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
});
