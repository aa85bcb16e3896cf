// @vitest-environment happy-dom
import type { CommissionerApplicationView } from '@kezhuan/shared';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n, setLocale } from '../../../i18n';
import ApplicationForm from './ApplicationForm.vue';
import StakesPicker from './StakesPicker.vue';

const HELD = '6b1175a4dd3fddd6bc0e3001';
const FOUND = '6b1175a4dd3fddd6bc0e3002';
const org = (id: string, name: string) => ({ id, name, type: 'enterprise', city: '220100', verified: true });

let calls: { method: string; url: string; body: unknown }[] = [];

function json(data: unknown): Response {
  return new Response(JSON.stringify(data), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

function returned(): CommissionerApplicationView {
  return {
    id: 'a'.repeat(24),
    term: 2027,
    name: '王教授',
    title: '教授',
    org: { id: 'b'.repeat(24), name: '吉林大学', type: 'university', city: '220100', verified: true },
    expertise: '玉米深加工与淀粉改性，十余年工艺放大经验',
    keywords: ['玉米'],
    disciplines: ['550'],
    industries: ['C13'],
    cities: ['220100'],
    counties: [],
    capacity: 3,
    availability: { daysPerMonth: 4, note: '' },
    status: 'returned',
    applicant: { id: 'c'.repeat(24), name: '王教授' },
    stakes: [{ id: HELD, name: '长春玉米科技有限公司' }],
    orgStakes: [],
    endorsement: null,
    returnReason: '请申报利益关联企业',
    submittedAt: '2026-12-01T00:00:00.000Z',
    approvedAt: null,
    updatedAt: '2026-12-01T00:00:00.000Z',
  } as unknown as CommissionerApplicationView;
}

beforeEach(() => {
  void setLocale('zh-CN', false);
  calls = [];
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    if (url.includes('/auth/session')) {
      return Promise.resolve(json({ user: null, csrfToken: 'token' }));
    }
    if (url.includes('/api/orgs')) {
      return Promise.resolve(json({ items: [org(HELD, '长春玉米科技有限公司'), org(FOUND, '吉林省玉米淀粉集团')], total: 2, page: 1, pageSize: 20 }));
    }
    return Promise.resolve(json(returned()));
  });
});

afterEach(() => vi.unstubAllGlobals());

function mountForm() {
  return mount(ApplicationForm, { props: { existing: returned(), term: 2027, takenTerms: [2027] }, global: { plugins: [i18n, ElementPlus] } });
}

async function typeQuery(w: VueWrapper, q: string): Promise<void> {
  await w.get('input[data-testid=cm-stakes-q]').setValue(q);
  await new Promise((r) => setTimeout(r, 300));
  await flushPromises();
}

async function submitted(w: VueWrapper): Promise<unknown> {
  await w.get('[data-testid=cm-form]').trigger('submit');
  await flushPromises();
  return calls.find((c) => c.method === 'PUT')?.body;
}

describe('StakesPicker in the application form', { timeout: 20_000 }, () => {
  it('searches enterprises as one types and sends the chosen ids with the application', async () => {
    const w = mountForm();
    expect(w.findAll('[data-testid=cm-stakes-tag]').map((x) => x.text())).toEqual(['长春玉米科技有限公司']);
    await typeQuery(w, '玉米');
    const search = calls.find((c) => c.url.includes('/api/orgs'));
    expect(search?.url).toContain('type=enterprise');
    expect(decodeURIComponent(search?.url ?? '')).toContain('q=玉米');
    // The one already chosen is not offered again.
    const options = w.findAll('[data-testid=cm-stakes-option]');
    expect(options.map((o) => o.text())).toEqual(['吉林省玉米淀粉集团']);
    await options[0]!.trigger('click');
    expect(w.findAll('[data-testid=cm-stakes-tag]').map((x) => x.text())).toEqual(['长春玉米科技有限公司', '吉林省玉米淀粉集团']);
    expect(await submitted(w)).toMatchObject({ stakes: [HELD, FOUND] });
  });

  it('removes a stake when its tag is closed', async () => {
    const w = mountForm();
    await w.get('[data-testid=cm-stakes-tag] .el-tag__close').trigger('click');
    expect(w.findAll('[data-testid=cm-stakes-tag]')).toHaveLength(0);
    expect(await submitted(w)).toMatchObject({ stakes: [] });
  });
});

describe('StakesPicker for the expert pool', { timeout: 20_000 }, () => {
  it('searches organisations of every type and stops at its own limit', async () => {
    const w = mount(StakesPicker, {
      props: { modelValue: [], 'onUpdate:modelValue': (v: string[]) => w.setProps({ modelValue: v }), orgType: null, max: 1, testid: 'ex', noneText: '没有找到匹配的机构' },
      global: { plugins: [i18n, ElementPlus] },
    });
    await w.get('input[data-testid=ex-q]').setValue('玉米');
    await new Promise((r) => setTimeout(r, 300));
    await flushPromises();
    const search = calls.find((c) => c.url.includes('/api/orgs'));
    expect(search?.url).not.toContain('type=');
    await w.findAll('[data-testid=ex-option]')[0]!.trigger('click');
    expect(w.props('modelValue')).toEqual([HELD]);
    // One is the limit: the search box is disabled and nothing more is added.
    expect(w.get('input[data-testid=ex-q]').attributes('disabled')).toBeDefined();
  });
});
