import { describe, expect, it } from 'vitest';
import { DealChat, type ChatSocket } from './deal-chat-client';
import type { SocketAck } from './realtime';
import type { DealMessageView } from './schemas/deal';

/** A connected socket that records emits; `ack` answers one. */
function fakeSocket() {
  const sent: { event: string; payload: Record<string, unknown>; ack: (r: SocketAck<unknown>) => void }[] = [];
  const socket: ChatSocket = {
    connected: true,
    emit: (event: string, payload: Record<string, unknown>, ack: (r: SocketAck<unknown>) => void) => sent.push({ event, payload, ack }),
    on: () => undefined,
    off: () => undefined,
  };
  return { socket, sent };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('DealChat.send', () => {
  it('flags every attempt after the first as a retry, with the same client id', async () => {
    const { socket, sent } = fakeSocket();
    const chat = new DealChat(socket, 'deal-1', { ackTimeoutMs: 5, retryDelayMs: 1 });
    const sending = chat.send('你好', 'client-id-0001');
    await flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload).toEqual({ dealId: 'deal-1', clientId: 'client-id-0001', body: '你好' });
    // No ack within the timeout: the second attempt says it is one.
    await new Promise((r) => setTimeout(r, 30));
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent[1]!.payload).toEqual({ dealId: 'deal-1', clientId: 'client-id-0001', body: '你好', retry: true });
    const stored = { id: 'm1', seq: 1, clientId: 'client-id-0001', body: '你好' } as DealMessageView;
    sent[sent.length - 1]!.ack({ ok: true, data: stored });
    await expect(sending).resolves.toEqual(stored);
    chat.stop();
  });
});
