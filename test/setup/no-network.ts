/**
 * Any unplanned outbound network call fails the test: sockets may only go to loopback.
 */
import net from 'node:net';

const allowed = (host: unknown) =>
  host === undefined || host === 'localhost' || host === '::1' || (typeof host === 'string' && host.startsWith('127.'));

const original = net.Socket.prototype.connect;
net.Socket.prototype.connect = function patched(this: net.Socket, ...args: unknown[]) {
  const first = args[0];
  const opts = typeof first === 'object' && first !== null && !Array.isArray(first) ? (first as { host?: unknown; path?: unknown }) : undefined;
  const host = opts ? opts.host : typeof args[1] === 'string' ? args[1] : undefined;
  if (!opts?.path && !allowed(host)) {
    throw new Error(`unplanned network call to ${String(host)} in a test`);
  }
  return (original as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
