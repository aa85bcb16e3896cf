import { SOCKET_PATH, type ClientToServerEvents, type ImportJobDetailView, type ImportJobView, type ImportRowError, type ServerToClientEvents } from '@kezhuan/shared';
import { io, type Socket } from 'socket.io-client';
import { getCurrentScope, onScopeDispose, ref, shallowRef } from 'vue';
import { importsApi } from '../api';
import { isFinished, isNewerJob } from '../progress';

/** The part of a socket.io client this composable uses (a fake in tests). */
export type ProgressSocket = Pick<Socket<ServerToClientEvents, ClientToServerEvents>, 'connected' | 'on' | 'removeAllListeners' | 'disconnect'>;

export interface UseImportJobOptions {
  connect?: () => ProgressSocket;
  /** How often to ask the server while no push has come lately (ms). */
  pollMs?: number;
  /** Called with every new state of the followed job (e.g. to update its row in the history). */
  onChange?: (job: ImportJobView) => void;
}

// Its own connection (the notification store keeps its socket to itself); closed with the page.
const openSocket = (): ProgressSocket => io({ path: SOCKET_PATH, withCredentials: true });

/**
 * Follows one import job until it is finished: live `import:progress` pushes while the socket
 * delivers them, and `GET /admin/imports/:id` about every second when it does not (no socket, or
 * another administrator's job, whose pushes go to that administrator). Once the job is finished
 * its first problems are loaded.
 */
export function useImportJob(options: UseImportJobOptions = {}) {
  const pollMs = options.pollMs ?? 1000;
  const job = shallowRef<ImportJobView | null>(null);
  const errors = shallowRef<ImportRowError[]>([]);
  const loadError = shallowRef<unknown>(null);
  const live = ref(false);
  let lastPush = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function apply(next: ImportJobView | ImportJobDetailView): void {
    if (!job.value || !isNewerJob(job.value, next)) {
      return;
    }
    const { errors: list, ...view } = next as ImportJobDetailView;
    job.value = view;
    if (list) {
      errors.value = list;
    }
    options.onChange?.(view);
    if (isFinished(view.status) && !list) {
      void refresh(); // the problems come with the detail view only
    }
  }

  async function refresh(): Promise<void> {
    const id = job.value?.id;
    if (!id) {
      return;
    }
    try {
      const detail = await importsApi.get(id);
      if (job.value?.id === id) {
        loadError.value = null;
        apply(detail);
      }
    } catch (err) {
      if (job.value?.id === id) {
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
    if (job.value && !isFinished(job.value.status)) {
      timer = setTimeout(() => void tick(), pollMs);
    }
  }

  async function tick(): Promise<void> {
    timer = null;
    // Pushes arrive at most four times a second while a job moves; polling fills any silence.
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
  socket.on('import:progress', (pushed) => {
    if (pushed.id === job.value?.id) {
      lastPush = Date.now();
      apply(pushed);
    }
  });
  live.value = socket.connected;

  /** Shows a job (just uploaded, or picked from the history) and follows it if it is still running. */
  function follow(start: ImportJobView): void {
    job.value = start;
    errors.value = [];
    loadError.value = null;
    lastPush = 0;
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

  return { job, errors, loadError, live, follow, refresh, stop };
}
