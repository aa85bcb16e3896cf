import { useI18n } from 'vue-i18n';
import { useConfirmAction } from '../../../composables/useConfirmAction';
import { useAuthStore } from '../../auth/store';
import { orgMembershipApi } from '../api';

/**
 * Ending one's membership after a confirmation: withdrawing a pending request or leaving the
 * organisation. The account is reloaded afterwards, so the page shows "join an organisation".
 */
export function useLeaveOrg() {
  const { t } = useI18n();
  const auth = useAuthStore();
  const { busy, run } = useConfirmAction();

  function exit(kind: 'withdraw' | 'leave', org: { id: string; name: string }): Promise<boolean> {
    const withdraw = kind === 'withdraw';
    const title = withdraw ? t('org.request.withdraw') : t('org.leave.action');
    const message = withdraw ? t('org.request.withdrawConfirm', { org: org.name }) : t('org.leave.confirm', { org: org.name });
    return run(org.id, async () => {
      await (withdraw ? orgMembershipApi.withdraw(org.id) : orgMembershipApi.leave(org.id));
      await auth.load();
    }, { confirm: { title, message }, done: withdraw ? t('org.request.withdrawn') : t('org.leave.done') });
  }

  return { busy, exit };
}
