/**
 * The marketplace flow in the browser: an enterprise posts a technology need, sees an explained
 * recommendation of a researcher's result (no "interested" while the need is a draft), marks
 * interest once the need is published, and the researcher — signed in in another browser — sees
 * the notification arrive live and which organisation is interested on the result's page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from '../support/api';
import { DEMO_PASSWORD, shoot, useDemoPlatform } from './support';

const demo = useDemoPlatform('match');
const RESULT_TITLE = '寒地玉米秸秆还田低温腐熟菌剂';
let resultId = '';

beforeAll(async () => {
  // The researcher's result, approved by the administrator (through the API: not what this test is about).
  const researcher = await apiSession(demo.url, 'researcher@demo.kezhuan.cn', DEMO_PASSWORD);
  const created = await researcher.post('/api/results', {
    title: RESULT_TITLE,
    summary: '筛选出在5℃以下仍能分解纤维素的复合菌系，制成玉米秸秆还田腐熟菌剂，东北寒地田间试验秸秆腐解率提高35%，次年玉米增产8%，已完成中试。',
    keywords: ['玉米秸秆', '秸秆还田', '腐熟菌剂', '黑土地'],
    discipline: '210', industry: 'A', maturity: 'pilot', trl: 6, transferModes: ['license', 'service'], price: 300_000, city: '220100',
    contact: { name: '李老师', phone: '13904310002', email: 'researcher@demo.kezhuan.cn' },
    applications: '适用于东北黑土区玉米秸秆全量还田，可与深翻、免耕等耕作方式配合使用。',
    advantages: [{ metric: '秸秆腐解率', value: '提高35', unit: '%' }],
  });
  expect(created.status).toBe(201);
  const id = (created.body as { id: string }).id;
  resultId = id;
  expect((await researcher.post(`/api/results/${id}/submit`, {})).status).toBe(200);
  const admin = await apiSession(demo.url, 'admin@demo.kezhuan.cn', DEMO_PASSWORD);
  expect((await admin.post(`/api/admin/review/result/${id}`, { decision: 'approve' })).status).toBe(200);
  // Wait until the approved result is searchable (the index worker pushes it within seconds).
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const found = (await (await fetch(`${demo.url}/api/search/results?q=${encodeURIComponent('腐熟菌剂')}`)).json()) as { total: number };
    if (found.total > 0) {
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
});

describe('need → explained recommendation → interest → live notification', () => {
  it('works end to end in two browsers', async () => {
    const researcherPage = await demo.signedIn('researcher@demo.kezhuan.cn', { width: 1280, height: 720 });
    const badge = researcherPage.locator('[data-testid=notif-count]');
    const count = async () => Number(((await badge.textContent()) ?? '0').replace(/\D/g, '') || '0');
    // The researcher already has the approval notice: wait until the live count shows it.
    const researcherApi = await apiSession(demo.url, 'researcher@demo.kezhuan.cn', DEMO_PASSWORD);
    const before = ((await researcherApi.get('/api/notifications/unread-count')).body as { unread: number }).unread;
    expect(before).toBeGreaterThan(0);
    await expect.poll(count, { timeout: 15_000 }).toBe(before);

    const page = await demo.signedIn('enterprise@demo.kezhuan.cn', { width: 1280, height: 1000 });
    await page.goto(`${demo.url}/needs/new`);
    await page.locator('[data-testid=need-title] input').fill('玉米秸秆还田腐熟技术需求');
    await page.locator('[data-testid=need-problem] textarea').fill(
      '公司在松原、白城流转了两万亩玉米田，秸秆全量还田后春季低温腐解慢，影响播种质量和出苗率，需要适合东北寒地低温条件的秸秆腐熟菌剂及配套还田技术，并能在大田规模推广应用。',
    );
    await page.locator('[data-testid=need-outcome] textarea').fill('秸秆腐解率提高30%以上，次年玉米出苗率不低于95%');
    for (const k of ['玉米秸秆', '秸秆还田', '腐熟菌剂']) {
      await page.locator('[data-testid=need-keywords] input').fill(k);
      await page.locator('[data-testid=need-keywords] input').press('Enter');
    }
    await page.locator('[data-testid=need-industry]').click();
    await page.getByRole('option', { name: /农、林、牧、渔业/ }).first().click();
    await page.locator('[data-testid=need-budget-min] input').fill('20');
    await page.locator('[data-testid=need-budget-max] input').fill('80');
    await page.locator('[data-testid=need-mode-license]').click();
    await page.locator('[data-testid=need-city]').click();
    await page.getByRole('option', { name: '松原市' }).click();
    await shoot(page, '10-need-form');
    await page.locator('[data-testid=need-save]').click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/\/needs\/[0-9a-f]{24}$/);

    const item = page.locator('[data-testid=rec-item]', { hasText: RESULT_TITLE });
    await expect.poll(() => item.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const reasons = await item.first().locator('[data-testid=rec-reason]').allTextContents();
    expect(reasons.join(' ')).toContain('玉米秸秆');
    expect(Number(((await item.first().locator('[data-testid=rec-score]').textContent()) ?? '').replace(/\D/g, ''))).toBeGreaterThan(50);
    await shoot(page, '11-need-recommendations');
    // A draft need cannot offer interest: the other side would be sent to a listing it cannot read.
    expect(await item.first().locator('[data-testid=rec-interested]').count()).toBe(0);
    const needId = /\/needs\/([0-9a-f]{24})$/.exec(page.url())?.[1] ?? '';
    const enterpriseApi = await apiSession(demo.url, 'enterprise@demo.kezhuan.cn', DEMO_PASSWORD);
    expect((await enterpriseApi.post(`/api/needs/${needId}/submit`, {})).status).toBe(200);
    const admin = await apiSession(demo.url, 'admin@demo.kezhuan.cn', DEMO_PASSWORD);
    expect((await admin.post(`/api/admin/review/need/${needId}`, { decision: 'approve' })).status).toBe(200);
    await page.reload();
    await expect.poll(() => item.first().locator('[data-testid=rec-interested]').count(), { timeout: 30_000 }).toBe(1);
    await item.first().locator('[data-testid=rec-interested]').click();

    // At least the interest; the match announcement of the newly published need may arrive too.
    await expect.poll(count, { timeout: 15_000 }).toBeGreaterThanOrEqual(before + 1);
    await researcherPage.locator('[data-testid=notif-bell]').click();
    await expect.poll(() => researcherPage.locator('body').textContent(), { timeout: 15_000 }).toContain(`对您的成果“${RESULT_TITLE}”感兴趣`);
    await shoot(researcherPage, '12-researcher-notified');

    // The result's page tells its owner who is interested, through which need.
    await researcherPage.goto(`${demo.url}/results/${resultId}`);
    const interest = researcherPage.locator('[data-testid=feedback-interest-item]');
    await expect.poll(() => interest.count(), { timeout: 15_000 }).toBe(1);
    expect(await interest.textContent()).toContain('玉米秸秆还田腐熟技术需求');
    await shoot(researcherPage, '13-result-interest');

    // Interest opened the deal room: the recommendation leads into it.
    const enter = item.first().locator('[data-testid=rec-deal]');
    await expect.poll(() => enter.count(), { timeout: 15_000 }).toBe(1);
    await enter.click();
    await page.locator('[data-testid=deal-stagebar]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=deal-listing]').textContent()).toContain(RESULT_TITLE);
  });

  it('says when nothing fits and offers to subscribe', async () => {
    const enterpriseApi = await apiSession(demo.url, 'enterprise@demo.kezhuan.cn', DEMO_PASSWORD);
    const created = await enterpriseApi.post('/api/needs', {
      // Words no demo result contains, so nothing may be recommended.
      title: '载人潜水器相控阵规程',
      problem: '载人潜水器相控阵规程，载人潜水器相控阵规程。',
      desiredOutcome: '规程',
      keywords: ['潜水器', '相控阵', '规程'],
      industry: 'C37', discipline: '460', budgetMin: 500_000, budgetMax: 1_000_000, deadline: '2099-12-31',
      cooperationModes: ['commissioned'], city: '220200', confidentiality: 'public',
      contact: { name: '王工', phone: '0432-62000001', email: 'enterprise@demo.kezhuan.cn' },
    });
    expect(created.status).toBe(201);
    const page = await demo.signedIn('enterprise@demo.kezhuan.cn', { width: 1280 });
    await page.goto(`${demo.url}/needs/${(created.body as { id: string }).id}`);
    const empty = page.locator('[data-testid=recs-empty]');
    await expect.poll(() => empty.count(), { timeout: 30_000 }).toBe(1);
    expect(await empty.textContent()).toContain('暂无高匹配的成果');
    await page.locator('[data-testid=recs-subscribe]').click();
    await expect.poll(() => page.locator('[data-testid=recs-subscribe]').textContent(), { timeout: 15_000 }).toContain('已订阅');
    await shoot(page, '14-need-no-match');
    const saved = (await enterpriseApi.get('/api/saved-searches')).body as { items?: { params: { q?: string } }[] } | { params: { q?: string } }[];
    const list = Array.isArray(saved) ? saved : (saved.items ?? []);
    expect(list.some((s) => s.params.q === '潜水器')).toBe(true);
  });
});
