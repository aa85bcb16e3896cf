/**
 * A deal room in Debian's Chromium, against the real platform with demo data: the enterprise
 * (宏远汽车零部件) shows interest in a result of 吉林大学 through its published need, the room opens;
 * both find it under 我的洽谈, exchange messages (over REST while the socket does not answer deal
 * events), take it from 意向 to 洽谈 and, by proposal and confirmation, to 签约; terminating needs a
 * reason; a member of a third organisation gets "not found"; an administrator reads it with a notice.
 * Screenshots at 1366 and 390 px.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from '../support/api';
import { DEMO_PASSWORD, JLU_MANAGER } from './org-helpers';
import { ADMIN, ENTERPRISE } from './pairing-helpers';
import { navTo, shoot, useDemoPlatform } from './support';

let dealId = '';
const demo = useDemoPlatform('browser-deal');
const STRANGER = 'commissioner@demo.kezhuan.cn'; // 长春应化所: neither party

type Listing = { id: string; status: string; title: string };

beforeAll(async () => {
  // Interest through the enterprise's published need in a published result of 吉林大学 opens the room.
  const ent = await apiSession(demo.url, ENTERPRISE, DEMO_PASSWORD);
  const res = await apiSession(demo.url, JLU_MANAGER, DEMO_PASSWORD);
  const needs = (await ent.get('/api/me/needs?scope=org&status=published&pageSize=10')).body as { items: Listing[] };
  const results = (await res.get('/api/me/results?scope=org&status=published&pageSize=10')).body as { items: Listing[] };
  // The demo has rooms of these organisations already: take a need and a result that are in none.
  const rooms = (await ent.get('/api/deals?pageSize=100')).body as { items: { id: string; listing: { id: string } }[] };
  const roomIds = new Set(rooms.items.map((r) => r.listing.id));
  const detail = await Promise.all(rooms.items.map(async (r) => ((await ent.get(`/api/deals/${r.id}`)).body as { via: { id: string } | null }).via?.id));
  detail.forEach((id) => id && roomIds.add(id));
  const need = needs.items.find((n) => !roomIds.has(n.id));
  const result = results.items.find((r) => !roomIds.has(r.id));
  if (!need || !result) {
    throw new Error('the demo data has no published need of the enterprise or result of 吉林大学');
  }
  const interest = await ent.post('/api/match-feedback', { needId: need.id, resultId: result.id, verdict: 'interested' });
  dealId = (interest.body as { deal?: string }).deal ?? '';
  if (interest.status !== 200 || !dealId) {
    throw new Error(`interest opened no room: ${interest.status} ${JSON.stringify(interest.body)}`);
  }
});

const text = (page: Page, testid: string) => page.locator(`[data-testid=${testid}]`).first().textContent();
const bodies = (page: Page) => page.locator('[data-testid=deal-message-body]').allTextContents();

async function send(page: Page, body: string, how: 'keys' | 'button'): Promise<void> {
  await page.locator('[data-testid=deal-input]').fill(body);
  if (how === 'keys') {
    await page.locator('[data-testid=deal-input]').press('Control+Enter');
  } else {
    await page.locator('[data-testid=deal-send]').click();
  }
}

describe('a deal room between two organisations', () => {
  it('opens from interest, carries the chat and the stage changes, needs a reason to terminate and stays hidden from strangers', async () => {
    const ent = await demo.signedIn(ENTERPRISE);
    const res = await demo.signedIn(JLU_MANAGER, { width: 390, height: 844, isMobile: true, hasTouch: true });
    const errors: string[] = [];
    for (const p of [ent, res]) {
      p.on('pageerror', (e) => errors.push(e.message));
    }

    // The header counts the unread messages of the enterprise's rooms (the demo leaves some unread).
    const unread = (await ent.evaluate(() => fetch('/api/deals/unread').then((r) => r.json()))) as { unread: number };
    expect(unread.unread).toBeGreaterThan(0);
    // 我的洽谈 is in the 我的 group, which carries the count too (so that a closed group does not hide it).
    const count = unread.unread > 99 ? '99+' : String(unread.unread);
    await expect.poll(() => ent.locator('[data-testid=nav-group-mine-badge]').textContent(), { timeout: 15_000 }).toBe(count);
    expect(await ent.locator('[data-testid=nav-my-deals-badge]').textContent()).toBe(count);
    await shoot(ent, 'deal-nav-unread-1366');

    // 我的洽谈 from the header, then into the room.
    await navTo(ent, 'nav-my-deals');
    await ent.locator('[data-testid=deal-card]').first().waitFor({ timeout: 20_000 });
    // The new room is the most recently active one, at 意向 (the demo's rooms follow).
    expect(await ent.locator('[data-testid=deal-card]').first().getAttribute('href')).toBe(`/deals/${dealId}`);
    expect(await text(ent, 'deal-card-stage')).toContain('意向');
    await ent.locator('[data-testid=deal-card]').first().click();
    await ent.locator('[data-testid=deal-stagebar]').waitFor({ timeout: 20_000 });
    expect(ent.url()).toContain(`/deals/${dealId}`);
    expect(await text(ent, 'deal-parties')).toContain('技术供给方');
    // The enterprise showed the interest: accepting it is the other side's move; it may only walk away.
    expect(await ent.locator('[data-testid^=deal-move-]').count()).toBe(0);
    expect(await ent.locator('[data-testid=deal-terminate]').count()).toBe(1);

    await res.goto(`${demo.url}/deals/${dealId}`);
    await res.locator('[data-testid=deal-stagebar]').waitFor({ timeout: 20_000 });

    // Chat: Ctrl+Enter on one side, the button on the other; each sees both, once, in order.
    await ent.locator('[data-testid=deal-chat-degraded], [data-testid=deal-online] .is-live').first().waitFor({ timeout: 20_000 });
    await send(ent, '您好，我们对这项成果很感兴趣，想了解中试情况。', 'keys');
    await expect.poll(() => bodies(ent), { timeout: 15_000 }).toEqual(['您好，我们对这项成果很感兴趣，想了解中试情况。']);
    await expect.poll(() => bodies(res), { timeout: 20_000 }).toEqual(['您好，我们对这项成果很感兴趣，想了解中试情况。']);
    await send(res, '您好！中试线已运行半年，可以安排参观。', 'button');
    const both = ['您好，我们对这项成果很感兴趣，想了解中试情况。', '您好！中试线已运行半年，可以安排参观。'];
    await expect.poll(() => bodies(res), { timeout: 15_000 }).toEqual(both);
    await expect.poll(() => bodies(ent), { timeout: 20_000 }).toEqual(both);
    expect(await ent.locator('[data-testid=deal-message].is-mine').count()).toBe(1);
    expect(await ent.locator('[data-testid=deal-pending]').count()).toBe(0);

    // 意向 → 洽谈 by the side that was approached.
    await res.locator('[data-testid=deal-move-negotiation]').click();
    await expect.poll(() => text(res, 'deal-stage'), { timeout: 15_000 }).toContain('洽谈');
    await expect.poll(() => text(ent, 'deal-stage'), { timeout: 20_000 }).toContain('洽谈');

    // 洽谈 → 签约 binds both: the enterprise proposes, the provider confirms.
    await ent.locator('[data-testid=deal-move-signing]').click();
    await expect.poll(() => text(ent, 'deal-proposal'), { timeout: 15_000 }).toContain('等待对方确认');
    await shoot(ent, 'deal-room-1366-proposal');
    await expect.poll(() => res.locator('[data-testid=deal-proposal-confirm]').count(), { timeout: 20_000 }).toBe(1);
    expect(await text(res, 'deal-proposal')).toContain('提议进入“签约”');
    await shoot(res, 'deal-room-390-proposal');
    await res.locator('[data-testid=deal-proposal-confirm]').click();
    await expect.poll(() => text(res, 'deal-stage'), { timeout: 15_000 }).toContain('签约');
    await expect.poll(() => text(ent, 'deal-stage'), { timeout: 20_000 }).toContain('签约');
    expect(await ent.locator('[data-testid=deal-history-entry]').count()).toBe(4); // open, move, propose, confirm
    await shoot(ent, 'deal-room-1366-signing');

    // Terminating asks for a reason and refuses without one.
    await ent.locator('[data-testid=deal-terminate]').click();
    const dialog = ent.locator('.el-dialog', { hasText: '终止洽谈' });
    await dialog.waitFor();
    await dialog.locator('[data-testid=deal-terminate-confirm]').click();
    await expect.poll(() => dialog.textContent(), { timeout: 5000 }).toContain('请选择终止原因');
    expect(await text(ent, 'deal-stage')).toContain('签约');
    await shoot(ent, 'deal-room-1366-terminate-dialog');
    await dialog.locator('[data-testid=deal-terminate-reason]').click();
    await ent.locator('.el-select-dropdown__item', { hasText: '价格未谈拢' }).click();
    await dialog.locator('[data-testid=deal-terminate-note]').fill('报价与预算差距较大，暂不推进。');
    await dialog.locator('[data-testid=deal-terminate-confirm]').click();
    await expect.poll(() => text(ent, 'deal-stage'), { timeout: 15_000 }).toContain('终止');
    expect(await text(ent, 'deal-end-reason')).toContain('价格未谈拢');
    expect(await text(ent, 'deal-chat-closed')).toContain('洽谈已结束');
    expect(await ent.locator('[data-testid=deal-input]').count()).toBe(0);
    await shoot(ent, 'deal-room-1366-terminated');
    await expect.poll(() => text(res, 'deal-stage'), { timeout: 20_000 }).toContain('终止');
    await shoot(res, 'deal-room-390-terminated');

    // 我的洽谈 at both widths.
    await ent.goto(`${demo.url}/deals`);
    await ent.locator('[data-testid=deal-card]').first().waitFor({ timeout: 20_000 });
    await shoot(ent, 'deals-list-1366');
    await res.goto(`${demo.url}/deals`);
    await res.locator('[data-testid=deal-card]').first().waitFor({ timeout: 20_000 });
    await shoot(res, 'deals-list-390');

    // A member of a third organisation: "not found", in the page and from the API.
    const stranger = await demo.signedIn(STRANGER);
    await stranger.goto(`${demo.url}/deals/${dealId}`);
    await stranger.locator('[data-testid=deal-not-found]').waitFor({ timeout: 20_000 });
    expect(await stranger.locator('[data-testid=deal-stagebar]').count()).toBe(0);
    expect(await stranger.evaluate(async (p) => (await fetch(p)).status, `/api/deals/${dealId}`)).toBe(404);
    // His own organisation's list (the demo gives it rooms of its own, or none) does not hold this room.
    await stranger.goto(`${demo.url}/deals`);
    await stranger.locator('[data-testid=deal-card], [data-testid=deals-empty]').first().waitFor({ timeout: 20_000 });
    const hrefs = await stranger.locator('[data-testid=deal-card]').evaluateAll((cards) => cards.map((c) => c.getAttribute('href')));
    expect(hrefs).not.toContain(`/deals/${dealId}`);
    await shoot(stranger, 'deals-list-stranger-1366');

    // An administrator reads the room, with a notice, and cannot write in it.
    const admin = await demo.signedIn(ADMIN);
    await admin.goto(`${demo.url}/deals/${dealId}`);
    await admin.locator('[data-testid=deal-admin-notice]').waitFor({ timeout: 20_000 });
    await expect.poll(() => bodies(admin), { timeout: 15_000 }).toEqual(both);
    expect(await admin.locator('[data-testid=deal-input]').count()).toBe(0);
    expect(await admin.locator('[data-testid=deal-terminate]').count()).toBe(0);

    expect(errors).toEqual([]);
    for (const c of [ent, res, stranger, admin].map((p) => p.context())) {
      await c.close();
    }
  });
});
