import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents, type SocketAck } from '@kezhuan/shared';
import { io, type Socket } from 'socket.io-client';

/** The part of a socket.io client the chat uses (a fake in tests). */
export type DealChatSocket = Pick<Socket<ServerToClientEvents, ClientToServerEvents>, 'connected' | 'on' | 'emit' | 'removeAllListeners' | 'disconnect'>;

export interface Person {
  id: string;
  name: string;
}

/** The chat's own connection (the notification store keeps its socket to itself); closed with the room. */
export const openDealSocket = (): DealChatSocket => io({ path: SOCKET_PATH, withCredentials: true });

/**
 * A request the server may not answer: the ack's answer, or 'timeout' after `ms` (a late answer is
 * ignored). The event maps type each ack; one generic path keeps the timeout in one place.
 */
export function askSocket<T>(socket: DealChatSocket, event: 'deal:join' | 'deal:send' | 'deal:read', payload: unknown, ms: number): Promise<SocketAck<T> | 'timeout'> {
  return new Promise((resolve) => {
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      resolve('timeout');
    }, ms);
    (socket.emit as unknown as (e: string, p: unknown, ack: (r: SocketAck<T>) => void) => void)(event, payload, (r) => {
      if (!done) {
        done = true;
        clearTimeout(timer);
        resolve(r);
      }
    });
  });
}
