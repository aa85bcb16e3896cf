import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue';

/** Whether a CSS media query matches now, kept up to date (false where `matchMedia` is missing). */
export function useMediaQuery(query: string): Readonly<Ref<boolean>> {
  const mql = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
  const matches = ref(mql?.matches ?? false);
  if (mql) {
    const onChange = (e: MediaQueryListEvent) => {
      matches.value = e.matches;
    };
    mql.addEventListener('change', onChange);
    if (getCurrentScope()) {
      onScopeDispose(() => mql.removeEventListener('change', onChange));
    }
  }
  return matches;
}
