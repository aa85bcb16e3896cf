/**
 * A logged-in API client over keep-alive connections for the benchmarks: keeps the session cookie
 * and the CSRF token, and answers status + JSON body.
 */
import { Agent, request } from 'node:http';

export interface Answer {
  status: number;
  body: unknown;
}

export class HttpSession {
  private cookie = '';
  private csrf = '';
  readonly agent: Agent;

  constructor(
    private readonly base: string,
    maxSockets = 1,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  call(method: string, path: string, body?: unknown): Promise<Answer> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise<Answer>((resolve, reject) => {
      const req = request(
        `${this.base}${path}`,
        {
          method,
          agent: this.agent,
          headers: {
            accept: 'application/json',
            ...(this.cookie ? { cookie: this.cookie } : {}),
            ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrf }),
            ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
          },
        },
        (res) => {
          const set = res.headers['set-cookie'];
          if (set) {
            this.cookie = set.map((c) => c.split(';')[0]).join('; ');
          }
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : null;
            } catch {
              // not JSON: keep the text
            }
            const token = (parsed as { csrfToken?: unknown } | null)?.csrfToken;
            if (typeof token === 'string') {
              this.csrf = token;
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Loads a session and signs in. */
  async login(identifier: string, password: string): Promise<this> {
    await this.call('GET', '/api/auth/session');
    const r = await this.call('POST', '/api/auth/login', { identifier, password });
    if (r.status !== 200) {
      throw new Error(`login of ${identifier} failed: ${r.status} ${JSON.stringify(r.body)}`);
    }
    return this;
  }

  /** The same signed-in session, sent to another server process (same database, same secret). */
  on(base: string): HttpSession {
    const other = new HttpSession(base);
    other.cookie = this.cookie;
    other.csrf = this.csrf;
    return other;
  }

  /** The session cookie (`name=value`), for a socket. */
  get sessionCookie(): string {
    return this.cookie;
  }

  close(): void {
    this.agent.destroy();
  }
}
