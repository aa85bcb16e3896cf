import type { ImportJobDetailView, ImportJobView, ImportRowError } from '@kezhuan/shared';
import { shallowRef } from 'vue';
import { useLiveProgress, type LiveProgressOptions } from '../../../composables/useLiveProgress';
import { importsApi } from '../api';
import { isFinished, isNewerJob } from '../progress';

export interface UseImportJobOptions extends LiveProgressOptions {
  /** Called with every new state of the followed job (e.g. to update its row in the history). */
  onChange?: (job: ImportJobView) => void;
}

/**
 * Follows one import job until it is finished (`import:progress` pushes, polling when they do not
 * come). Once the job is finished its first problems are loaded: they come with the detail view only.
 */
export function useImportJob(options: UseImportJobOptions = {}) {
  const job = shallowRef<ImportJobView | null>(null);
  const errors = shallowRef<ImportRowError[]>([]);

  function accept(next: ImportJobView | ImportJobDetailView): void {
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
      void progress.refresh();
    }
  }

  const progress = useLiveProgress<ImportJobView | ImportJobDetailView>(
    {
      event: 'import:progress',
      current: () => job.value,
      fetch: (id) => importsApi.get(id),
      accept,
      running: () => job.value !== null && !isFinished(job.value.status),
    },
    options,
  );

  /** Shows a job (just uploaded, or picked from the history) and follows it if it is still running. */
  function follow(start: ImportJobView): void {
    job.value = start;
    errors.value = [];
    progress.start();
  }

  return { job, errors, loadError: progress.loadError, live: progress.live, follow, refresh: progress.refresh, stop: progress.stop };
}
