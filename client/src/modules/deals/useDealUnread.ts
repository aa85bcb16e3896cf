import type { DealUnreadView } from '@kezhuan/shared';
import { ref } from 'vue';
import { api } from '../../api/client';

/** Unread messages over the caller's deal rooms: one count for the whole app (the badge of 我的洽谈). */
const unread = ref(0);
let pending: Promise<void> | null = null;

async function fetchUnread(): Promise<void> {
  try {
    unread.value = (await api.get<DealUnreadView>('/deals/unread')).unread;
  } catch {
    // The badge is a hint: on failure it keeps its last value.
  }
}

/** `refresh()` asks the server again (one request at a time); `clear()` on signing out. */
export function useDealUnread() {
  return {
    unread,
    refresh: (): Promise<void> => (pending ??= fetchUnread().finally(() => (pending = null))),
    clear: (): void => {
      unread.value = 0;
    },
  };
}
