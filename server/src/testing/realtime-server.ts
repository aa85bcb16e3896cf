/** A test's HTTP server with Socket.io attached, listening on a free port for the test file's lifetime. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { attachRealtime, type KezhuanIo } from '../realtime/socket';
import { testApp } from './harness';

export interface LiveServer {
  /** `http://127.0.0.1:<port>`, set once the server listens (read it inside tests, not at import). */
  readonly url: string;
  readonly io: KezhuanIo;
}

/** Starts the app with realtime before the file's tests and closes sockets and connections after them. */
export function listenWithRealtime(options?: Parameters<typeof testApp>[0]): LiveServer {
  let server: Server | undefined;
  let io: KezhuanIo | undefined;
  let url = '';
  beforeAll(async () => {
    const app = testApp(options);
    server = createServer(app);
    io = attachRealtime(server, app.locals.sessionMiddleware);
    const s = server;
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await io?.close();
    server?.closeAllConnections();
  });
  return {
    get url() {
      if (!url) {
        throw new Error('listenWithRealtime: the server is not listening yet (read url inside a test)');
      }
      return url;
    },
    get io() {
      if (!io) {
        throw new Error('listenWithRealtime: not started yet');
      }
      return io;
    },
  };
}
