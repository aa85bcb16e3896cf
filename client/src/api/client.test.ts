import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, buildUrl, getCsrfToken, onSessionRefreshed, setCsrfToken } from './client';

interface Call {
  url: string;
  init: RequestInit;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A fake fetch that answers from a queue and records what was sent. */
function fakeFetch(...answers: Response[]) {
  const calls: Call[] = [];
  const fn = vi.fn((url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift();
    return next ? Promise.resolve(next) : Promise.reject(new TypeError('no more answers'));
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

function header(call: Call | undefined, name: string): string | undefined {
  return (call?.init.headers as Record<string, string> | undefined)?.[name];
}

beforeEach(() => {
  setCsrfToken('');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api client', () => {
  it('fetches the session first when a write has no CSRF token, then sends it with cookies', async () => {
    const calls = fakeFetch(json(200, { user: null, csrfToken: 'tok-1' }), json(201, { id: 'o1' }));
    await api.post('/orgs', { name: 'x' });

    expect(calls.map((c) => c.url)).toEqual(['/api/auth/session', '/api/orgs']);
    expect(header(calls[1], 'X-CSRF-Token')).toBe('tok-1');
    expect(calls[1]?.init.credentials).toBe('include');
    expect(calls[1]?.init.body).toBe('{"name":"x"}');
  });

  it('does not send the CSRF header on reads', async () => {
    setCsrfToken('tok');
    const calls = fakeFetch(json(200, { items: [] }));
    await api.get('/orgs', { q: '吉大', type: undefined, verified: '' });
    expect(calls[0]?.url).toBe(`/api/orgs?q=${encodeURIComponent('吉大')}`);
    expect(header(calls[0], 'X-CSRF-Token')).toBeUndefined();
  });

  it('replaces the token with the one a login answer carries', async () => {
    setCsrfToken('before');
    fakeFetch(json(200, { user: { id: 'u' }, csrfToken: 'after' }));
    await api.post('/auth/login', { identifier: 'a@b.cn', password: 'x' });
    expect(getCsrfToken()).toBe('after');
  });

  it('refetches the session once and retries on CSRF_INVALID', async () => {
    setCsrfToken('stale');
    const seen: unknown[] = [];
    const off = onSessionRefreshed((s) => seen.push(s.user));
    const calls = fakeFetch(
      json(403, { error: { code: 'CSRF_INVALID', message: '页面已过期', messageEn: 'Expired' } }),
      json(200, { user: null, csrfToken: 'fresh' }),
      json(200, { ok: true }),
    );
    await expect(api.patch('/users/me', { bio: 'hi' })).resolves.toEqual({ ok: true });
    off();

    expect(calls.map((c) => c.url)).toEqual(['/api/users/me', '/api/auth/session', '/api/users/me']);
    expect(header(calls[2], 'X-CSRF-Token')).toBe('fresh');
    expect(seen).toEqual([null]);
  });

  it('gives up after one retry', async () => {
    setCsrfToken('stale');
    const csrf = () => json(403, { error: { code: 'CSRF_INVALID', message: '页面已过期', messageEn: 'Expired' } });
    const calls = fakeFetch(csrf(), json(200, { user: null, csrfToken: 'x' }), csrf());
    await expect(api.post('/auth/logout')).rejects.toMatchObject({ code: 'CSRF_INVALID', status: 403 });
    expect(calls).toHaveLength(3);
  });

  it('throws an ApiError with the code, both messages and the field errors', async () => {
    setCsrfToken('tok');
    const fields = [{ path: 'body.email', code: 'invalid_format', message: '邮箱格式不正确', messageEn: 'Invalid email address' }];
    fakeFetch(json(400, { error: { code: 'VALIDATION_FAILED', message: '提交的数据有误', messageEn: 'Invalid fields', fields } }));
    const err = await api.post('/auth/register', {}).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ApiError);
    const apiErr = err as ApiError;
    expect(apiErr.code).toBe('VALIDATION_FAILED');
    expect(apiErr.localized('zh-CN')).toBe('提交的数据有误');
    expect(apiErr.localized('en')).toBe('Invalid fields');
    expect(apiErr.fields).toEqual(fields);
  });

  it('turns a failed connection into NETWORK_ERROR', async () => {
    fakeFetch();
    await expect(api.get('/health')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });

  it('builds query strings without empty values', () => {
    expect(buildUrl('/admin/audit', { action: '', page: 2, pageSize: 20 })).toBe('/api/admin/audit?page=2&pageSize=20');
    expect(buildUrl('/health')).toBe('/api/health');
  });

  it('repeats a parameter for each value of an array', () => {
    expect(buildUrl('/search/results', { q: '碳', city: ['220100', '220200'], industry: [] })).toBe(
      `/api/search/results?q=${encodeURIComponent('碳')}&city=220100&city=220200`,
    );
  });

  it('uploads a file as the raw body with its own Content-Type and the CSRF header', async () => {
    setCsrfToken('tok');
    const calls = fakeFetch(json(201, { key: 'k' }));
    const file = new Blob(['%PDF-1.4'], { type: 'application/pdf' });
    await api.upload('/results/r1/attachments', file, { name: '说明书.pdf' });

    expect(calls[0]?.url).toBe(`/api/results/r1/attachments?name=${encodeURIComponent('说明书.pdf')}`);
    expect(header(calls[0], 'Content-Type')).toBe('application/pdf');
    expect(header(calls[0], 'X-CSRF-Token')).toBe('tok');
    expect(calls[0]?.init.body).toBe(file);
  });
});
