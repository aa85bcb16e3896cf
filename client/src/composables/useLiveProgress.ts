import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from '@kezhuan/shared';
import { io, type Socket } from 'socket.io-client';
import { getCurrentScope, onScopeDispose, ref, shallowRef } from 'vue';

/** The part of a socket.io client this composable uses (a fake in tests). */
export type ProgressSocket = Pick<Socket<ServerToClientEvents, ClientToServerEvents>, 'connected' | 'on' | 'removeAllListeners' | 'disconnect'>;

/** The server's progress pushes (each goes to the administrator who started the work). */
export type ProgressEvent = 'import:progress' | 'pairing:progress';

export interface LiveProgressOptions {
  connect?: () => ProgressSocket;
  /** How often to ask the server while no push has come lately (ms). */
  pollMs?: number;
}

export interface LiveProgressSpec<V extends { id: string }> {
  event: ProgressEvent;
  /** The item followed now (null before `start`). */
  current: () => V | null;
  /** Its state from the server, by id. */
  fetch: (id: string) => Promise<V>;
  /** Takes a pushed or fetched state of the current item; the caller keeps only newer ones. */
  accept: (next: V) => void;
  /** Whether the current item still moves (polling stops when it does not). */
  running: () => boolean;
}

// Its own connection (the notification store keeps its socket to itself); closed with the page.
const openSocket = (): ProgressSocket => io({ path: SOCKET_PATH, withCredentials: true });

/**
 * Follows long work on the server (an import, a pairing run) until it ends: live pushes of `event`
 * while the socket delivers them, and a `fetch` about every `pollMs` when it does not (no socket, a
 * silence, or work started by another administrator, whose pushes go to that administrator). A
 * reconnection catches up at once.
 */
export function useLiveProgress<V extends { id: string }>(spec: LiveProgressSpec<V>, options: LiveProgressOptions = {}) {
  const pollMs = options.pollMs ?? 1000;
  const live = ref(false);
  const loadError = shallowRef<unknown>(null);
  let lastPush = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function refresh(): Promise<void> {
    const id = spec.current()?.id;
    if (!id) {
      return;
    }
    try {
      const next = await spec.fetch(id);
      // An answer for an item no longer followed is dropped.
      if (spec.current()?.id === id) {
        loadError.value = null;
        spec.accept(next);
      }
    } catch (err) {
      if (spec.current()?.id === id) {
        loadError.value = err;
      }
    }
  }

  function clearTimer(): void {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
  }

  function schedule(): void {
    clearTimer();
    if (spec.current() && spec.running()) {
      timer = setTimeout(() => void tick(), pollMs);
    }
  }

  async function tick(): Promise<void> {
    timer = null;
    // Pushes come several times a second while work moves; polling fills any silence.
    if (!live.value || Date.now() - lastPush > 2 * pollMs) {
      await refresh();
    }
    schedule();
  }

  const socket = (options.connect ?? openSocket)();
  socket.on('connect', () => {
    live.value = true;
    void refresh(); // catch up on what happened while disconnected
  });
  socket.on('disconnect', () => {
    live.value = false;
  });
  // Both events carry the view of the item they are about; which one is the caller's choice.
  socket.on(spec.event, ((pushed: V) => {
    if (pushed.id === spec.current()?.id) {
      lastPush = Date.now();
      spec.accept(pushed);
    }
  }) as never);
  live.value = socket.connected;

  /** Starts following the current item (call after setting it): asks once, then polls while it runs. */
  function start(): void {
    lastPush = 0;
    loadError.value = null;
    void refresh().then(schedule);
  }

  function stop(): void {
    clearTimer();
    socket.removeAllListeners();
    socket.disconnect();
  }

  if (getCurrentScope()) {
    onScopeDispose(stop);
  }

  return { live, loadError, start, refresh, stop };
}
