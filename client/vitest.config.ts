import { defineProject, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

/** The `client` test project; the root vitest.config.ts can list this file under `projects`. */
export default mergeConfig(
  viteConfig,
  defineProject({
    test: {
      name: 'client',
      include: ['src/**/*.test.ts'],
      environment: 'node',
    },
  }),
);
