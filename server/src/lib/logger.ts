import { pino, type Logger } from 'pino';
import { env } from '../config/env';

let instance: Logger | undefined;

/** The process logger (pretty in a terminal, JSON otherwise). */
export function logger(): Logger {
  if (!instance) {
    const e = env();
    const level = e.NODE_ENV === 'test' && !process.env.LOG_LEVEL ? 'silent' : e.LOG_LEVEL;
    instance = pino({
      level,
      ...(process.stdout.isTTY && e.NODE_ENV !== 'production'
        ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } }
        : {}),
    });
  }
  return instance;
}
