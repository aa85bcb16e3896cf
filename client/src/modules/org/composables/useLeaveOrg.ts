import { ElMessage, ElMessageBox } from 'element-plus';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { errorText } from '../../../i18n';
import { useAuthStore } from '../../auth/store';
import { orgMembershipApi } from '../api';

/**
 * Ending one's membership after a confirmation: withdrawing a pending request or leaving the
 * organisation. The account is reloaded afterwards, so the page shows "join an organisation".
 */
export function useLeaveOrg() {
  const { t } = useI18n();
  const auth = useAuthStore();
  const busy = ref(false);

  async function exit(kind: 'withdraw' | 'leave', org: { id: string; name: string }): Promise<boolean> {
    const title = kind === 'withdraw' ? t('org.request.withdraw') : t('org.leave.action');
    const text = kind === 'withdraw' ? t('org.request.withdrawConfirm', { org: org.name }) : t('org.leave.confirm', { org: org.name });
    try {
      await ElMessageBox.confirm(text, title, { type: 'warning', confirmButtonText: title, cancelButtonText: t('common.cancel') });
    } catch {
      return false; // cancelled
    }
    busy.value = true;
    try {
      await (kind === 'withdraw' ? orgMembershipApi.withdraw(org.id) : orgMembershipApi.leave(org.id));
      ElMessage.success(kind === 'withdraw' ? t('org.request.withdrawn') : t('org.leave.done'));
      await auth.load();
      return true;
    } catch (err) {
      ElMessage.error(errorText(err));
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { busy, exit };
}
