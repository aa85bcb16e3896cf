import { ApiError } from './client';

/** The thing asked for is not there (or not for this user: private things answer 404 to strangers). */
export function isNotFound(err: unknown): boolean {
  return err instanceof ApiError && err.status === 404;
}

/**
 * Whether asking again can help: the network, a timeout, the server's own trouble (5xx) or its rate limit (429).
 * A 404, a refusal (401/403) or a rejected request (400/409/422) answers the same way the next time.
 */
export function isRetryable(err: unknown): boolean {
  if (!(err instanceof ApiError)) {
    return false;
  }
  return err.code === 'NETWORK_ERROR' || err.status === 0 || err.status === 408 || err.status === 429 || err.status >= 500;
}
