/**
 * Deal-room chat over Socket.io (protocol in shared/src/realtime.ts). Every event is validated with
 * the shared zod schemas and answered through its ack; a handler never throws (hostile payloads get
 * an error ack or are dropped). Access is the REST policy (`loadDealRoom`), checked against the user
 * as stored NOW on every join, send and read — a member removed from an organisation since the
 * socket connected is refused — and a socket only receives a room's events after a join that passed
 * it. Messages are stored (idempotent by clientId) before they are broadcast; a retry is answered
 * with the stored message and not broadcast again. A send reads user, room and an earlier attempt at
 * once, then takes the seq and inserts (3 round trips); the read marker moves after the ack.
 * Catch-up: deal.catchup.ts.
 */
import {
  dealJoinPayload, dealLeavePayload, dealReadPayload, dealSendPayload, dealTypingPayload, toFieldErrors,
  type ClientToServerEvents, type DealStage, type DealUpdateKind, type SocketAck,
} from '@kezhuan/shared';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { AppError, createError } from '../../lib/errors';
import { logger } from '../../lib/logger';
import type { KezhuanIo, SocketUser } from '../../realtime/socket';
import { UserModel } from '../users/user.model';
import { catchUp } from './deal.catchup';
import { markRead, sendMessage } from './deal.messages';
import { DealMessageModel } from './deal.model';
import { admitToRoom, findDealRoom, type DealUser } from './deal.policy';

type DealSocket = Socket<ClientToServerEvents, Record<string, never>, Record<string, never>, SocketUser>;
type Reply<T> = (r: SocketAck<T>) => void;

export const dealRoom = (dealId: string) => `deal:${dealId}`;
const userRoom = (userId: string) => `user:${userId}`;
/** A socket may say "typing" at most this often per room (stopping is always passed on). */
export const TYPING_EVERY_MS = 1_000;

function failure(err: unknown): SocketAck<never> {
  if (err instanceof AppError) {
    return { ok: false, error: { ...err.toBody(), status: err.status } };
  }
  logger().error({ err }, 'deal socket handler failed');
  const e = createError('INTERNAL');
  return { ok: false, error: { ...e.toBody(), status: e.status } };
}

/** The socket's user as stored now (membership and disabled re-checked), or UNAUTHENTICATED. */
async function currentUser(socket: DealSocket): Promise<DealUser> {
  const user = await UserModel.findById(socket.data.userId, { role: 1, org: 1, orgStatus: 1, disabledAt: 1 }).lean();
  if (!user || user.disabledAt) {
    socket.disconnect(true);
    throw createError('UNAUTHENTICATED');
  }
  return user;
}

/**
 * Registers `event` with payload validation: a payload the schema refuses is answered with
 * VALIDATION_FAILED and its field messages; any error becomes an error ack, never an exception.
 */
function on<S extends z.ZodType, T>(socket: DealSocket, event: keyof ClientToServerEvents, schema: S, run: (p: z.infer<S>) => Promise<T>): void {
  (socket as unknown as { on(e: string, fn: (p: unknown, ack?: unknown) => void): void }).on(event, (payload, ack) => {
    const reply: Reply<T> = typeof ack === 'function' ? (ack as Reply<T>) : () => undefined;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      reply(failure(createError('VALIDATION_FAILED', { fields: toFieldErrors(parsed.error.issues, 'body') })));
      return;
    }
    run(parsed.data).then(
      (data) => reply({ ok: true, data }),
      (err: unknown) => reply(failure(err)),
    );
  });
}

/** Participants (administrators watch unseen) with the room open in any process, once each. */
async function online(io: KezhuanIo, dealId: string): Promise<{ id: string; name: string }[]> {
  const sockets = await io.in(dealRoom(dealId)).fetchSockets();
  const people = new Map<string, string>();
  for (const s of sockets) {
    if (s.data.role !== 'admin') {
      people.set(s.data.userId, s.data.name);
    }
  }
  return [...people].map(([id, name]) => ({ id, name }));
}

async function publishPresence(io: KezhuanIo, dealId: string): Promise<void> {
  io.to(dealRoom(dealId)).emit('deal:presence', { dealId, online: await online(io, dealId) });
}

function presenceLater(io: KezhuanIo, dealId: string): void {
  publishPresence(io, dealId).catch((err: unknown) => logger().warn({ err, dealId }, 'deal presence failed'));
}

function attachSocket(io: KezhuanIo, socket: DealSocket): void {
  const ip = socket.handshake.address;
  const me = () => ({ id: socket.data.userId, name: socket.data.name });
  const lastTyping = new Map<string, { at: number; on: boolean }>();

  on(socket, 'deal:join', dealJoinPayload, async ({ dealId, afterSeq }) => {
    const [user, found] = await Promise.all([currentUser(socket), findDealRoom(dealId)]);
    const { room } = await admitToRoom(user, found, { write: false, ip });
    const fresh = !socket.rooms.has(dealRoom(dealId));
    // Joined BEFORE the catch-up is read: a message stored after the read is broadcast to this socket.
    await socket.join(dealRoom(dealId));
    const page = await catchUp(room._id, afterSeq);
    const people = await online(io, dealId);
    if (fresh) {
      io.to(dealRoom(dealId)).emit('deal:presence', { dealId, online: people });
    }
    return { ...page, online: people };
  });

  on(socket, 'deal:send', dealSendPayload, async ({ dealId, clientId, body, retry }) => {
    const { message, created, afterwards } = await sendMessage({ ...me(), current: currentUser(socket) }, dealId, { clientId, body, retry }, ip);
    if (created) {
      io.to(dealRoom(dealId)).emit('deal:message', { ...message, dealId });
    }
    afterwards();
    return message;
  });

  on(socket, 'deal:read', dealReadPayload, async ({ dealId, messageId }) => {
    const marked = await markRead(await currentUser(socket), dealId, messageId, ip);
    const m = await DealMessageModel.findById(marked.messageId, { seq: 1 }).lean();
    io.to(dealRoom(dealId)).emit('deal:read', { dealId, user: me(), messageId: marked.messageId, seq: m?.seq ?? 0 });
    return marked;
  });

  // Typing is ephemeral: only from a socket that joined the room as a participant; "typing" at most
  // once a second, "stopped" only after a "typing" that was passed on.
  on(socket, 'deal:typing', dealTypingPayload, async ({ dealId, typing }) => {
    const room = dealRoom(dealId);
    const now = Date.now();
    const last = lastTyping.get(dealId);
    if (!socket.rooms.has(room) || socket.data.role === 'admin') {
      return null;
    }
    if (typing ? last && now - last.at < TYPING_EVERY_MS : !last?.on) {
      return null;
    }
    lastTyping.set(dealId, { at: typing ? now : (last?.at ?? 0), on: typing });
    socket.to(room).except(userRoom(socket.data.userId)).emit('deal:typing', { dealId, user: me(), typing });
    return null;
  });

  on(socket, 'deal:leave', dealLeavePayload, async ({ dealId }) => {
    if (socket.rooms.has(dealRoom(dealId))) {
      await socket.leave(dealRoom(dealId));
      presenceLater(io, dealId);
    }
    return null;
  });

  let joined: string[] = [];
  socket.on('disconnecting', () => {
    joined = [...socket.rooms].filter((r) => r.startsWith('deal:')).map((r) => r.slice('deal:'.length));
  });
  socket.on('disconnect', () => joined.forEach((dealId) => presenceLater(io, dealId)));
}

/** Serves deal-room chat on every socket of `io` (called once by attachRealtime). */
export function attachDealChat(io: KezhuanIo): void {
  io.on('connection', (socket) => attachSocket(io, socket as unknown as DealSocket));
}

/**
 * Tells a room's open sockets (in every process) that `what` changed, so they reload it over REST:
 * what the deal modules' update publishers are wired to.
 */
export function emitDealUpdate(io: KezhuanIo, dealId: string, what: DealUpdateKind, stage?: DealStage): void {
  io.to(dealRoom(dealId)).emit('deal:updated', { dealId, what, ...(stage ? { stage } : {}) });
}

/**
 * Takes a person's sockets (in every process) out of the deal rooms they joined, tells them so
 * (`deal:updated` participants: the page reloads and finds the room closed to him) and the rooms'
 * others (presence). What `publishDealAccessEnded` is wired to.
 */
export async function evictFromDealRooms(io: KezhuanIo, userId: string): Promise<void> {
  const dealIds = new Set<string>();
  for (const socket of await io.in(userRoom(userId)).fetchSockets()) {
    for (const room of socket.rooms) {
      if (room.startsWith('deal:')) {
        socket.leave(room);
        dealIds.add(room.slice('deal:'.length));
      }
    }
  }
  for (const dealId of dealIds) {
    io.to(userRoom(userId)).emit('deal:updated', { dealId, what: 'participants' });
    presenceLater(io, dealId);
  }
}
