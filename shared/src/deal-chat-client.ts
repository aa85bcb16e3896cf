/**
 * The client side of deal-room chat, for any Socket.io-like socket (the room page, tests, the bench):
 * join with catch-up, send with retry until acknowledged, the shown list deduped by message id.
 *
 * Loss-free rules (the server half is server/src/modules/deals/deal.catchup.ts):
 * - Every message gets a client id before its first attempt; attempts repeat with the same id until
 *   an ack arrives (the server stores it once and answers a retry with the stored message).
 * - The list holds each message once by id, whether it came by broadcast, ack or catch-up.
 * - A (re)join asks for the messages after the highest CONTIGUOUS seq held (`contiguousSeq`), not
 *   the highest seen: seq 6 can arrive before seq 5 is stored. The join's `caughtUpTo` lets the mark
 *   step over numbers that will never get a message.
 */
import type { DealJoinAck, SocketAck } from './realtime';
import type { DealMessageView } from './schemas/deal';

/** The part of a socket.io-client `Socket` this needs (an acknowledgement is the last argument). */
export interface ChatSocket {
  readonly connected: boolean;
  // any: a typed socket.io Socket's emit takes an event-specific tuple, which no narrower signature accepts.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  emit(event: any, ...args: any[]): unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on(event: any, listener: (...args: never[]) => void): unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  off(event: any, listener: (...args: never[]) => void): unknown;
}

export interface DealChatOptions {
  /** An attempt is repeated when its connection drops, or without an ack after this long (default 20 s). */
  ackTimeoutMs?: number;
  /** Pause between attempts after a timeout or a server error (default 500 ms). */
  retryDelayMs?: number;
}

/** A message of one's own not yet acknowledged. */
export interface PendingDealMessage {
  clientId: string;
  body: string;
  /** How many times it has been sent. */
  attempts: number;
}

/** A refused request (4xx): retrying would not help. `error` is the server's error body. */
export class DealChatError extends Error {
  constructor(readonly error: Extract<SocketAck<unknown>, { ok: false }>['error']) {
    super(error.messageEn);
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** A client id for `deal:send` (22 random characters; getRandomValues works on plain-http pages too). */
export function newClientId(): string {
  const bytes = new Uint8Array(22);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => ALPHABET[b & 63]).join('');
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * One deal room's chat over a socket. `start()` joins (and re-joins on every reconnect, catching up
 * from `contiguousSeq`); `send(body)` resolves with the stored message once acknowledged;
 * `onChange(fn)` is called whenever `messages`, `pending` or `online` change.
 */
export class DealChat {
  /** Stored messages, each once, ordered by seq. */
  messages: DealMessageView[] = [];
  /** One's own messages still being delivered, oldest first. */
  pending: PendingDealMessage[] = [];
  /** Participants with the room open (from the join and `deal:presence`). */
  online: { id: string; name: string }[] = [];
  /** Every message with a seq up to this one is in `messages` (or will never exist). */
  contiguousSeq = 0;

  private readonly byId = new Map<string, DealMessageView>();
  private readonly seqs = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private joinedOnce = false;
  private stopped = false;
  private readonly ackTimeoutMs: number;
  private readonly retryDelayMs: number;

  constructor(
    private readonly socket: ChatSocket,
    readonly dealId: string,
    options: DealChatOptions = {},
  ) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 20_000;
    this.retryDelayMs = options.retryDelayMs ?? 500;
  }

  private readonly onMessage = (m: DealMessageView & { dealId: string }) => {
    if (m.dealId === this.dealId) {
      const { dealId: _room, ...message } = m;
      this.accept([message]);
    }
  };

  private readonly onPresence = (p: { dealId: string; online: { id: string; name: string }[] }) => {
    if (p.dealId === this.dealId) {
      this.online = p.online;
      this.changed();
    }
  };

  private readonly onConnect = () => {
    this.join().catch(() => undefined); // a refused re-join leaves the list as it is
  };

  /** Listens and joins; rejects with DealChatError when the room is refused (404/403). */
  async start(): Promise<void> {
    this.socket.on('deal:message', this.onMessage as never);
    this.socket.on('deal:presence', this.onPresence as never);
    this.socket.on('connect', this.onConnect);
    if (this.socket.connected) {
      await this.join();
    }
  }

  /** Stops listening and leaves the room; sends in progress give up. */
  stop(): void {
    this.stopped = true;
    this.socket.off('deal:message', this.onMessage as never);
    this.socket.off('deal:presence', this.onPresence as never);
    this.socket.off('connect', this.onConnect);
    if (this.socket.connected) {
      this.socket.emit('deal:leave', { dealId: this.dealId } as never);
    }
  }

  /** Calls `fn` after every change; returns the unsubscribe function. */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** What the page shows: the stored messages, then one's own still on their way. */
  shown(): ({ kind: 'stored'; message: DealMessageView } | { kind: 'pending'; message: PendingDealMessage })[] {
    return [...this.messages.map((message) => ({ kind: 'stored' as const, message })), ...this.pending.map((message) => ({ kind: 'pending' as const, message }))];
  }

  /**
   * Joins the room, catching up after `contiguousSeq` when it has joined before (all pages of it);
   * the first join brings the newest messages (older ones are history, paged over REST).
   */
  async join(): Promise<void> {
    let afterSeq: number | undefined = this.joinedOnce ? this.contiguousSeq : undefined;
    for (;;) {
      const r = await this.request<DealJoinAck>('deal:join', afterSeq === undefined ? { dealId: this.dealId } : { dealId: this.dealId, afterSeq });
      this.joinedOnce = true;
      this.online = r.online;
      this.contiguousSeq = Math.max(this.contiguousSeq, r.caughtUpTo);
      this.accept(r.messages);
      const last = r.messages.at(-1);
      if (afterSeq === undefined || !r.hasMore || !last) {
        return;
      }
      afterSeq = last.seq; // the next page; holes below it arrive by broadcast, the socket is in the room
    }
  }

  /**
   * Sends `body` and resolves with the stored message; attempts repeat with the same client id
   * through timeouts, disconnects and server errors until acknowledged. Rejects with DealChatError
   * when the server refuses it (validation, access, closed deal) and when stopped.
   */
  async send(body: string, clientId = newClientId()): Promise<DealMessageView> {
    const item: PendingDealMessage = { clientId, body, attempts: 0 };
    this.pending.push(item);
    this.changed();
    try {
      const payload = { dealId: this.dealId, clientId, body };
      // Attempts after the first say so: only then does the server look for the stored message first.
      const stored = await this.request<DealMessageView>('deal:send', (attempt) => (attempt > 1 ? { ...payload, retry: true } : payload), item);
      this.accept([stored]);
      return stored;
    } finally {
      this.pending = this.pending.filter((p) => p !== item);
      this.changed();
    }
  }

  /** Emits until an ack arrives: retries after timeouts and 5xx, rejects on 4xx. */
  private async request<T>(event: string, payload: object | ((attempt: number) => object), counter?: { attempts: number }): Promise<T> {
    let attempts = 0;
    for (;;) {
      if (this.stopped) {
        throw new DealChatError({ code: 'STOPPED', message: '已离开洽谈室', messageEn: 'Left the deal room', status: 499 });
      }
      if (!this.socket.connected) {
        await this.connected();
        continue;
      }
      attempts += 1;
      if (counter) {
        counter.attempts += 1;
      }
      const r = await this.attempt<T>(event, typeof payload === 'function' ? payload(attempts) : payload);
      if (r?.ok) {
        return r.data;
      }
      if (r && r.error.status < 500) {
        throw new DealChatError(r.error);
      }
      if (r || this.socket.connected) {
        await sleep(this.retryDelayMs); // a server error, or a timeout: not at once
      }
    }
  }

  /**
   * One emit; undefined when the connection dropped before the ack (or none came in ackTimeoutMs).
   * On a live connection nothing is lost, so a slow server is waited for rather than sent the same
   * message again (retries on a timer would pile up load exactly when the server is slow).
   */
  private attempt<T>(event: string, payload: object): Promise<SocketAck<T> | undefined> {
    return new Promise((resolve) => {
      const settle = (r: SocketAck<T> | undefined) => {
        clearTimeout(timer);
        this.socket.off('disconnect', dropped);
        resolve(r);
      };
      const dropped = () => settle(undefined);
      const timer = setTimeout(dropped, this.ackTimeoutMs);
      this.socket.on('disconnect', dropped);
      this.socket.emit(event, payload, (r: SocketAck<T>) => settle(r));
    });
  }

  /** Resolves on the next connect (or after a retry delay, to notice `stop()`). */
  private connected(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.socket.off('connect', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(this.retryDelayMs, 1_000));
      this.socket.on('connect', done);
    });
  }

  /** Adds messages not held yet (by id) and moves the contiguous mark. */
  private accept(incoming: readonly DealMessageView[]): void {
    let added = false;
    for (const m of incoming) {
      if (!this.byId.has(m.id)) {
        this.byId.set(m.id, m);
        this.seqs.add(m.seq);
        added = true;
      }
    }
    while (this.seqs.has(this.contiguousSeq + 1)) {
      this.contiguousSeq += 1;
    }
    if (added) {
      this.messages = [...this.byId.values()].sort((a, b) => a.seq - b.seq);
      this.changed();
    }
  }

  private changed(): void {
    this.listeners.forEach((fn) => fn());
  }
}
