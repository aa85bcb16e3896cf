import { getCurrentInstance, onBeforeUnmount, ref, watch, type Ref } from 'vue';

/** The title a page asked for (a listing's title, a query); App.vue prefers it over the route's title key. */
export const pageTitle: Ref<string | null> = ref(null);

/**
 * Makes document.title carry what the page shows (`<title> · 科转`) while the page is mounted; null or
 * an empty string falls back to the route's title.
 */
export function usePageTitle(source: () => string | null | undefined): void {
  watch(source, (v) => (pageTitle.value = v?.trim() ? v.trim() : null), { immediate: true });
  if (getCurrentInstance()) {
    onBeforeUnmount(() => (pageTitle.value = null));
  }
}
