import type { PairingRunView } from '@kezhuan/shared';
import { shallowRef } from 'vue';
import { useLiveProgress, type LiveProgressOptions } from '../../../composables/useLiveProgress';
import { pairingAdminApi } from '../api';
import { isNewerRun } from '../review';

export interface UseRunProgressOptions extends LiveProgressOptions {
  /** Called with every new state of the followed run (e.g. to refresh the list of runs when it finishes). */
  onChange?: (run: PairingRunView) => void;
}

/** Follows one pairing run until it has finished: `pairing:progress` pushes, polling when they do not come. */
export function useRunProgress(options: UseRunProgressOptions = {}) {
  const run = shallowRef<PairingRunView | null>(null);

  const progress = useLiveProgress<PairingRunView>(
    {
      event: 'pairing:progress',
      current: () => run.value,
      fetch: (id) => pairingAdminApi.get(id),
      accept: (next) => {
        if (run.value && isNewerRun(run.value, next)) {
          run.value = next;
          options.onChange?.(next);
        }
      },
      running: () => run.value?.status === 'running',
    },
    options,
  );

  /** Shows a run (just started, or picked from the list) and follows it while it runs. */
  function follow(start: PairingRunView): void {
    run.value = start;
    progress.start();
  }

  return { run, live: progress.live, loadError: progress.loadError, follow, refresh: progress.refresh, stop: progress.stop };
}
