import { SOCKET_PATH, type ClientToServerEvents, type PairingRunView, type ServerToClientEvents } from '@kezhuan/shared';
import { io, type Socket } from 'socket.io-client';
import { getCurrentScope, onScopeDispose, ref, shallowRef } from 'vue';
import { pairingAdminApi } from '../api';
import { isNewerRun } from '../review';

/** The part of a socket.io client this composable uses (a fake in tests). */
export type RunSocket = Pick<Socket<ServerToClientEvents, ClientToServerEvents>, 'connected' | 'on' | 'removeAllListeners' | 'disconnect'>;

export interface UseRunProgressOptions {
  connect?: () => RunSocket;
  /** How often to ask the server while no push has come lately (ms). */
  pollMs?: number;
  /** Called with every new state of the followed run (e.g. to refresh the list of runs when it finishes). */
  onChange?: (run: PairingRunView) => void;
}

const openSocket = (): RunSocket => io({ path: SOCKET_PATH, withCredentials: true });

/**
 * Follows one pairing run until it has finished: `pairing:progress` pushes while the socket delivers
 * them (they go to the administrator who started the run), and `GET /admin/pairing-runs/:id` about
 * every second when they do not come.
 */
export function useRunProgress(options: UseRunProgressOptions = {}) {
  const pollMs = options.pollMs ?? 1000;
  const run = shallowRef<PairingRunView | null>(null);
  const live = ref(false);
  const loadError = shallowRef<unknown>(null);
  let lastPush = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function apply(next: PairingRunView): void {
    if (run.value && isNewerRun(run.value, next)) {
      run.value = next;
      options.onChange?.(next);
    }
  }

  async function refresh(): Promise<void> {
    const id = run.value?.id;
    if (!id) {
      return;
    }
    try {
      const next = await pairingAdminApi.get(id);
      loadError.value = null;
      apply(next);
    } catch (err) {
      loadError.value = err;
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
    if (run.value?.status === 'running') {
      timer = setTimeout(() => void tick(), pollMs);
    }
  }

  async function tick(): Promise<void> {
    timer = null;
    if (!live.value || Date.now() - lastPush > 2 * pollMs) {
      await refresh();
    }
    schedule();
  }

  const socket = (options.connect ?? openSocket)();
  socket.on('connect', () => {
    live.value = true;
    void refresh();
  });
  socket.on('disconnect', () => {
    live.value = false;
  });
  socket.on('pairing:progress', (pushed) => {
    if (pushed.id === run.value?.id) {
      lastPush = Date.now();
      apply(pushed);
    }
  });
  live.value = socket.connected;

  /** Shows a run (just started, or picked from the list) and follows it while it runs. */
  function follow(start: PairingRunView): void {
    run.value = start;
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

  return { run, live, loadError, follow, refresh, stop };
}
