import { ElMessage, ElMessageBox } from 'element-plus';
import { ref } from 'vue';
import { errorText, i18n } from '../i18n';

/** The question asked before an action runs; `button` names the action on the confirming button. */
export interface ConfirmQuestion {
  title: string;
  message: string;
  button?: string;
}

/**
 * An action on one row or thing, as the admin tables and "my organisation" run them: optionally
 * ask first, mark the key busy (its button spins), say that it was done or why it failed.
 * `run` answers true when the action ran and succeeded, false when cancelled or refused.
 */
export function useConfirmAction() {
  const busy = ref<string | null>(null);
  const t = i18n.global.t;

  async function run(key: string, action: () => Promise<unknown>, opts: { done?: string; confirm?: ConfirmQuestion } = {}): Promise<boolean> {
    const q = opts.confirm;
    if (q) {
      try {
        await ElMessageBox.confirm(q.message, q.title, { type: 'warning', confirmButtonText: q.button ?? q.title, cancelButtonText: t('common.cancel') });
      } catch {
        return false; // cancelled
      }
    }
    busy.value = key;
    try {
      await action();
      if (opts.done) {
        ElMessage.success(opts.done);
      }
      return true;
    } catch (err) {
      ElMessage.error(errorText(err));
      return false;
    } finally {
      busy.value = null;
    }
  }

  return { busy, run };
}
