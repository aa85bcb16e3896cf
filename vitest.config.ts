import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Projects: shared (pure unit), server (unit + route tests against a real FerretDB, and a real
 * Meilisearch where ../shared/bin/meilisearch exists), client (components and composables), e2e
 * (the platform as a process), browser (the built platform in Debian's Chromium). The global setup starts the servers once per run.
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/setup/summary-reporter.ts'],
    projects: [
      { test: { name: 'shared', root: './shared', include: ['src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'server',
          root: './server',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['../test/setup/servers.ts'],
          setupFiles: ['../test/setup/no-network.ts'],
          env: { NODE_ENV: 'test' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(existsSync('./client/vitest.config.ts') ? ['./client/vitest.config.ts'] : []),
      {
        test: {
          name: 'e2e',
          root: './test',
          include: ['*.test.ts'],
          environment: 'node',
          globalSetup: ['./setup/servers.ts'],
          setupFiles: ['./setup/no-network.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          root: './test',
          include: ['browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./setup/client-build.ts', './setup/demo-template.ts'],
          setupFiles: ['./setup/no-network.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
