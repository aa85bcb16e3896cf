import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { env } from './config/env';
import { logger } from './lib/logger';
import { ensureAdminFromEnv } from './modules/users/admin-bootstrap';
import { redacted, useRedisAdapter } from './realtime/redis-adapter';
import { attachRealtime } from './realtime/socket';
import { startRuntime } from './runtime';
import { seedDemoIfEmpty } from './seed/demo';
import { startWorkers } from './workers';
import { resumeImports } from './modules/imports/import.service';

async function main(): Promise<void> {
  const started = Date.now();
  const e = env();
  const log = logger();
  const runtime = await startRuntime();
  await ensureAdminFromEnv();
  if (e.SEED_DEMO && runtime.v1DataWaiting) {
    log.warn('demo data not seeded: the data of the earlier database waits to be migrated (npm run db:migrate-v1)');
  } else if (e.SEED_DEMO) {
    await seedDemoIfEmpty((msg) => log.info(msg));
  }
  const app = createApp({
    search: runtime.search,
    embeddedDb: runtime.embeddedDb,
    sessionSecret: runtime.sessionSecret,
    clientDist: e.SERVE_CLIENT ? undefined : null,
  });
  const workers = startWorkers(runtime.search, log);
  // An import that was committing when the last process died is finished (roll forward).
  void resumeImports().then(
    (r) => (r.resumed + r.interrupted + r.cleaned > 0 ? log.info(r, 'unfinished imports handled') : undefined),
    (err: unknown) => log.error({ err }, 'resuming imports failed'),
  );
  const server = createServer(app);
  const io = attachRealtime(server, app.locals.sessionMiddleware);
  const redis = e.REDIS_URL ? await useRedisAdapter(io, e.REDIS_URL) : undefined;
  log.info(e.REDIS_URL ? `realtime: Socket.io over Redis at ${redacted(e.REDIS_URL)} (events reach every server process)` : 'realtime: Socket.io in this process — REDIS_URL is not set');
  await new Promise<void>((resolve) => server.listen(e.PORT, e.HOST, resolve));
  const port = (server.address() as AddressInfo).port;
  log.info(`科转 Kezhuan ready at http://localhost:${port} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  // A machine-readable line for scripts and tests that start us.
  process.stdout.write(`KEZHUAN_READY port=${port}\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    log.info(`${signal}: shutting down`);
    await io.close();
    await redis?.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    app.locals.sessionStore.close();
    await workers.stop();
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  // Start-up errors are written plainly: they tell the user what to install or set.
  console.error(`\n[kezhuan] start failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
