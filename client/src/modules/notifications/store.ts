import { SOCKET_PATH, type ClientToServerEvents, type NotificationView, type ServerToClientEvents } from '@kezhuan/shared';
import { defineStore } from 'pinia';
import { io, type Socket } from 'socket.io-client';
import { ref, shallowRef } from 'vue';
import { notificationsApi } from '../../api/notifications';

const LATEST = 5;

/**
 * The signed-in user's notifications: the unread count and the latest few for the header bell,
 * kept live over Socket.io between `start()` (after sign-in) and `stop()` (on sign-out).
 */
export const useNotificationStore = defineStore('notifications', () => {
  const unread = ref(0);
  const latest = shallowRef<NotificationView[]>([]);
  const connected = ref(false);
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;

  async function refresh(): Promise<void> {
    const [count, page] = await Promise.all([notificationsApi.unreadCount(), notificationsApi.list({ page: 1, pageSize: LATEST })]);
    unread.value = count.unread;
    latest.value = page.items;
  }

  function connect(): void {
    socket = io({ path: SOCKET_PATH, withCredentials: true });
    socket.on('connect', () => {
      connected.value = true;
    });
    socket.on('disconnect', () => {
      connected.value = false;
    });
    socket.on('notification:unread', ({ unread: n }) => {
      unread.value = n;
    });
    socket.on('notification:new', (n) => {
      latest.value = [n, ...latest.value.filter((x) => x.id !== n.id)].slice(0, LATEST);
    });
  }

  /** Loads the count and the latest, and opens the live connection (once). */
  async function start(): Promise<void> {
    if (!socket) {
      connect();
    }
    try {
      await refresh();
    } catch {
      // The bell simply shows nothing until the next push or page load.
    }
  }

  /** Closes the connection and forgets everything (sign-out). */
  function stop(): void {
    socket?.removeAllListeners();
    socket?.disconnect();
    socket = null;
    connected.value = false;
    unread.value = 0;
    latest.value = [];
  }

  async function markRead(id: string): Promise<void> {
    const { unread: n } = await notificationsApi.markRead(id);
    unread.value = n;
    latest.value = latest.value.map((x) => (x.id === id ? { ...x, read: true } : x));
  }

  async function markAllRead(): Promise<void> {
    const { unread: n } = await notificationsApi.markAllRead();
    unread.value = n;
    latest.value = latest.value.map((x) => ({ ...x, read: true }));
  }

  return { unread, latest, connected, start, stop, refresh, markRead, markAllRead };
});
