// @vitest-environment happy-dom
import type { NotificationView } from '@kezhuan/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../../testing/fakeFetch';
import { withSetup } from '../../../testing/withSetup';
import { useOpenNotification } from './useOpenNotification';

vi.mock('socket.io-client', () => ({ io: vi.fn() }));

afterEach(() => {
  vi.unstubAllGlobals();
});

const note = (link: string, read = false): NotificationView => ({
  id: 'ffffffffffffffffffffffff',
  kind: 'listing.reviewed',
  title: '已通过审核',
  titleEn: 'Approved',
  body: '',
  bodyEn: '',
  link,
  read,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('useOpenNotification', () => {
  it('marks an unread notification read and opens its link', async () => {
    const sent = fakeFetch(() => [200, { unread: 0 }]);
    const { result, router } = withSetup(() => useOpenNotification());
    await result.open(note('/results/bbbbbbbbbbbbbbbbbbbbbbbb'));
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /notifications/ffffffffffffffffffffffff/read']);
    expect(router.currentRoute.value.path).toBe('/results/bbbbbbbbbbbbbbbbbbbbbbbb');
  });

  it('does not mark a read one again and never follows a link off the site', async () => {
    const sent = fakeFetch(() => [200, { unread: 0 }]);
    const { result, router } = withSetup(() => useOpenNotification());
    await router.push('/about');
    await result.open(note('https://evil.example/x', true));
    await result.open(note('//evil.example', true));
    expect(sent).toHaveLength(0);
    expect(router.currentRoute.value.path).toBe('/about');
  });
});
