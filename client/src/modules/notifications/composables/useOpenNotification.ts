import type { NotificationView } from '@kezhuan/shared';
import { useRouter } from 'vue-router';
import { safeRedirect } from '../../../utils/safeRedirect';
import { useNotificationStore } from '../store';

/** Opening a notification marks it read and follows its in-app link (never an outside address). */
export function useOpenNotification() {
  const store = useNotificationStore();
  const router = useRouter();

  async function open(item: NotificationView): Promise<void> {
    if (!item.read) {
      try {
        await store.markRead(item.id);
      } catch {
        // Still follow the link; it stays unread and the count corrects itself on the next push.
      }
    }
    const to = safeRedirect(item.link);
    if (to) {
      await router.push(to);
    }
  }

  return { open };
}
