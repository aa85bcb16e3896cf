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
      // Components are tested outside their routes: every feature catalogue is loaded first.
      setupFiles: ['src/testing/i18nFeatures.ts'],
    },
  }),
);
