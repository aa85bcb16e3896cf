import type { DealMessageView } from '@kezhuan/shared';

/**
 * The messages of a room as the client holds them: each stored message once (by id), in the
 * room's order (seq), and the highest seq up to which nothing is missing — where a catch-up after a
 * reconnect starts. Pure, so the chat composable's delivery rules can be read apart from its I/O.
 */
export interface ChatLog {
  /** Stored messages, ascending seq, each id once. */
  messages: DealMessageView[];
  /** Every seq up to this one (from the oldest window loaded) is held. */
  contiguous: number;
}

export const emptyChatLog = (): ChatLog => ({ messages: [], contiguous: 0 });

/** Moves `contiguous` forward over the seqs now held (a live message after a gap waits for the gap). */
function advance(messages: readonly DealMessageView[], from: number): number {
  const seqs = new Set(messages.map((m) => m.seq));
  let c = from;
  while (seqs.has(c + 1)) {
    c += 1;
  }
  return c;
}

/** Adds messages, dropping those already held (a retry's echo, a broadcast of one's own message). */
export function mergeMessages(log: ChatLog, incoming: readonly DealMessageView[]): ChatLog {
  const known = new Set(log.messages.map((m) => m.id));
  const fresh = incoming.filter((m) => !known.has(m.id) && (known.add(m.id), true));
  if (fresh.length === 0) {
    return log;
  }
  const messages = [...log.messages, ...fresh].sort((a, b) => a.seq - b.seq);
  return { messages, contiguous: advance(messages, log.contiguous) };
}

/**
 * Adds a page the server says is complete up to its last message (the newest page, or a catch-up
 * with nothing more after it): everything up to its highest seq is known, even across a seq the
 * server never stored.
 */
export function mergeComplete(log: ChatLog, page: readonly DealMessageView[]): ChatLog {
  const merged = mergeMessages(log, page);
  const top = page.reduce((max, m) => Math.max(max, m.seq), 0);
  const contiguous = Math.max(merged.contiguous, top);
  return contiguous === merged.contiguous ? merged : { ...merged, contiguous: advance(merged.messages, contiguous) };
}

/** The id of the message at `contiguous` (the REST catch-up cursor), null when none is held yet. */
export function cursorOf(log: ChatLog): string | null {
  return log.messages.find((m) => m.seq === log.contiguous)?.id ?? null;
}

/** A client-generated message id (the server's clientId format: 8–64 of [A-Za-z0-9_-]). */
export function newClientId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `c${Date.now().toString(36)}${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`.slice(0, 64);
}
