import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from '@kezhuan/shared';
import type { RequestHandler } from 'express';
import { Server, type Socket } from 'socket.io';
import { env } from '../config/env';
import { logger } from '../lib/logger';
import { setDealAccessPublisher, setDealUpdatePublisher } from '../modules/deals/deal.events';
import { attachDealChat, emitDealUpdate, evictFromDealRooms } from '../modules/deals/deal.socket';
import { setImportProgressPublisher } from '../modules/imports/import.service';
import { setNotificationPublisher, unreadCount } from '../modules/notifications/notification.service';
import { setPairingProgressPublisher } from '../modules/pairing/run.service';
import { setSocketTerminator } from '../modules/sessions/session-end';
import { UserModel } from '../modules/users/user.model';

export type KezhuanIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketUser>;

/** What a socket carries about its user (also seen through `fetchSockets()` from other processes). */
export interface SocketUser {
  userId: string;
  sid: string;
  name: string;
  role: string;
}

interface SessionRequest extends IncomingMessage {
  session?: { passport?: { user?: string } };
  sessionID?: string;
}

/**
 * Only pages of this site may open a socket (no cross-site WebSocket hijacking): the Origin must be
 * in ALLOWED_ORIGINS (default PUBLIC_URL's origin) or the host the socket connects to.
 */
export function allowedOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) {
    return true; // not a browser: the session cookie is still required
  }
  try {
    const url = new URL(origin);
    return env().allowedOrigins.has(url.origin) || url.host === req.headers.host;
  } catch {
    return false;
  }
}

export const userRoom = (userId: string) => `user:${userId}`;
/** Every socket also joins its session's room, so ending a session can disconnect exactly its sockets. */
export const sessionRoom = (sid: string) => `session:${sid}`;

/**
 * Socket.io on the API's HTTP server. The handshake runs the same session middleware as the API, so
 * a socket belongs to the signed-in user of its cookie; anonymous sockets are refused. Each socket
 * joins its user's room, where notifications are pushed.
 */
export function attachRealtime(server: HttpServer, sessionMiddleware: RequestHandler): KezhuanIo {
  const io: KezhuanIo = new Server(server, {
    path: SOCKET_PATH,
    serveClient: false,
    allowRequest: (req, cb) => cb(null, allowedOrigin(req)),
  });
  io.engine.use(sessionMiddleware);
  io.use((socket: Socket, next) => {
    const userId = (socket.request as SessionRequest).session?.passport?.user;
    if (!userId) {
      next(new Error('UNAUTHENTICATED'));
      return;
    }
    // Disabled is checked here rather than in the query: accounts stored before the field existed lack it.
    UserModel.findById(userId, { disabledAt: 1, displayName: 1, role: 1 }).lean().then(
      (user) => {
        if (!user || user.disabledAt) {
          next(new Error('UNAUTHENTICATED'));
          return;
        }
        Object.assign(socket.data, { userId, sid: (socket.request as SessionRequest).sessionID ?? '', name: user.displayName, role: user.role });
        next();
      },
      (err: unknown) => next(err instanceof Error ? err : new Error(String(err))),
    );
  });
  attachDealChat(io);
  // Stage, files, NDA, intermediary, orders, contract: the room's clients reload that part.
  setDealUpdatePublisher((dealId, what, stage) => emitDealUpdate(io, dealId, what, stage));
  // Someone who left his organisation hears nothing more of its rooms.
  setDealAccessPublisher((userId) => evictFromDealRooms(io, userId));
  io.on('connection', (socket) => {
    const { userId, sid } = socket.data;
    void socket.join([userRoom(userId), sessionRoom(sid)]);
    unreadCount(userId).then(
      (unread) => socket.emit('notification:unread', { unread }),
      (err: unknown) => logger().warn({ err }, 'unread count failed'),
    );
  });
  setNotificationPublisher({
    pushNew: (userId, n) => io.to(userRoom(userId)).emit('notification:new', n),
    pushUnread: (userId, unread) => io.to(userRoom(userId)).emit('notification:unread', { unread }),
  });
  setSocketTerminator({
    endSessions: (sids) => {
      if (sids.length > 0) {
        io.in(sids.map(sessionRoom)).disconnectSockets(true);
      }
    },
    endUser: (userId, exceptSid) => {
      const sockets = io.in(userRoom(userId));
      (exceptSid ? sockets.except(sessionRoom(exceptSid)) : sockets).disconnectSockets(true);
    },
  });
  setImportProgressPublisher({ push: (userId, job) => io.to(userRoom(userId)).emit('import:progress', job) });
  setPairingProgressPublisher({ push: (userId, run) => io.to(userRoom(userId)).emit('pairing:progress', run) });
  return io;
}
