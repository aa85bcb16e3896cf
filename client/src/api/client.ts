import type { ErrorCode, FieldError, SessionView } from '@kezhuan/shared';

/** Server codes plus the two the client raises itself when no usable answer arrives. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'BAD_RESPONSE';

/** An API failure with the server's code, its messages in both languages and any field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly messageEn: string;
  readonly fields: FieldError[];

  constructor(status: number, code: ClientErrorCode, message: string, messageEn: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messageEn = messageEn;
    this.fields = fields;
  }

  /** The message in the given UI locale. */
  localized(locale: string): string {
    return locale === 'en' ? this.messageEn : this.message;
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** A query parameter; an array repeats the parameter (`?city=220100&city=220200`). */
export type QueryValue = string | number | boolean | null | undefined | readonly string[];

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** A file sent as the raw body with its own Content-Type (attachment uploads), instead of JSON. */
  file?: Blob;
  signal?: AbortSignal;
}

const BASE = '/api';
const MUTATING = new Set<HttpMethod>(['POST', 'PATCH', 'PUT', 'DELETE']);

let csrfToken = '';
let sessionInFlight: Promise<SessionView> | null = null;
const tokenListeners = new Set<(token: string) => void>();
const sessionListeners = new Set<(session: SessionView) => void>();

export function getCsrfToken(): string {
  return csrfToken;
}

/** Replaces the stored token; the server issues a new one whenever it regenerates the session. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
  tokenListeners.forEach((cb) => cb(token));
}

export function onCsrfToken(cb: (token: string) => void): () => void {
  tokenListeners.add(cb);
  return () => tokenListeners.delete(cb);
}

/** Called whenever the client re-reads the session by itself (e.g. after CSRF_INVALID). */
export function onSessionRefreshed(cb: (session: SessionView) => void): () => void {
  sessionListeners.add(cb);
  return () => sessionListeners.delete(cb);
}

/** The query string (without `?`); empty values are left out because the API's queries are strict. */
export function buildQuery(query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    const values = typeof value === 'object' && value !== null ? value : [value];
    for (const v of values) {
      if (v !== undefined && v !== null && v !== '') {
        params.append(key, String(v));
      }
    }
  }
  return params.toString();
}

/** `/api` + path + query string. */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const qs = buildQuery(query);
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function send(method: HttpMethod, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.file) {
    headers['Content-Type'] = opts.file.type || 'application/octet-stream';
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (MUTATING.has(method) && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  try {
    return await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'include',
      body: opts.file ?? (opts.body === undefined ? null : JSON.stringify(opts.body)),
      signal: opts.signal ?? null,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') {
      throw err;
    }
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络', 'Cannot reach the server; check your connection');
  }
}

async function readJson(res: Response): Promise<unknown> {
  if (res.status === 204) {
    return undefined;
  }
  const text = await res.text();
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function errorOf(data: unknown): Record<string, unknown> | null {
  return isRecord(data) && isRecord(data.error) ? data.error : null;
}

function toApiError(status: number, data: unknown): ApiError {
  const err = errorOf(data);
  if (!err || typeof err.code !== 'string') {
    return new ApiError(status, 'BAD_RESPONSE', `服务器返回了意外的响应（${status}）`, `Unexpected server response (${status})`);
  }
  const message = typeof err.message === 'string' ? err.message : '';
  const messageEn = typeof err.messageEn === 'string' ? err.messageEn : message;
  const fields = Array.isArray(err.fields) ? (err.fields as FieldError[]) : [];
  return new ApiError(status, err.code as ErrorCode, message, messageEn, fields);
}

function rememberToken(data: unknown): void {
  if (isRecord(data) && typeof data.csrfToken === 'string' && data.csrfToken) {
    setCsrfToken(data.csrfToken);
  }
}

/** One API call: JSON in and out, cookies included, CSRF header on writes, one retry on a stale token. */
export async function request<T>(method: HttpMethod, path: string, opts: RequestOptions = {}): Promise<T> {
  if (MUTATING.has(method) && !csrfToken) {
    await refreshSession();
  }
  let res = await send(method, path, opts);
  let data = await readJson(res);
  if (res.status === 403 && errorOf(data)?.code === 'CSRF_INVALID') {
    await refreshSession();
    res = await send(method, path, opts);
    data = await readJson(res);
  }
  if (!res.ok) {
    throw toApiError(res.status, data);
  }
  rememberToken(data);
  return data as T;
}

/** Re-reads `GET /auth/session` (concurrent callers share one request) and tells the listeners. */
export function refreshSession(): Promise<SessionView> {
  sessionInFlight ??= request<SessionView>('GET', '/auth/session')
    .then((session) => {
      sessionListeners.forEach((cb) => cb(session));
      return session;
    })
    .finally(() => {
      sessionInFlight = null;
    });
  return sessionInFlight;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>('GET', path, { query, ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** Sends a file as the raw request body (its type as Content-Type), e.g. an attachment. */
  upload: <T>(path: string, file: Blob, query?: Record<string, QueryValue>) => request<T>('POST', path, { file, query }),
};
