/**
 * The chat survives cut connections: both sides keep sending (DealChat retries each message with
 * its client id until acknowledged) while their transports are killed mid-conversation, and messages
 * sent while one side is away reach it by the catch-up of its re-join. In the end each side shows
 * every message exactly once, and the database holds each once.
 */
import { DealChat } from '@kezhuan/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp, useTestDb } from '../../testing/harness';
import { listenWithRealtime } from '../../testing/realtime-server';
import { sessionCookie } from '../../testing/socket-client';
import { DealMessageModel } from './deal.model';
import { connected, openChatSocket, type ChatClientSocket } from './deal.socket.testing';
import { openedDeal } from './deal.testing';

useTestDb();
const app = testApp();
const live = listenWithRealtime();
const sockets: ChatClientSocket[] = [];

afterEach(() => sockets.splice(0).forEach((s) => s.close()));

async function chatAs(email: string, dealId: string): Promise<{ socket: ChatClientSocket; chat: DealChat }> {
  const socket = openChatSocket(live.url, await sessionCookie(live.url, email));
  sockets.push(socket);
  await connected(socket);
  const chat = new DealChat(socket, dealId, { retryDelayMs: 50 });
  await chat.start();
  return { socket, chat };
}

/** Kills the transport under the socket (as a dropped network would); socket.io-client reconnects. */
function cut(s: ChatClientSocket): Promise<void> {
  const gone = new Promise<void>((r) => s.once('disconnect', () => r()));
  s.io.engine.close();
  return gone;
}

/** Resolves once `chat` shows every client id in `ids` (each message arrives by broadcast or catch-up). */
function holds(chat: DealChat, ids: readonly string[]): Promise<void> {
  const all = () => ids.every((id) => chat.messages.some((m) => m.clientId === id));
  return new Promise((resolve) => {
    if (all()) {
      resolve();
      return;
    }
    const stop = chat.onChange(() => {
      if (all()) {
        stop();
        resolve();
      }
    });
  });
}

describe('deal chat with cut connections', () => {
  it('shows every message exactly once on both sides after transports are killed mid-conversation', async () => {
    const { dealId, enterprise, researcher } = await openedDeal(app);
    const ent = await chatAs(enterprise.email, dealId);
    const res = await chatAs(researcher.email, dealId);
    const sent: string[] = [];
    const say = (side: typeof ent, who: string, i: number) => {
      const clientId = `${who}-${String(i).padStart(4, '0')}-cut`;
      sent.push(clientId);
      return side.chat.send(`${who} ${i}`, clientId);
    };

    // 1. Both sides talk at once; both transports are killed while the sends are in flight.
    const burst = [...Array.from({ length: 15 }, (_, i) => say(ent, 'ent', i)), ...Array.from({ length: 15 }, (_, i) => say(res, 'res', i))];
    await Promise.all([cut(ent.socket), cut(res.socket)]);
    await Promise.all(burst);

    // 2. The researcher is away (no reconnection) while the enterprise keeps writing: only the
    //    catch-up of the re-join can bring these.
    res.socket.io.reconnection(false);
    await cut(res.socket);
    const away = Array.from({ length: 10 }, (_, i) => say(ent, 'ent', 100 + i));
    await Promise.all(away);
    // Also one the researcher typed while offline: it waits and is retried after the reconnect.
    const offline = say(res, 'res', 100);
    res.socket.io.reconnection(true);
    res.socket.connect();
    await offline;

    // 3. In flight again, and the enterprise's transport dies twice in a row.
    const more = [...Array.from({ length: 10 }, (_, i) => say(ent, 'ent', 200 + i)), ...Array.from({ length: 10 }, (_, i) => say(res, 'res', 200 + i))];
    await cut(ent.socket);
    await connected(ent.socket);
    await cut(ent.socket);
    await Promise.all(more);

    await Promise.all([holds(ent.chat, sent), holds(res.chat, sent)]);
    for (const { chat } of [ent, res]) {
      const shown = chat.shown();
      expect(shown.every((s) => s.kind === 'stored')).toBe(true);
      const ids = chat.messages.map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(chat.messages.map((m) => m.clientId).sort()).toEqual([...sent].sort());
      expect(chat.messages.map((m) => m.seq)).toEqual([...chat.messages.map((m) => m.seq)].sort((a, b) => a - b));
    }
    expect(await DealMessageModel.countDocuments({ room: dealId })).toBe(sent.length);
    // Each side's contiguous mark is honest: every stored message up to it is held. (Retries that
    // raced their first attempt took numbers that never got a message; young holes hold the mark.)
    const stored = (await DealMessageModel.find({ room: dealId }, { seq: 1 }).lean()).map((m) => m.seq);
    for (const { chat } of [ent, res]) {
      const held = new Set(chat.messages.map((m) => m.seq));
      expect(stored.filter((seq) => seq <= chat.contiguousSeq && !held.has(seq))).toEqual([]);
    }
  });
});
