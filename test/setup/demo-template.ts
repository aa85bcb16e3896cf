/**
 * Seeds the demo once per run for the browser tests: starts the platform on an empty data folder
 * with the demo (the same environment the browser tests use), waits until its search index is
 * reconciled, stops it cleanly and leaves the folder as a template. `startPlatform` copies it into
 * a test's own data folder instead of seeding again (each browser test file seeded the whole demo,
 * 1,500 results and their index, on its own: 25–70 s each). Made fresh every run, so it is never
 * older than the code or the dates the demo is relative to.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_TEMPLATE_ENV, DEMO_TEMPLATE_VAR, startPlatform } from '../support/platform';

export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'kz-demo-template-'));
  const platform = await startPlatform({ ...DEMO_TEMPLATE_ENV, DATA_DIR: dir }, 170_000);
  try {
    // The reconciliation's report lines come together once every index is in step with the database.
    const deadline = Date.now() + 170_000;
    while (!platform.output.some((l) => l.includes('search index '))) {
      if (Date.now() > deadline) {
        throw new Error(`demo template: the search index was not reconciled in time:\n${platform.output.join('\n')}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await platform.stop();
  }
  process.env[DEMO_TEMPLATE_VAR] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
