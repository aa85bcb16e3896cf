import type { MongooseSessionStore } from './session.store';

/** Disconnects live sockets; Socket.io provides it (across processes through the Redis adapter). */
export interface SocketTerminator {
  /** Sockets opened with any of these sessions. */
  endSessions(sids: string[]): void;
  /** Every socket of a user, except those of `exceptSid`. */
  endUser(userId: string, exceptSid?: string): void;
}

let sockets: SocketTerminator = { endSessions: () => undefined, endUser: () => undefined };

/** Called by the realtime layer when it starts (no sockets exist before). */
export function setSocketTerminator(t: SocketTerminator): void {
  sockets = t;
}

/** Sockets of a session that just ended (logout). */
export function endSessionSockets(sid: string): void {
  sockets.endSessions([sid]);
}

/**
 * Ends an account's sessions and disconnects their sockets (password change or reset, account
 * disabled); `keepSid` keeps the session that asked for it.
 */
export async function endUserSessions(store: MongooseSessionStore, userId: string, keepSid?: string): Promise<number> {
  const n = await store.destroyUserSessions(userId, keepSid);
  sockets.endUser(userId, keepSid);
  return n;
}

/** Keeps at most `keep` sessions per account (each login makes one), ending the least recently used. */
export async function trimUserSessions(store: MongooseSessionStore, userId: string, keep: number): Promise<void> {
  const ended = await store.trimUserSessions(userId, keep);
  if (ended.length > 0) {
    sockets.endSessions(ended);
  }
}
