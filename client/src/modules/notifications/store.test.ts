import type { NotificationView } from '@kezhuan/shared';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../testing/fakeFetch';

type Listener = (payload: unknown) => void;

/** A stand-in for the socket.io client: records listeners so the test can play server events. */
const socket = vi.hoisted(() => {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    on: vi.fn((event: string, cb: Listener) => listeners.set(event, cb)),
    removeAllListeners: vi.fn(() => listeners.clear()),
    disconnect: vi.fn(),
    emit(event: string, payload?: unknown) {
      listeners.get(event)?.(payload);
    },
  };
});
const io = vi.hoisted(() => vi.fn(() => socket));
vi.mock('socket.io-client', () => ({ io }));

const { useNotificationStore } = await import('./store');

const note = (id: string, read = false): NotificationView => ({
  id: id.padStart(24, '0'),
  kind: 'listing.match',
  title: `通知 ${id}`,
  titleEn: `Notice ${id}`,
  body: '',
  bodyEn: '',
  link: '/results/1',
  read,
  createdAt: '2026-01-01T00:00:00.000Z',
});

beforeEach(() => {
  setActivePinia(createPinia());
  io.mockClear();
  socket.disconnect.mockClear();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('notification store', () => {
  it('loads the count and the latest five, and connects on the shared socket path with cookies', async () => {
    const sent = fakeFetch((req) => (req.url.startsWith('/notifications/unread-count') ? [200, { unread: 2 }] : [200, { items: [note('1'), note('2')], total: 2, page: 1, pageSize: 5 }]));
    const store = useNotificationStore();
    await store.start();
    expect(io).toHaveBeenCalledWith({ path: '/api/socket.io', withCredentials: true });
    expect(sent.map((r) => r.url).sort()).toEqual(['/notifications/unread-count', '/notifications?page=1&pageSize=5']);
    expect(store.unread).toBe(2);
    expect(store.latest).toHaveLength(2);
  });

  it('follows live events: new notifications go on top (five at most) and the count is replaced', async () => {
    fakeFetch((req) => (req.url.includes('unread-count') ? [200, { unread: 5 }] : [200, { items: ['1', '2', '3', '4', '5'].map((i) => note(i)), total: 5, page: 1, pageSize: 5 }]));
    const store = useNotificationStore();
    await store.start();
    socket.emit('notification:new', note('6'));
    socket.emit('notification:unread', { unread: 6 });
    expect(store.unread).toBe(6);
    expect(store.latest.map((n) => n.title)).toEqual(['通知 6', '通知 1', '通知 2', '通知 3', '通知 4']);
  });

  it('marks one or all read with the server’s count', async () => {
    fakeFetch((req) => {
      if (req.url.includes('unread-count')) {
        return [200, { unread: 2 }];
      }
      if (req.method === 'POST') {
        return [200, { unread: req.url.endsWith('read-all') ? 0 : 1 }];
      }
      return [200, { items: [note('1'), note('2')], total: 2, page: 1, pageSize: 5 }];
    });
    const store = useNotificationStore();
    await store.start();
    await store.markRead(note('1').id);
    expect(store.unread).toBe(1);
    expect(store.latest[0]?.read).toBe(true);
    await store.markAllRead();
    expect(store.unread).toBe(0);
    expect(store.latest.every((n) => n.read)).toBe(true);
  });

  it('disconnects and forgets everything on sign-out, and connects only once', async () => {
    fakeFetch((req) => (req.url.includes('unread-count') ? [200, { unread: 3 }] : [200, { items: [note('1')], total: 1, page: 1, pageSize: 5 }]));
    const store = useNotificationStore();
    await store.start();
    await store.start();
    expect(io).toHaveBeenCalledTimes(1);
    store.stop();
    expect(socket.disconnect).toHaveBeenCalled();
    expect(store.unread).toBe(0);
    expect(store.latest).toEqual([]);
  });
});
