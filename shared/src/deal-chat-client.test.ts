import { describe, expect, it } from 'vitest';
import { DealChat, type ChatSocket } from './deal-chat-client';
import type { SocketAck } from './realtime';
import type { DealMessageView } from './schemas/deal';

const stored = { id: 'm1', seq: 1, clientId: 'client-id-0001', body: '你好' } as DealMessageView;

/** A connected socket that records emits and acknowledges only attempts flagged as retries. */
function fakeSocket() {
  const sent: Record<string, unknown>[] = [];
  const socket: ChatSocket = {
    connected: true,
    emit: (_event: string, payload: Record<string, unknown>, ack: (r: SocketAck<unknown>) => void) => {
      sent.push(payload);
      if (payload.retry) {
        queueMicrotask(() => ack({ ok: true, data: stored }));
      }
    },
    on: () => undefined,
    off: () => undefined,
  };
  return { socket, sent };
}

describe('DealChat.send', () => {
  it('flags every attempt after the first as a retry, with the same client id', async () => {
    const { socket, sent } = fakeSocket();
    // The first attempt gets no ack: after the timeout it is sent again.
    const chat = new DealChat(socket, 'deal-1', { ackTimeoutMs: 5, retryDelayMs: 1 });
    await expect(chat.send('你好', 'client-id-0001')).resolves.toEqual(stored);
    expect(sent).toEqual([
      { dealId: 'deal-1', clientId: 'client-id-0001', body: '你好' },
      { dealId: 'deal-1', clientId: 'client-id-0001', body: '你好', retry: true },
    ]);
    chat.stop();
  });
});
