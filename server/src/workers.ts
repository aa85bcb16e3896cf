import type { Logger } from 'pino';
import { sweepEmailVerifications } from './modules/auth/email-verification.service';
import { sweepRegistrationCodes } from './modules/auth/registration.service';
import { sweepPasswordResets } from './modules/auth/password-reset.service';
import { sweepAttempts } from './modules/auth/throttle';
import { sweepOverdueMilestones } from './modules/funded-projects/funded-project.sweep';
import { pruneImportJobs } from './modules/imports/import.retention';
import { IndexSync, type ReconcileProgress } from './modules/indexing/index-sync';
import { expireStaleBookings } from './modules/instruments/booking.service';
import { instrumentIndexSource } from './modules/instruments/instrument.search';
import { needIndexSource, resultIndexSource } from './modules/listings/listing.index-sources';
import { expireStaleListings } from './modules/listings/review.service';
import { announcePublications } from './modules/matching/announcer';
import { recentSearchWrite, takeReconcileRequest } from './modules/indexing/write-hint';
import { slowDb } from './lib/db';
import { DutyCycle } from './lib/duty-cycle';
import { Lease } from './lib/lease';
import { ResilientSearchEngine } from './search/resilient';
import type { PlatformSearch } from './search/search.service';

export interface Workers {
  sync: IndexSync;
  /** Resolves when the start-up reconciliation has finished. */
  reconciled: Promise<void>;
  stop(): Promise<void>;
}

/**
 * The index sync over every indexed collection. With Meilisearch (one engine shared by every server
 * process) the processes take turns through a lease in the database, so a batch is pushed once.
 */
export function createIndexSync(search: PlatformSearch, log?: Logger): IndexSync {
  const lease = search.engine.kind === 'meilisearch' ? new Lease('index-sync', 60_000) : undefined;
  return new IndexSync(
    search.engine,
    [resultIndexSource, needIndexSource, instrumentIndexSource],
    (err, index, id) => log?.error({ err, index, id }, 'a record could not be indexed; it stays dirty and is retried'),
    lease,
  );
}

/**
 * Background work of a server process: reconcile the search index with the database at start
 * (repairs a crash between a database write and its index write), push every write to the index
 * within about a second, announce new publications, and the hourly sweeps (listing expiry, old
 * login attempts, import jobs past retention, unanswered booking requests past their expiry). Several processes may run these: every step is idempotent.
 */
export function startWorkers(search: PlatformSearch, log: Logger, opts: { tickMs?: number } = {}): Workers {
  const sync = createIndexSync(search, log);
  let stopped = false;
  let busy: Promise<unknown> = Promise.resolve();
  const onProgress = (p: ReconcileProgress) => {
    if (p.phase === 'write' || p.done % 5000 === 0) {
      log.info(`reconcile ${p.index}: ${p.done}/${p.total}`);
    }
  };
  const reconciled = sync.reconcile(onProgress).then(
    (reports) => {
      // Every document was re-sent where the two engines could differ: Meilisearch is current again.
      const engine = search.engine;
      if (engine instanceof ResilientSearchEngine) {
        engine.staleIndexes().forEach((i) => engine.markReconciled(i));
      }
      for (const r of reports) {
        log.info(`search index ${r.index}: ${r.checked} checked, ${r.added} added, ${r.updated} updated, ${r.removed} removed`);
      }
    },
    (err: unknown) => log.error({ err }, 'search reconciliation failed; the next start tries again'),
  );
  // Without a write hinted in this process, the checks for other processes' writes run every tick
  // (indexed reads of the pending set). On FerretDB v1 they are collection scans, so there they run
  // on a duty cycle: every 15 s (announcements every 60 s) while they are quick, rarer as they grow slow.
  const v1 = slowDb();
  const idleFlush = new DutyCycle(v1 ? 15_000 : 0, v1 ? 0.05 : 1);
  const idleAnnounce = new DutyCycle(v1 ? 60_000 : 5_000, v1 ? 0.05 : 1);
  const tick = async () => {
    await reconciled;
    if (takeReconcileRequest()) {
      await sync.reconcile(onProgress);
    }
    let pushed: number;
    if (recentSearchWrite()) {
      pushed = await sync.flush();
    } else if (idleFlush.due()) {
      pushed = await idleFlush.run(() => sync.flush());
    } else {
      return;
    }
    if (pushed > 0) {
      await announcePublications(search.engine);
    } else if (idleAnnounce.due()) {
      await idleAnnounce.run(() => announcePublications(search.engine));
    }
  };
  // One tick at a time: a slow flush must not be overlapped by the next second's tick.
  let ticking = false;
  const timer = setInterval(() => {
    if (!stopped && !ticking) {
      ticking = true;
      busy = tick()
        .catch((err: unknown) => log.warn({ err }, 'index worker failed; retrying'))
        .finally(() => (ticking = false));
    }
  }, opts.tickMs ?? 1000);
  const sweep = async () => {
    const expired = await expireStaleListings();
    const attempts = await sweepAttempts();
    const passwordResets = await sweepPasswordResets();
    const emailVerifications = await sweepEmailVerifications();
    const registrationCodes = await sweepRegistrationCodes();
    const importJobs = await pruneImportJobs();
    const bookings = await expireStaleBookings();
    const overdueMilestones = await sweepOverdueMilestones();
    log.debug({ expired, attempts, passwordResets, emailVerifications, registrationCodes, importJobs, bookings, overdueMilestones }, 'hourly sweep');
  };
  const hourly = setInterval(() => void sweep().catch((err: unknown) => log.warn({ err }, 'sweep failed')), 3600_000);
  void reconciled.then(() => sweep()).catch((err: unknown) => log.warn({ err }, 'sweep failed'));
  timer.unref();
  hourly.unref();
  return {
    sync,
    reconciled,
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearInterval(hourly);
      await busy;
    },
  };
}
