/**
 * Vitest global setup: one real database, FerretDB 2 on a managed PostgreSQL with DocumentDB (and Meilisearch, where its binary is beside the checkout)
 * for the whole run, each in a temporary folder. Test files use their own database names and index
 * names, so nothing one file writes is seen by another.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase } from '../../server/src/supervisor/ferretdb';
import { startManagedMeili } from '../../server/src/supervisor/meilisearch';

import '../../server/src/testing/provided';

const GIVEN_MEILI = resolve(import.meta.dirname, '../../../shared/bin/meilisearch');

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'kz-test-'));
  const stops: (() => Promise<void>)[] = [];

  let mongoUri = process.env.MONGODB_URI ?? '';
  if (!mongoUri) {
    // One managed PostgreSQL cluster (initdb, DocumentDB) with FerretDB 2 in front, for the whole run.
    const db = await startEmbeddedDatabase({ dataDir: dir });
    stops.push(() => db.stop());
    mongoUri = db.uri;
  }

  let meiliHost = process.env.MEILI_HOST ?? '';
  let meiliKey = process.env.MEILI_MASTER_KEY ?? '';
  if (!meiliHost && existsSync(GIVEN_MEILI)) {
    const m = await startManagedMeili({ bin: GIVEN_MEILI, dataDir: dir, production: false });
    stops.push(() => m.child.stop());
    meiliHost = m.host;
    meiliKey = m.masterKey;
  }
  if (!meiliHost) {
    console.warn('[test] no Meilisearch (MEILI_HOST unset and ../shared/bin/meilisearch missing): its tests will skip');
  }

  project.provide('mongoUri', mongoUri);
  project.provide('meiliHost', meiliHost);
  project.provide('meiliKey', meiliKey);

  return async () => {
    await Promise.all(stops.map((s) => s()));
    rmSync(dir, { recursive: true, force: true });
  };
}
