/**
 * Socket.io across several server processes: with `REDIS_URL`, events emitted to a room in one
 * process reach the room's sockets in every process (the official Redis adapter, publish/subscribe
 * over two connections). Without it, one process serves its own sockets, which is all a single
 * process needs.
 */
import type { Server } from 'socket.io';
import { logger } from '../lib/logger';

export interface RedisLink {
  close(): Promise<void>;
}

/** Puts the server on Redis; resolves once both connections are ready (fails fast when Redis is not there). */
export async function useRedisAdapter(io: Server, url: string): Promise<RedisLink> {
  // Loaded only when Redis is configured: ioredis and the adapter cost every other start ~0.1 s.
  const [{ createAdapter }, { Redis }] = await Promise.all([import('@socket.io/redis-adapter'), import('ioredis')]);
  const options = { lazyConnect: true, maxRetriesPerRequest: 3, connectTimeout: 5_000 };
  const pub = new Redis(url, options);
  const sub = pub.duplicate();
  // After start-up, a lost connection is retried by ioredis; say so instead of an unhandled error.
  let connected = false;
  for (const client of [pub, sub]) {
    client.on('error', (err: Error) => {
      if (connected) {
        logger().warn({ err: err.message }, 'Redis connection problem; retrying');
      }
    });
  }
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (err) {
    pub.disconnect();
    sub.disconnect();
    throw new Error(`Redis at ${redacted(url)} is not reachable: ${err instanceof Error ? err.message : String(err)}`);
  }
  connected = true;
  io.adapter(createAdapter(pub, sub));
  return {
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}

/** The URL without its password, for logs. */
export function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) {
      u.password = '***';
    }
    return u.toString();
  } catch {
    return 'REDIS_URL';
  }
}
