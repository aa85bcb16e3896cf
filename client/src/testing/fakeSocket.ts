import { vi } from 'vitest';
import type { ProgressSocket } from '../composables/useLiveProgress';

type Listener = (payload?: unknown) => void;

/** A stand-in for the socket.io client that lets a test play the server's events (`play`) and answer the client's (`sent`). */
export function fakeSocket(connected = false) {
  const listeners = new Map<string, Listener>();
  const emit = vi.fn((_event: string, _payload?: unknown, _ack?: (answer: unknown) => void) => undefined);
  const socket = {
    connected,
    on: vi.fn((event: string, cb: Listener) => listeners.set(event, cb)),
    removeAllListeners: vi.fn(),
    disconnect: vi.fn(),
    /** What the client sent (`emit(event, payload, ack?)`); a test answers through the recorded ack, or never (a dropped ack). */
    emit,
    /** The calls of one emitted event: payload and ack of each. */
    sent(event: string) {
      return emit.mock.calls.filter((c) => c[0] === event).map((c) => ({ payload: c[1], ack: c[2] ?? (() => undefined) }));
    },
    play(event: string, payload?: unknown) {
      listeners.get(event)?.(payload);
    },
  };
  return { socket, connect: () => socket as unknown as ProgressSocket };
}
