/**
 * Joining an organisation is a request: a newcomer registers and asks to join 吉林大学, has no
 * rights over its listings while pending, the university's manager approves in the UI, and the
 * newcomer can then act for it — in Debian's Chromium, against the real platform with demo data.
 */
import { describe, expect, it } from 'vitest';
import { api, approveAsManager, fillRegistrationJoining, jluManager, submitRegistration } from './org-helpers';
import { shoot, useDemoPlatform } from './support';

const demo = useDemoPlatform('browser-org');

describe('joining an organisation in the browser', () => {
  it('register → ask to join 吉林大学 → no rights while pending → the manager approves → the member can act', async () => {
    const page = await demo.newPage({ width: 1280 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await fillRegistrationJoining(page, demo.url, { email: 'zhou.laoshi@example.cn', phone: '13843119876', name: '周老师' }, '吉林大学');
    await shoot(page, 'org-01-register-join');
    await submitRegistration(page, demo.platform.output, 'zhou.laoshi@example.cn');

    // Pending: the banner says so and what waits; no rights over the university's listings.
    await shoot(page, 'org-02-home-pending');
    await page.goto(`${demo.url}/me/listings`);
    await expect.poll(() => page.locator('[data-testid=mine-table-result]').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('[data-testid=mine-new-result]').count()).toBe(0);
    expect((await api(page, '/api/me/results?scope=org')).body).toMatchObject({ total: 0 });
    await page.goto(`${demo.url}/org`);
    await expect.poll(() => page.locator('[data-testid=org-my-status]').textContent(), { timeout: 20_000 }).toContain('待批准');
    // The request says who decides it, and can be withdrawn.
    expect(await page.locator('[data-testid=org-request-decider]').textContent()).toContain('吉林大学的机构管理员');
    expect(await page.locator('[data-testid=org-request-withdraw]').count()).toBe(1);
    await shoot(page, 'org-03-my-org-pending');

    // The university's manager (the demo researcher) approves in the UI.
    const manager = await jluManager(demo.browser, demo.url);
    await manager.goto(`${demo.url}/org`);
    await expect.poll(() => manager.locator('[data-testid=org-pending]').textContent(), { timeout: 20_000 }).toContain('周老师');
    await shoot(manager, 'org-04-manager-pending-request');
    await approveAsManager(manager, demo.url, '周老师');
    await shoot(manager, 'org-05-manager-approved');

    // The member can now act for the university.
    await page.goto(`${demo.url}/me/listings`);
    await expect.poll(() => page.locator('[data-testid=mine-new-result]').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('[data-testid=membership-banner]').count()).toBe(0);
    expect(((await api(page, '/api/me/results?scope=org')).body as { total: number }).total).toBeGreaterThan(0);
    await shoot(page, 'org-06-member-can-act');
    expect(errors).toEqual([]);
    await manager.context().close();
    await page.context().close();
  });
});
