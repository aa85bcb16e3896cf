import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { i18n } from '../i18n';
import { routes } from '../router';

/** A router over the app's own routes (without the guard), in memory. */
export function testRouter(): Router {
  return createRouter({ history: createMemoryHistory(), routes });
}

/**
 * Runs a composable inside a mounted component (for composables that need the router or vue-i18n)
 * and returns what it returned, with the router and pinia it ran with.
 */
export function withSetup<T>(composable: () => T, options: { router?: Router; pinia?: Pinia } = {}) {
  const router = options.router ?? testRouter();
  const pinia = options.pinia ?? createPinia();
  setActivePinia(pinia);
  let result!: T;
  const Host = defineComponent({
    setup() {
      result = composable();
      return () => h('div');
    },
  });
  const wrapper = mount(Host, { global: { plugins: [i18n, router, pinia, ElementPlus] } });
  return { result, router, pinia, wrapper };
}
