/**
 * Rebuilds every user's notification counters (unread, total) from the notifications:
 *   npm run db:repair-counters
 * The counters are kept with $inc beside each write and repair themselves where the exact figure is
 * cheap (small unread counts, last pages); run this after restoring a backup, after loading
 * notifications in bulk, or if a large count looks wrong. Safe to run while the server runs.
 */
import { rebuildNotificationCounters } from '../modules/notifications/notification.counters';
import { startRuntime } from '../runtime';

const runtime = await startRuntime();
try {
  const t = Date.now();
  const { users } = await rebuildNotificationCounters();
  console.log(`notification counters rebuilt for ${users} users in ${((Date.now() - t) / 1000).toFixed(1)} s`);
} finally {
  await runtime.stop();
}
