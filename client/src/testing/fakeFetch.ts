import { vi } from 'vitest';
import { setCsrfToken } from '../api/client';

export interface SentRequest {
  method: string;
  /** Path and query without the `/api` prefix, e.g. `/results/1?x=1`. */
  url: string;
  body: unknown;
  signal: AbortSignal | null;
}

type Answer = [status: number, body?: unknown];
export type Handler = (req: SentRequest) => Answer | Promise<Answer>;

/**
 * Replaces `fetch` with a handler that answers API calls (the CSRF token is preset so writes go
 * straight through) and records every request. Call `vi.unstubAllGlobals()` after the test.
 */
export function fakeFetch(handler: Handler): SentRequest[] {
  setCsrfToken('test-token');
  const sent: SentRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const raw = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : (init.body ?? undefined);
      const req: SentRequest = { method: init.method ?? 'GET', url: url.replace(/^\/api/, ''), body: raw, signal: init.signal ?? null };
      sent.push(req);
      if (req.signal?.aborted) {
        throw new DOMException('aborted', 'AbortError');
      }
      const [status, body] = await handler(req);
      if (req.signal?.aborted) {
        throw new DOMException('aborted', 'AbortError');
      }
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return sent;
}

/** An error body as the API sends it. */
export function apiError(code: string, fields: { path: string; message: string }[] = []): unknown {
  return {
    error: {
      code,
      message: code,
      messageEn: code,
      fields: fields.map((f) => ({ ...f, code: 'custom', messageEn: f.message })),
    },
  };
}

/** Lets pending promises and Vue watchers run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
  }
}
