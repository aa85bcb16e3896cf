/** A signed-in API session over HTTP (cookie + CSRF token), for setting up browser tests. */
export interface ApiSession {
  post(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
  get(path: string): Promise<{ status: number; body: unknown }>;
}

export async function apiSession(url: string, identifier: string, password: string): Promise<ApiSession> {
  let cookie = '';
  let csrf = '';
  const remember = (res: Response, body: unknown) => {
    const set = res.headers.get('set-cookie');
    if (set) {
      cookie = set.split(';')[0] ?? cookie;
    }
    const token = (body as { csrfToken?: unknown } | null)?.csrfToken;
    if (typeof token === 'string') {
      csrf = token;
    }
  };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    remember(res, parsed);
    return { status: res.status, body: parsed };
  };
  await call('GET', '/api/auth/session');
  const login = await call('POST', '/api/auth/login', { identifier, password });
  if (login.status !== 200) {
    throw new Error(`login as ${identifier} failed: ${login.status} ${JSON.stringify(login.body)}`);
  }
  return { post: (p, b) => call('POST', p, b), get: (p) => call('GET', p) };
}
