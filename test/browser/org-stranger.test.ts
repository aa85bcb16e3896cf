/**
 * A stranger cannot act for an organisation he merely asked to join: while his request to join
 * 吉林大学 is pending, a listing of the university shows him no owner's tools and no contacts (as
 * for any outsider); once approved as a member he sees the contacts but still no tools on a
 * colleague's listing — in Debian's Chromium, against the real platform with demo data.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, approveAsManager, fillRegistrationJoining, jluManager, submitRegistration } from './org-helpers';
import { shoot, useDemoPlatform } from './support';

const demo = useDemoPlatform('browser-stranger');

const OWNER_TOOLS = ['owner-bar', 'owner-edit', 'owner-withdraw', 'owner-confirm', 'share-open'];

async function toolsShown(page: Page): Promise<string[]> {
  const shown: string[] = [];
  for (const id of OWNER_TOOLS) {
    if ((await page.locator(`[data-testid=${id}]`).count()) > 0) {
      shown.push(id);
    }
  }
  return shown;
}

describe('a stranger asking to join an organisation', () => {
  it('has no rights over its listings while pending, and only a member\'s once approved', async () => {
    const manager = await jluManager(demo.browser, demo.url);
    // A published result of 吉林大学 that its manager did not write (a colleague's).
    const org = (await api(manager, '/api/me/results?scope=org&pageSize=100')).body as { items: { id: string; status: string; owner?: { name: string } }[] };
    const listing = org.items.find((i) => i.status === 'published' && !i.owner?.name.includes('李明'));
    expect(listing, 'a colleague\'s published result of 吉林大学 in the demo data').toBeDefined();
    const path = `${demo.url}/results/${listing!.id}`;

    const page = await demo.newPage({ width: 1280 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await fillRegistrationJoining(page, demo.url, { email: 'wu.stranger@example.cn', phone: '13843117654', name: '吴某' }, '吉林大学');
    await submitRegistration(page, demo.platform.output, 'wu.stranger@example.cn');

    // Pending: the listing looks as it does to any outsider.
    await page.goto(path);
    await page.locator('[data-testid=contact-card]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=contact-hint]').count()).toBe(1);
    expect(await page.locator('[data-testid=contact-details]').count()).toBe(0);
    expect(await toolsShown(page)).toEqual([]);
    expect((await api(page, `/api/results/${listing!.id}`)).body).toMatchObject({ disclosure: 'public' });
    await shoot(page, 'stranger-01-pending-listing');

    await approveAsManager(manager, demo.url, '吴某');

    // Approved member: the contacts open, but a colleague's listing is still not his to edit.
    await page.goto(path);
    await expect.poll(() => page.locator('[data-testid=contact-details]').count(), { timeout: 20_000 }).toBe(1);
    expect(await toolsShown(page)).toEqual([]);
    expect((await api(page, `/api/results/${listing!.id}`)).body).toMatchObject({ disclosure: 'full', canEdit: false, canShare: false });
    await shoot(page, 'stranger-02-member-listing');
    expect(errors).toEqual([]);
    await manager.context().close();
    await page.context().close();
  });
});
