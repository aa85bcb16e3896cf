/**
 * People who must not act on 双千 pages are refused readably, and the API refuses their writes: an
 * anonymous visitor is sent to the login page, a researcher and an enterprise member get the
 * forbidden page on the administrator's pages, factory@ (another enterprise) and expert@ (not the
 * commissioner) get a not-found state with no action buttons on someone else's service log and
 * service request, and a manager of another organisation cannot endorse a commissioner application
 * — in Debian's Chromium, against the real platform with demo data (one start, one context a person).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from '../support/api';
import { ADMIN, DEMO_PASSWORD, NEXT_TERM, TERM } from './pairing-helpers';
import { shoot, useDemoPlatform } from './support';

const demo = useDemoPlatform('browser-pairing-strangers');
const account = (who: string) => `${who}@demo.kezhuan.cn`;

/** A confirmed demo pairing whose request belongs to neither factory@'s enterprise nor expert@. */
let pair: { id: string; request: string };
/** commissioner@'s application for the next term, awaiting his institute's endorsement. */
let application: string;

beforeAll(async () => {
  const admin = await apiSession(demo.url, ADMIN, DEMO_PASSWORD);
  const runs = (await admin.get(`/api/admin/pairing-runs?term=${TERM}`)).body as { items: { id: string; status: string }[] };
  const run = runs.items.find((r) => r.status === 'confirmed');
  if (!run) {
    throw new Error(`the demo data has no confirmed run of ${TERM}: ${JSON.stringify(runs)}`);
  }
  const pairs = (await admin.get(`/api/admin/pairing-runs/${run.id}/pairs`)).body as { items: { id: string; request: { id: string } }[] };
  const factory = await apiSession(demo.url, account('factory'), DEMO_PASSWORD);
  const factoryOrg = ((await factory.get('/api/auth/session')).body as { user: { org: { id: string } } }).user.org.id;
  for (const p of pairs.items) {
    const req = (await admin.get(`/api/service-requests/${p.request.id}`)).body as { org: { id: string } };
    if (req.org.id !== factoryOrg) {
      pair = { id: p.id, request: p.request.id };
      break;
    }
  }
  const applicant = await apiSession(demo.url, account('commissioner'), DEMO_PASSWORD);
  const made = await applicant.post('/api/commissioner-applications', {
    term: NEXT_TERM, expertise: '高分子材料改性与复合材料成型工艺，服务汽车零部件企业', keywords: ['高分子', '复合材料'], disciplines: ['430'], industries: ['C'], cities: ['220100'], capacity: 2,
  });
  if (made.status !== 201) {
    throw new Error(`apply: ${made.status} ${JSON.stringify(made.body)}`);
  }
  application = (made.body as { id: string }).id;
}, 240_000);

/** A call from the page (its session cookie and CSRF token), as a crafted request would be. */
async function call(page: Page, method: string, path: string, body?: unknown): Promise<number> {
  return page.evaluate(async ([m, p, b]) => {
    const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken?: string };
    const res = await fetch(p, {
      method: m,
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken ?? '' },
      body: b === undefined ? undefined : JSON.stringify(b),
    });
    return res.status;
  }, [method, path, body] as const);
}

/** Opens `path` and waits for the page to settle on a refusal (an el-result) or on the login form. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${demo.url}${path}`);
  await page.locator('.el-result, [data-testid=login-submit]').first().waitFor({ timeout: 20_000 });
}

const ACTIONS = [
  'agreement-new', 'agreement-edit', 'agreement-confirm', 'agreement-save', 'entry-form', 'entry-submit', 'entry-confirm', 'entry-query',
  'entry-add-file', 'rating-submit', 'pairing-accept', 'pairing-decline', 'service-log', 'sr-form', 'sr-save', 'sr-save-open',
];
async function actionsShown(page: Page): Promise<string[]> {
  const shown: string[] = [];
  for (const id of ACTIONS) {
    if ((await page.locator(`[data-testid=${id}]`).count()) > 0) {
      shown.push(id);
    }
  }
  return shown;
}

describe('双千 pages for people who must not act there', () => {
  it('sends an anonymous visitor to the login page, and shows members of other roles the forbidden page', async () => {
    const page = await demo.newPage({ width: 1280 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const path of ['/admin/pairing', '/admin/commissioners', '/admin/pairing/dashboard', '/service-requests/new', '/me/pairings', '/commissioners/applications']) {
      await open(page, path);
      expect(new URL(page.url()).pathname, path).toBe('/login');
      expect(new URL(page.url()).searchParams.get('redirect')).toBe(path);
    }
    await shoot(page, 'strangers-01-anonymous-login');
    await page.context().close();

    for (const who of ['researcher', 'enterprise']) {
      const member = await demo.signedIn(account(who), { width: 390, height: 800 });
      member.on('pageerror', (e) => errors.push(e.message));
      for (const path of ['/admin/pairing', '/admin/commissioners', '/admin/pairing/dashboard']) {
        await open(member, path);
        expect(new URL(member.url()).pathname, `${who} at ${path}`).toBe('/forbidden');
        await expect.poll(() => member.locator('.el-result').innerText()).toContain('没有访问权限');
        // Nothing of the administrator's page rendered behind the refusal.
        expect(await member.locator('.el-table, [data-testid^=pairing-run], [data-testid^=review-]').count()).toBe(0);
      }
      // Their API refuses the administrator's writes as well.
      expect(await call(member, 'POST', '/api/admin/pairing-runs', { term: TERM })).toBe(403);
      expect(await call(member, 'POST', `/api/commissioner-applications/${application}/review`, { decision: 'approve' })).toBe(403);
      await shoot(member, `strangers-02-${who}-forbidden`);
      await member.context().close();
    }
    expect(errors).toEqual([]);
  });

  it('shows factory@ and expert@ not-found states with no action buttons on someone else\'s pairing and request, and refuses their writes', async () => {
    expect(pair, 'a demo pairing of another enterprise').toBeDefined();
    const errors: string[] = [];
    const entry = { date: `${TERM}-11-01`, hours: 2, visit: true, problems: '查看病害情况', outcomes: '给出防控建议' };

    const factory = await demo.signedIn(account('factory'), { width: 1280 });
    factory.on('pageerror', (e) => errors.push(e.message));
    await open(factory, `/me/pairings/${pair.id}/service`);
    expect(await factory.locator('.el-result').innerText()).toContain('没有找到该服务记录');
    expect(await actionsShown(factory)).toEqual([]);
    await shoot(factory, 'strangers-03-factory-other-service');
    expect(await call(factory, 'POST', `/api/pairings/${pair.id}/answer`, { accept: true })).toBe(404);
    expect(await call(factory, 'POST', `/api/pairings/${pair.id}/service-entries`, entry)).toBe(404);
    expect(await call(factory, 'POST', `/api/pairings/${pair.id}/rating`, { score: 5 })).toBe(404);

    await open(factory, `/service-requests/${pair.request}/edit`);
    expect(await factory.locator('.el-result').innerText()).toContain('找不到该资源');
    expect(await actionsShown(factory)).toEqual([]);
    await shoot(factory, 'strangers-04-factory-other-request');
    // Requests are not public: to an outsider a write finds no request, as a read does (not a 403 that tells it exists).
    expect(await call(factory, 'PATCH', `/api/service-requests/${pair.request}`, { urgency: 'low' })).toBe(404);
    expect(await call(factory, 'POST', `/api/service-requests/${pair.request}/close`, {})).toBe(404);
    await factory.context().close();

    const expert = await demo.signedIn(account('expert'), { width: 390, height: 800 });
    expert.on('pageerror', (e) => errors.push(e.message));
    await open(expert, `/me/pairings/${pair.id}/service`);
    expect(await expert.locator('.el-result').innerText()).toContain('没有找到该服务记录');
    expect(await actionsShown(expert)).toEqual([]);
    await shoot(expert, 'strangers-05-expert-other-service');
    expect(await call(expert, 'POST', `/api/pairings/${pair.id}/answer`, { accept: true })).toBe(404);
    expect(await call(expert, 'POST', `/api/pairings/${pair.id}/service-entries`, entry)).toBe(404);
    expect(await call(expert, 'PUT', `/api/pairings/${pair.id}/agreement`, { goals: '帮助企业解决病害问题', plannedVisits: 4, plannedHours: 20, startsOn: `${TERM}-12-01`, endsOn: `${NEXT_TERM}-06-01` })).toBe(404);
    await expert.context().close();
    expect(errors).toEqual([]);
  });

  it('refuses an endorsement from a manager of another organisation, and from a colleague who is no manager', async () => {
    for (const who of ['researcher', 'enterprise', 'expert']) {
      const page = await demo.signedIn(account(who), { width: 1280, height: 720 });
      expect(await call(page, 'POST', `/api/commissioner-applications/${application}/endorsement`, { endorse: true }), who).toBe(403);
      await page.context().close();
    }
    const applicant = await apiSession(demo.url, account('commissioner'), DEMO_PASSWORD);
    expect((await applicant.get(`/api/commissioner-applications/${application}`)).body).toMatchObject({ status: 'awaiting_endorsement' });
  });
});
