/**
 * Seeding for the pairing browser test through the platform's own API: an approved science
 * commissioner (registered, admitted to 吉林大学, endorsed by its manager, approved by the
 * administrator), and a pairing run confirmed by the administrator.
 */
import { expect } from 'vitest';
import { apiSession, type ApiSession } from '../support/api';
import { loggedCode } from './support';

export const DEMO_PASSWORD = 'Kezhuan2026demo';

/** Registers through both steps over HTTP with the code the log transport mailed (the platform's `output`). */
async function register(url: string, output: readonly string[], body: Record<string, unknown> & { email: string }): Promise<void> {
  let cookie = '';
  let csrf = '';
  const call = async (path: string, payload?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method: payload === undefined ? 'GET' : 'POST',
      headers: { cookie, 'x-csrf-token': csrf, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
    const parsed = (await res.json()) as { csrfToken?: string };
    csrf = parsed.csrfToken ?? csrf;
    return { status: res.status, body: parsed };
  };
  await call('/api/auth/session');
  expect((await call('/api/auth/register', body)).status).toBe(202);
  const code = await until(() => loggedCode(output, body.email), (c) => c !== undefined, 15_000, `the code mailed to ${body.email}`);
  const confirmed = await call('/api/auth/register/confirm', { ...body, code });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
}

/** Polls `read` until `ok` holds (expect.poll works only inside a test; this seeding runs in beforeAll). */
async function until<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) {
      return v;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(v)})`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

const idOf = (r: { body: unknown }) => (r.body as { id: string }).id;
const sessionUser = async (s: ApiSession) => ((await s.get('/api/auth/session')).body as { user: { id: string; org: { id: string } } }).user;

export interface SeededCommissioner {
  email: string;
  password: string;
  name: string;
  id: string;
}

/** A researcher of 吉林大学 approved as a commissioner of `term` for plastics in 长春 (C36, VOC). */
export async function approvedCommissioner(url: string, output: readonly string[], term: number): Promise<SeededCommissioner> {
  const manager = await apiSession(url, 'researcher@demo.kezhuan.cn', DEMO_PASSWORD);
  const admin = await apiSession(url, 'admin@demo.kezhuan.cn', DEMO_PASSWORD);
  const jlu = (await sessionUser(manager)).org.id;
  const who = { email: 'chenjing@jlu.example.cn', password: 'Jilin-research-2026', name: '陈静（吉林大学）' };
  await register(url, output, { email: who.email, phone: '13904319876', password: who.password, displayName: who.name, role: 'researcher', orgId: jlu });
  const applicant = await apiSession(url, who.email, who.password);
  const me = await sessionUser(applicant);
  expect((await manager.post(`/api/orgs/${jlu}/members/${me.id}/decision`, { approve: true })).status).toBe(200);
  const app = await applicant.post('/api/commissioner-applications', {
    term,
    expertise: '高分子材料改性，汽车内饰材料的VOC控制与配方改进，塑料制品成型工艺',
    keywords: ['VOC', '内饰材料', '高分子改性'],
    disciplines: ['430'],
    industries: ['C36', 'C29'],
    cities: ['220100'],
    capacity: 2,
  });
  expect(app.status, JSON.stringify(app.body)).toBe(201);
  expect((await manager.post(`/api/commissioner-applications/${idOf(app)}/endorsement`, { endorse: true })).status).toBe(200);
  expect((await admin.post(`/api/commissioner-applications/${idOf(app)}/review`, { decision: 'approve' })).status).toBe(200);
  return { ...who, id: idOf(app) };
}

/** The administrator runs the pairing of `term`, waits for its proposal and confirms it; answers the pairs confirmed. */
export async function confirmedRun(url: string, term: number): Promise<number> {
  const admin = await apiSession(url, 'admin@demo.kezhuan.cn', DEMO_PASSWORD);
  const started = await admin.post('/api/admin/pairing-runs', { term });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const run = idOf(started);
  await until(async () => ((await admin.get(`/api/admin/pairing-runs/${run}`)).body as { status: string }).status, (s) => s === 'proposed', 60_000, 'the run to propose');
  const confirmed = await admin.post(`/api/admin/pairing-runs/${run}/confirm`, {});
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  return (confirmed.body as { confirmed: number }).confirmed;
}
