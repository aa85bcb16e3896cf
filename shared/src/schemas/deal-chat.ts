/**
 * Payloads of the deal-room chat over Socket.io (events in ../realtime.ts). The server validates
 * every event with these before doing anything; `deal:send` is the REST message input plus the room,
 * and `retry` on a repeated attempt (the server then looks the stored message up before taking a seq;
 * a first attempt skips that read — a retry sent without the flag still gets the stored message,
 * from the unique index, at the cost of a seq the catch-up steps over).
 */
import { z } from 'zod';
import { objectId } from './common';
import { dealMessageInput } from './deal';

/** Catch-up pages of `deal:join` hold at most this many messages (then `hasMore`). */
export const DEAL_CHAT_CATCH_UP_MAX = 100;

const room = { dealId: objectId };

export const dealJoinPayload = z.strictObject({ ...room, afterSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional() });
export const dealLeavePayload = z.strictObject(room);
export const dealSendPayload = z.strictObject({ ...room, ...dealMessageInput.shape, retry: z.boolean().optional() });
export const dealTypingPayload = z.strictObject({ ...room, typing: z.boolean() });
export const dealReadPayload = z.strictObject({ ...room, messageId: objectId });
