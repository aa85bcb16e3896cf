/** Socket helpers for the deal-chat tests: typed acks, waiting for an event, reconnecting clients. */
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents, type SocketAck } from '@kezhuan/shared';
import { io as connect, type Socket } from 'socket.io-client';

export type ChatClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A client that reconnects by itself (quickly), as the room page's socket does. */
export function openChatSocket(url: string, cookie: string, origin?: string): ChatClientSocket {
  return connect(url, {
    path: SOCKET_PATH, transports: ['websocket'], forceNew: true,
    extraHeaders: { cookie, ...(origin ? { origin } : {}) },
    reconnection: true, reconnectionDelay: 50, reconnectionDelayMax: 200,
  });
}

export function connected(s: ChatClientSocket): Promise<void> {
  return s.connected ? Promise.resolve() : new Promise((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
}

/** Emits `event` and resolves with its ack (any payload: hostile ones too). */
export function ask<T = unknown>(s: ChatClientSocket, event: keyof ClientToServerEvents, payload: unknown): Promise<SocketAck<T>> {
  return new Promise((resolve) => (s.emit as (e: string, p: unknown, ack: (r: SocketAck<T>) => void) => void)(event, payload, resolve));
}

/** The next `event` on `s`. */
export function next<E extends keyof ServerToClientEvents>(s: ChatClientSocket, event: E, where: (p: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve) => {
    const fn = (p: Parameters<ServerToClientEvents[E]>[0]) => {
      if (where(p)) {
        s.off(event, fn as never);
        resolve(p);
      }
    };
    s.on(event, fn as never);
  });
}

/** Everything `s` receives, per event name (to prove that nothing leaked to it). */
export function recordAll(s: ChatClientSocket): { event: string; payload: unknown }[] {
  const got: { event: string; payload: unknown }[] = [];
  s.onAny((event: string, payload: unknown) => got.push({ event, payload }));
  return got;
}
