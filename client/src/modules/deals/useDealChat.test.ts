import type { DealMessageView } from '@kezhuan/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick } from 'vue';
import { fakeSocket } from '../../testing/fakeSocket';
import type { DealChatApi } from './api';
import { useDealChat, type DealChatSocket } from './useDealChat';

const DEAL = '64b000000000000000000001';
const ME = { id: '64a000000000000000000001', name: '王工' };
const OTHER = { id: '64a000000000000000000002', name: '李教授' };

function msg(seq: number, over: Partial<DealMessageView> = {}): DealMessageView {
  return {
    id: `64c0000000000000000000${String(seq).padStart(2, '0')}`, clientId: `client-${seq}-xxxx`, seq,
    sender: OTHER, party: 'supply', body: `第${seq}条`, at: new Date(2026, 0, 1, 9, seq).toISOString(), ...over,
  };
}

/** A REST half that stores by (sender, clientId) as the server does, so a repeated id returns the stored message. */
function restServer(initial: DealMessageView[] = []) {
  const stored = [...initial];
  const api = {
    history: vi.fn<DealChatApi['history']>(async (_d, q) => {
      if (q.after) {
        const from = stored.find((m) => m.id === q.after)?.seq ?? 0;
        return { items: stored.filter((m) => m.seq > from), hasMore: false };
      }
      return { items: stored.slice(-(q.limit ?? 30)), hasMore: stored.length > (q.limit ?? 30) };
    }),
    post: vi.fn<DealChatApi['post']>(async (_d, input) => {
      const again = stored.find((m) => m.clientId === input.clientId);
      if (again) {
        return again;
      }
      const m = msg(stored.length + 1, { clientId: input.clientId, body: input.body, sender: ME, party: 'demand' });
      stored.push(m);
      return m;
    }),
    read: vi.fn<DealChatApi['read']>(async (_d, messageId) => ({ messageId })),
  };
  return { api, stored };
}

function setup(connected: boolean, initial: DealMessageView[] = []) {
  const { socket } = fakeSocket(connected);
  const server = restServer(initial);
  const scope = effectScope();
  const chat = scope.run(() => useDealChat(DEAL, { connect: () => socket as unknown as DealChatSocket, api: server.api, me: () => ME.id, ackMs: 1000, retryMs: 500, pollMs: 3000 }))!;
  return { socket, server, chat, scope };
}

const flush = async () => {
  for (let i = 0; i < 5; i += 1) {
    await Promise.resolve();
  }
  await nextTick();
};

const seqs = (chat: ReturnType<typeof setup>['chat']) => chat.messages.value.map((m) => m.seq);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useDealChat', () => {
  it('shows a send once when its ack was dropped and the retry (same client id) returns the stored message', async () => {
    const { socket, server, chat } = setup(true);
    const start = chat.start();
    await flush();
    socket.sent('deal:join')[0]!.ack({ ok: true, data: { messages: [], hasMore: false, online: [ME, OTHER] } });
    await start;
    expect(chat.live.value).toBe(true);

    chat.send('  您好，想了解一下价格  ');
    await flush();
    const first = socket.sent('deal:send')[0]!;
    const { clientId } = first.payload as { clientId: string };
    expect(chat.pending.value.map((p) => p.state)).toEqual(['sending']);
    // The server stores it and broadcasts it, but the ack never arrives.
    const stored = msg(1, { clientId, body: '您好，想了解一下价格', sender: ME, party: 'demand' });
    server.stored.push(stored);
    socket.play('deal:message', { ...stored, dealId: DEAL });
    await vi.advanceTimersByTimeAsync(1000);
    await flush();

    expect(server.api.post).toHaveBeenCalledWith(DEAL, { clientId, body: '您好，想了解一下价格' });
    expect(chat.messages.value.map((m) => m.id)).toEqual([stored.id]);
    expect(chat.pending.value).toEqual([]);
    // A late ack of the first attempt changes nothing either.
    first.ack({ ok: true, data: stored });
    await flush();
    expect(chat.messages.value).toHaveLength(1);
  });

  it('shows messages in seq order whatever order they arrive in, each id once', async () => {
    const { socket, chat } = setup(true, [msg(1)]);
    const start = chat.start();
    await flush();
    socket.sent('deal:join')[0]!.ack({ ok: true, data: { messages: [], hasMore: false, online: [] } });
    await start;

    for (const m of [msg(4), msg(2), msg(3), msg(2)]) {
      socket.play('deal:message', { ...m, dealId: DEAL });
    }
    socket.play('deal:message', { ...msg(5), dealId: 'another-room' });
    expect(seqs(chat)).toEqual([1, 2, 3, 4]);
    expect(chat.contiguous.value).toBe(4);
  });

  it('after a reconnect asks to catch up from the highest seq with nothing missing before it', async () => {
    const { socket, chat } = setup(true, [msg(1), msg(2), msg(3)]);
    const start = chat.start();
    await flush();
    expect(socket.sent('deal:join')[0]!.payload).toEqual({ dealId: DEAL, afterSeq: 3 });
    socket.sent('deal:join')[0]!.ack({ ok: true, data: { messages: [], hasMore: false, online: [] } });
    await start;

    socket.play('deal:message', { ...msg(4), dealId: DEAL });
    socket.play('deal:message', { ...msg(6), dealId: DEAL }); // 5 was lost
    socket.connected = false;
    socket.play('disconnect');
    socket.connected = true;
    socket.play('connect');
    await flush();

    const rejoin = socket.sent('deal:join')[1]!;
    expect(rejoin.payload).toEqual({ dealId: DEAL, afterSeq: 4 });
    rejoin.ack({ ok: true, data: { messages: [msg(5), msg(6), msg(7)], hasMore: false, online: [] } });
    await flush();
    expect(seqs(chat)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(chat.contiguous.value).toBe(7);
    expect(chat.live.value).toBe(true);
  });

  it('falls back to REST when the socket does not answer: history, sending with the client id and polling', async () => {
    const { socket, server, chat } = setup(true, [msg(1), msg(2)]);
    const start = chat.start();
    await flush();
    expect(socket.sent('deal:join')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000); // the join is never acknowledged
    await start;
    expect(chat.live.value).toBe(false);
    expect(seqs(chat)).toEqual([1, 2]);

    chat.send('REST 也能送达');
    await flush();
    expect(socket.sent('deal:send')).toEqual([]);
    expect(server.api.post).toHaveBeenCalledTimes(1);
    expect(chat.messages.value.at(-1)).toMatchObject({ seq: 3, body: 'REST 也能送达', sender: ME });
    expect(chat.pending.value).toEqual([]);

    // Another participant's message arrives through polling.
    server.stored.push(msg(4));
    await vi.advanceTimersByTimeAsync(3000);
    await flush();
    expect(seqs(chat)).toEqual([1, 2, 3, 4]);
    const lastCatchUp = server.api.history.mock.calls.at(-1)![1];
    expect(lastCatchUp.after).toBe(msg(3).id);
  });

  it('retries a failed delivery with the same client id and marks it failed after the attempts run out', async () => {
    const { server, chat } = setup(false);
    await chat.start();
    for (let i = 0; i < 3; i += 1) {
      server.api.post.mockRejectedValueOnce(new TypeError('network down'));
    }
    chat.send('断网时发送');
    await flush();
    await vi.advanceTimersByTimeAsync(500);
    await flush();
    await vi.advanceTimersByTimeAsync(500);
    await flush();
    const ids = server.api.post.mock.calls.map((c) => c[1].clientId);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(chat.pending.value[0]).toMatchObject({ state: 'failed', body: '断网时发送' });

    chat.retry(ids[0]!);
    await flush();
    expect(chat.pending.value).toEqual([]);
    expect(chat.messages.value.map((m) => m.clientId)).toEqual([ids[0]]);
  });

  it('shows who is online and typing, and read receipts on my messages', async () => {
    const mine = msg(1, { sender: ME, party: 'demand' });
    const { socket, chat } = setup(true, [mine]);
    chat.seedReads([{ user: ME, messageId: mine.id }]);
    const start = chat.start();
    await flush();
    socket.sent('deal:join')[0]!.ack({ ok: true, data: { messages: [], hasMore: false, online: [ME] } });
    await start;
    expect(chat.readBy(mine)).toEqual([]); // my own marker is no receipt

    socket.play('deal:presence', { dealId: DEAL, online: [ME, OTHER] });
    socket.play('deal:typing', { dealId: DEAL, user: OTHER, typing: true });
    socket.play('deal:typing', { dealId: DEAL, user: ME, typing: true });
    expect(chat.online.value).toEqual([ME, OTHER]);
    expect(chat.typing.value).toEqual([OTHER]);
    socket.play('deal:read', { dealId: DEAL, user: OTHER, messageId: mine.id, seq: 1 });
    expect(chat.readBy(mine)).toEqual([OTHER]);
    // A typist whose "stopped" never came stops showing.
    await vi.advanceTimersByTimeAsync(8000);
    expect(chat.typing.value).toEqual([]);
  });
});
