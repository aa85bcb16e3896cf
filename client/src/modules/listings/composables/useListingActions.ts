import type { ListingKind } from '@kezhuan/shared';
import { ElMessage, ElMessageBox } from 'element-plus';
import { ref } from 'vue';
import { needsApi, resultsApi, type OwnerAction } from '../../../api/listings';
import { errorText, i18n } from '../../../i18n';

/**
 * Submit, withdraw or confirm (renew) a listing. `run` answers with the listing's new full view;
 * `perform` is what an owner's button does: asks before withdrawing, runs, and says how it went
 * (the new view, or null when cancelled or refused). `busy` names the action in flight so its
 * button can spin and the others wait.
 */
export function useListingActions(kind: ListingKind) {
  const busy = ref<OwnerAction | null>(null);

  async function run(id: string, action: OwnerAction) {
    busy.value = action;
    try {
      return kind === 'result' ? await resultsApi.transition(id, action) : await needsApi.transition(id, action);
    } finally {
      busy.value = null;
    }
  }

  const t = i18n.global.t;

  async function perform(id: string, action: OwnerAction) {
    if (action === 'withdraw') {
      try {
        await ElMessageBox.confirm(t('listing.actions.withdrawConfirm'), t('listing.actions.withdraw'), {
          type: 'warning',
          confirmButtonText: t('listing.actions.withdraw'),
          cancelButtonText: t('common.cancel'),
        });
      } catch {
        return null;
      }
    }
    try {
      const view = await run(id, action);
      ElMessage.success(t(`listing.actions.${action}Done`));
      return view;
    } catch (err) {
      ElMessage.error(errorText(err));
      return null;
    }
  }

  return { busy, run, perform };
}
