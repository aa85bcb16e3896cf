/**
 * Setting up the 双千 browser tests over the platform's own API: approved commissioners (registered,
 * admitted to 吉林大学, endorsed by its manager, approved by the administrator), open requests and a
 * confirmed run. The platform runs on the demo data (~300 commissioners of the current term, ~300 open
 * requests): a test that needs a pool of its own files its commissioners for NEXT_TERM, which the demo
 * data leaves empty, and asserts on its own records.
 */
import { apiSession, type ApiSession } from '../support/api';
import type { RunningPlatform } from '../support/platform';
import { DEMO_PASSWORD, JLU_MANAGER } from './org-helpers';
import { loggedCode } from './support';

export { DEMO_PASSWORD };
export const ADMIN = 'admin@demo.kezhuan.cn';
export const ENTERPRISE = 'enterprise@demo.kezhuan.cn';
/** The programme's term (the calendar year in China), and the next one, which no demo commissioner serves. */
export const TERM = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
export const NEXT_TERM = TERM + 1;

/** Polls `read` until `ok` holds (expect.poll works only inside a test; seeding runs in beforeAll). */
export async function until<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) {
      return v;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(v)})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function ok(p: Promise<{ status: number; body: unknown }>, what: string): Promise<Record<string, unknown>> {
  const r = await p;
  if (r.status >= 300) {
    throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return r.body as Record<string, unknown>;
}

/** Registers through both steps over HTTP with the code the log transport mailed (the platform's `output`). */
async function register(platform: RunningPlatform, body: Record<string, unknown> & { email: string }): Promise<void> {
  let cookie = '';
  let csrf = '';
  const call = async (path: string, payload?: unknown) => {
    const res = await fetch(`${platform.url}${path}`, {
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
  await ok(call('/api/auth/register', body), `register ${body.email}`);
  const code = await until(() => loggedCode(platform.output, body.email), (c) => c !== undefined, 15_000, `the code mailed to ${body.email}`);
  await ok(call('/api/auth/register/confirm', { ...body, code }), `confirm ${body.email}`);
}

const sessionUser = async (s: ApiSession) => ((await s.get('/api/auth/session')).body as { user: { id: string; org: { id: string } } }).user;

export interface CommissionerProfile {
  name: string;
  /** Unique per test run (the account's email and phone derive from it). */
  n: number;
  term: number;
  expertise: string;
  keywords: string[];
  industries: string[];
  cities: string[];
  capacity?: number;
}

export interface SeededCommissioner {
  email: string;
  password: string;
  name: string;
  /** The application's id. */
  id: string;
}

/** A researcher of 吉林大学 registers, the manager admits him, he applies, the manager endorses, the administrator approves. */
export async function approvedCommissioner(platform: RunningPlatform, c: CommissionerProfile): Promise<SeededCommissioner> {
  const manager = await apiSession(platform.url, JLU_MANAGER, DEMO_PASSWORD);
  const admin = await apiSession(platform.url, ADMIN, DEMO_PASSWORD);
  const jlu = (await sessionUser(manager)).org.id;
  const who = { email: `pairing-c${c.n}@jlu.example.cn`, password: 'Jilin-research-2026', name: c.name };
  await register(platform, { email: who.email, phone: `1390431${String(7000 + c.n)}`, password: who.password, displayName: c.name, role: 'researcher', orgId: jlu });
  const applicant = await apiSession(platform.url, who.email, who.password);
  const me = await sessionUser(applicant);
  await ok(manager.post(`/api/orgs/${jlu}/members/${me.id}/decision`, { approve: true }), 'admit member');
  const app = await ok(
    applicant.post('/api/commissioner-applications', {
      term: c.term, expertise: c.expertise, keywords: c.keywords, disciplines: ['430'], industries: c.industries, cities: c.cities, capacity: c.capacity ?? 2,
    }),
    `apply ${c.name}`,
  );
  const id = app.id as string;
  await ok(manager.post(`/api/commissioner-applications/${id}/endorsement`, { endorse: true }), 'endorse');
  await ok(admin.post(`/api/commissioner-applications/${id}/review`, { decision: 'approve' }), 'approve');
  return { ...who, id };
}

/** An open service request of the enterprise session's enterprise; answers its id. */
export async function openRequest(ent: ApiSession, r: { title: string; problem: string; keywords: string[]; industry: string; city: string; preferred?: string[] }): Promise<string> {
  const made = await ok(ent.post('/api/service-requests', { ...r, urgency: 'normal' }), `request ${r.title}`);
  if (made.status !== 'open') {
    await ok(ent.post(`/api/service-requests/${made.id as string}/open`, {}), `open ${r.title}`);
  }
  return made.id as string;
}

export interface ConfirmedRun {
  run: string;
  confirmed: number;
  pairs: { request: { id: string; name: string }; commissioner: { id: string; name: string } }[];
}

/** The administrator runs the pairing of `term`, waits for its proposal and confirms it; answers its pairs. */
export async function confirmedRun(url: string, term: number): Promise<ConfirmedRun> {
  const admin = await apiSession(url, ADMIN, DEMO_PASSWORD);
  const run = (await ok(admin.post('/api/admin/pairing-runs', { term }), 'start run')).id as string;
  await until(async () => ((await admin.get(`/api/admin/pairing-runs/${run}`)).body as { status: string }).status, (s) => s === 'proposed', 60_000, 'the run to propose');
  const { items } = (await ok(admin.get(`/api/admin/pairing-runs/${run}/pairs`), 'pairs')) as unknown as { items: ConfirmedRun['pairs'] };
  const confirmed = await ok(admin.post(`/api/admin/pairing-runs/${run}/confirm`, {}), 'confirm');
  return { run, confirmed: confirmed.confirmed as number, pairs: items };
}
