// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { useMediaQuery } from './useMediaQuery';

type Listener = (e: { matches: boolean }) => void;

function fakeMatchMedia(initial: boolean) {
  const listeners = new Set<Listener>();
  const mql = {
    matches: initial,
    addEventListener: (_: string, cb: Listener) => listeners.add(cb),
    removeEventListener: (_: string, cb: Listener) => listeners.delete(cb),
  };
  vi.stubGlobal('matchMedia', vi.fn(() => mql));
  return { listeners, fire: (matches: boolean) => listeners.forEach((cb) => cb({ matches })) };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useMediaQuery', () => {
  it('starts from the current match and follows changes until its scope ends', () => {
    const media = fakeMatchMedia(true);
    const scope = effectScope();
    const narrow = scope.run(() => useMediaQuery('(max-width: 640px)'))!;
    expect(narrow.value).toBe(true);

    media.fire(false);
    expect(narrow.value).toBe(false);

    scope.stop();
    expect(media.listeners.size).toBe(0);
  });
});
