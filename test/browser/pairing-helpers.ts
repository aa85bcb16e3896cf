/** Setting up a pairing pool over HTTP for the 双千 browser tests: approved commissioners and open requests. */
import type { RunningPlatform } from '../support/platform';
import { loggedCode } from './support';

export interface HttpSession {
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

/** A cookie + CSRF session over fetch (anonymous until it logs in or registers). */
export async function httpSession(url: string): Promise<HttpSession> {
  let cookie = '';
  let csrf = '';
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) {
      cookie = set.split(';')[0] ?? cookie;
    }
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    const token = (parsed as { csrfToken?: unknown } | null)?.csrfToken;
    if (typeof token === 'string') {
      csrf = token;
    }
    return { status: res.status, body: parsed };
  };
  await call('GET', '/api/auth/session');
  return { call };
}

async function ok(p: Promise<{ status: number; body: unknown }>, what: string): Promise<Record<string, unknown>> {
  const r = await p;
  if (r.status >= 300) {
    throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return r.body as Record<string, unknown>;
}

export async function signedIn(url: string, identifier: string, password: string): Promise<HttpSession> {
  const s = await httpSession(url);
  await ok(s.call('POST', '/api/auth/login', { identifier, password }), `login ${identifier}`);
  return s;
}

/** Waits (up to 15 s) for the log transport to print the registration code mailed to `email`. */
async function mailedCode(platform: RunningPlatform, email: string): Promise<string> {
  for (let i = 0; i < 150; i++) {
    const code = loggedCode(platform.output, email);
    if (code) {
      return code;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no registration code was mailed to ${email}`);
}

export interface PoolCommissioner {
  name: string;
  city: string;
  expertise: string;
  keywords: string[];
  industries: string[];
}

/**
 * Registers a researcher joining the manager's organisation, lets the manager approve him, files his
 * commissioner application, lets the manager endorse it and the administrator approve it.
 */
export async function approvedCommissioner(platform: RunningPlatform, manager: HttpSession, admin: HttpSession, orgId: string, term: number, c: PoolCommissioner, n: number) {
  const email = `pairing-c${n}@example.cn`;
  const me = await httpSession(platform.url);
  const form = { email, phone: `1390431${String(7000 + n)}`, password: 'Jilin-research-2026', displayName: c.name, role: 'researcher', orgId };
  await ok(me.call('POST', '/api/auth/register', form), `register ${email}`);
  const code = await mailedCode(platform, email);
  const session = await ok(me.call('POST', '/api/auth/register/confirm', { ...form, code }), `confirm ${email}`);
  const userId = (session.user as { id: string }).id;
  await ok(manager.call('POST', `/api/orgs/${orgId}/members/${userId}/decision`, { approve: true }), 'approve member');
  const app = await ok(
    me.call('POST', '/api/commissioner-applications', {
      term, expertise: c.expertise, keywords: c.keywords, disciplines: ['430'], industries: c.industries, cities: [c.city], capacity: 2,
    }),
    `apply ${c.name}`,
  );
  await ok(manager.call('POST', `/api/commissioner-applications/${app.id as string}/endorsement`, { endorse: true }), 'endorse');
  await ok(admin.call('POST', `/api/commissioner-applications/${app.id as string}/review`, { decision: 'approve' }), 'approve');
}

/** An open service request of the enterprise session's enterprise. */
export async function openRequest(ent: HttpSession, r: { title: string; problem: string; keywords: string[]; industry: string; city: string }) {
  const made = await ok(ent.call('POST', '/api/service-requests', { ...r, urgency: 'normal' }), `request ${r.title}`);
  if (made.status !== 'open') {
    await ok(ent.call('POST', `/api/service-requests/${made.id as string}/open`), `open ${r.title}`);
  }
}
