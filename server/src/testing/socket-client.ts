/** Socket.io clients for tests: sign in over HTTP, then open a socket with the session cookie. */
import { SOCKET_PATH, type ServerToClientEvents } from '@kezhuan/shared';
import { io as connect, type Socket } from 'socket.io-client';
import { TEST_PASSWORD } from './factories';

/** Logs in at `url` over HTTP and returns the session cookie (`name=value`). */
export async function sessionCookie(url: string, email: string): Promise<string> {
  const s = await fetch(`${url}/api/auth/session`);
  const anon = s.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrfToken } = (await s.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: anon, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ identifier: email, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) {
    throw new Error(`login failed: ${res.status}`);
  }
  return res.headers.get('set-cookie')?.split(';')[0] ?? '';
}

/** A WebSocket-only Socket.io client to `url` with the given headers (no reconnection). */
export function openSocket(url: string, headers: Record<string, string>): Socket<ServerToClientEvents> {
  return connect(url, { path: SOCKET_PATH, transports: ['websocket'], extraHeaders: headers, reconnection: false, forceNew: true });
}
