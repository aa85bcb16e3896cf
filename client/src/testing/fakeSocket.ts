import { vi } from 'vitest';
import type { ProgressSocket } from '../composables/useLiveProgress';

type Listener = (payload?: unknown) => void;

/** A stand-in for the socket.io client that lets a test play the server's events (`play`). */
export function fakeSocket(connected = false) {
  const listeners = new Map<string, Listener>();
  const socket = {
    connected,
    on: vi.fn((event: string, cb: Listener) => listeners.set(event, cb)),
    removeAllListeners: vi.fn(),
    disconnect: vi.fn(),
    play(event: string, payload?: unknown) {
      listeners.get(event)?.(payload);
    },
  };
  return { socket, connect: () => socket as unknown as ProgressSocket };
}
