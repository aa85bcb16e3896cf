import type { DealMessageView, ServerToClientEvents } from '@kezhuan/shared';
import { computed, getCurrentScope, onScopeDispose, ref, shallowRef } from 'vue';
import { ApiError } from '../../api/client';
import { dealChatApi, type DealChatApi } from './api';
import { chatPresence } from './chatPresence';
import { cursorOf, emptyChatLog, mergeComplete, mergeMessages, newClientId, type ChatLog } from './chatLog';
import { askSocket, openDealSocket, type DealChatSocket, type Person } from './dealSocket';

export type { DealChatSocket, Person } from './dealSocket';

/** A message of mine not yet acknowledged: sending (retried by itself) or failed (retried on request). */
export interface PendingMessage {
  clientId: string;
  body: string;
  at: string;
  state: 'sending' | 'failed';
  error: unknown;
  attempts: number;
}

export interface DealChatOptions {
  connect?: () => DealChatSocket;
  api?: DealChatApi;
  /** The signed-in user's id (own messages, own read marker). */
  me: () => string | null;
  /** Administrators read: they neither send nor mark read. */
  readOnly?: () => boolean;
  /** A closed deal gets no new messages: no polling for them. */
  closed?: () => boolean;
  /** Another part of the room changed (`deal:updated`): the page reloads it. */
  onUpdated?: (p: Parameters<ServerToClientEvents['deal:updated']>[0]) => void;
  /** How long a socket request may go unanswered before REST takes over (ms). */
  ackMs?: number;
  /** Wait before retrying a failed delivery by itself (ms). */
  retryMs?: number;
  /** How often to ask REST for new messages while the socket does not answer (ms). */
  pollMs?: number;
  /** Automatic attempts before a message shows as failed. */
  maxAttempts?: number;
  pageSize?: number;
}

/** Network failures and server errors are retried; a refusal (4xx) is not. */
const retryable = (err: unknown) => !(err instanceof ApiError) || err.status === 0 || err.status >= 500;

/**
 * A deal room's chat. Over the socket while it answers (join with catch-up, send with ack, typing,
 * presence, read receipts); over REST when it does not (an ack timeout), polling for new messages.
 * Every message is sent with a client id and retried with the same id until stored, so it is stored
 * and shown once; messages are kept by id in seq order, and a reconnect catches up from the highest
 * seq up to which nothing is missing.
 */
export function useDealChat(dealId: string, options: DealChatOptions) {
  const restApi = options.api ?? dealChatApi;
  const ackMs = options.ackMs ?? 4000;
  const retryMs = options.retryMs ?? 2000;
  const pollMs = options.pollMs ?? 3000;
  const maxAttempts = options.maxAttempts ?? 3;
  const pageSize = options.pageSize ?? 30;
  const readOnly = () => options.readOnly?.() ?? false;

  const log = shallowRef<ChatLog>(emptyChatLog());
  const pending = ref<PendingMessage[]>([]);
  /** The socket answered our join: live delivery; false means REST (degraded) mode. */
  const live = ref(false);
  const loaded = ref(false);
  const loadError = shallowRef<unknown>(null);
  const hasOlder = ref(false);
  const loadingOlder = ref(false);
  let started = false;
  let stopped = false;
  let flushing = false;
  let lastMarked: string | null = null;
  let pollTimer: ReturnType<typeof setTimeout> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const socket = (options.connect ?? openDealSocket)();
  const ask = <T>(event: 'deal:join' | 'deal:send' | 'deal:read', payload: unknown, ms: number) => askSocket<T>(socket, event, payload, ms);
  const presence = chatPresence({
    dealId, socket, me: options.me, live: () => live.value, readOnly,
    seqOf: (id) => log.value.messages.find((m) => m.id === id)?.seq ?? null,
  });
  const { online, typing } = presence;

  const messages = computed(() => log.value.messages);

  function accept(incoming: readonly DealMessageView[], complete = false): void {
    log.value = complete ? mergeComplete(log.value, incoming) : mergeMessages(log.value, incoming);
    const stored = new Set(incoming.map((m) => m.clientId));
    if (pending.value.some((p) => stored.has(p.clientId))) {
      pending.value = pending.value.filter((p) => !stored.has(p.clientId));
    }
    presence.learnSeqs();
    void markRead();
  }

  // --- loading -----------------------------------------------------------------------------
  async function catchUpRest(): Promise<void> {
    for (;;) {
      const after = cursorOf(log.value);
      const page = await restApi.history(dealId, after ? { after, limit: 100 } : { limit: pageSize });
      if (!after) {
        hasOlder.value = page.hasMore;
        accept(page.items, true);
        return;
      }
      accept(page.items, !page.hasMore);
      if (!page.hasMore || page.items.length === 0) {
        return;
      }
    }
  }

  async function join(): Promise<void> {
    if (!socket.connected || stopped) {
      return;
    }
    const answer = await ask<{ messages: DealMessageView[]; hasMore: boolean; online: Person[] }>(
      'deal:join', { dealId, afterSeq: log.value.contiguous }, ackMs,
    );
    if (stopped) {
      return;
    }
    if (answer === 'timeout' || !answer.ok) {
      degrade();
      return;
    }
    live.value = true;
    stopPolling();
    online.value = answer.data.online;
    accept(answer.data.messages, !answer.data.hasMore);
    if (answer.data.hasMore) {
      await catchUpRest().catch(() => undefined);
    }
    void flush();
  }

  /** The socket does not answer: REST from now on, polling for others' messages, until a reconnect joins. */
  function degrade(): void {
    live.value = false;
    presence.forget();
    schedulePoll();
  }

  function stopPolling(): void {
    if (pollTimer) {
      clearTimeout(pollTimer);
      pollTimer = null;
    }
  }

  function schedulePoll(): void {
    stopPolling();
    if (!stopped && !live.value && !options.closed?.()) {
      pollTimer = setTimeout(() => {
        pollTimer = null;
        void catchUpRest().catch(() => undefined).finally(schedulePoll);
      }, pollMs);
    }
  }

  /** Loads the newest page over REST, then joins the room's live delivery (catching up what came meanwhile). */
  async function start(): Promise<void> {
    started = true;
    loadError.value = null;
    try {
      await catchUpRest();
      loaded.value = true;
    } catch (err) {
      loadError.value = err;
      return;
    }
    if (socket.connected) {
      await join();
    } else {
      degrade();
    }
  }

  async function loadOlder(): Promise<void> {
    const oldest = log.value.messages[0];
    if (!oldest || loadingOlder.value) {
      return;
    }
    loadingOlder.value = true;
    try {
      const page = await restApi.history(dealId, { before: oldest.id, limit: pageSize });
      hasOlder.value = page.hasMore;
      accept(page.items);
    } finally {
      loadingOlder.value = false;
    }
  }

  // --- sending -----------------------------------------------------------------------------
  type Outcome = 'stored' | 'retry' | 'refused';

  async function deliver(p: PendingMessage): Promise<Outcome> {
    const input = { clientId: p.clientId, body: p.body };
    if (live.value && socket.connected) {
      const answer = await ask<DealMessageView>('deal:send', { dealId, ...input }, ackMs);
      if (answer !== 'timeout') {
        if (answer.ok) {
          accept([answer.data]);
          return 'stored';
        }
        p.error = new ApiError(answer.error.status, answer.error.code as never, answer.error.message, answer.error.messageEn);
        return answer.error.status >= 400 && answer.error.status < 500 ? 'refused' : 'retry';
      }
      // No ack: the socket may have stored it; REST with the same client id returns that one.
      degrade();
    }
    try {
      accept([await restApi.post(dealId, input)]);
      return 'stored';
    } catch (err) {
      p.error = err;
      return retryable(err) ? 'retry' : 'refused';
    }
  }

  /** Sends the queue in order, one at a time, so the room stores them in the order written. */
  async function flush(): Promise<void> {
    if (flushing || stopped) {
      return;
    }
    flushing = true;
    try {
      for (;;) {
        const next = pending.value.find((p) => p.state === 'sending');
        if (!next) {
          return;
        }
        next.attempts += 1;
        const outcome = await deliver(next);
        if (outcome === 'stored') {
          continue;
        }
        if (outcome === 'refused' || next.attempts >= maxAttempts) {
          next.state = 'failed';
          continue;
        }
        if (!retryTimer) {
          retryTimer = setTimeout(() => {
            retryTimer = null;
            void flush();
          }, retryMs);
        }
        return;
      }
    } finally {
      flushing = false;
    }
  }

  function send(body: string): void {
    const text = body.trim();
    if (!text || readOnly()) {
      return;
    }
    presence.stopTyping();
    pending.value.push({ clientId: newClientId(), body: text, at: new Date().toISOString(), state: 'sending', error: null, attempts: 0 });
    void flush();
  }

  /** Tries a failed message again, with its client id: if it was stored meanwhile it shows once. */
  function retry(clientId: string): void {
    const p = pending.value.find((x) => x.clientId === clientId);
    if (p) {
      p.state = 'sending';
      p.attempts = 0;
      p.error = null;
      void flush();
    }
  }

  function discard(clientId: string): void {
    pending.value = pending.value.filter((p) => p.clientId !== clientId);
  }

  // --- reads -------------------------------------------------------------------------------
  /** Marks the room read up to the newest message (only forward, only when it changed). */
  async function markRead(): Promise<void> {
    const newest = log.value.messages.at(-1);
    if (!newest || readOnly() || newest.id === lastMarked || !started || (typeof document !== 'undefined' && document.hidden)) {
      return;
    }
    lastMarked = newest.id;
    if (live.value && socket.connected) {
      const answer = await ask('deal:read', { dealId, messageId: newest.id }, ackMs);
      if (answer !== 'timeout') {
        return;
      }
    }
    await restApi.read(dealId, newest.id).catch(() => {
      lastMarked = null;
    });
  }

  // --- socket events -------------------------------------------------------------------------
  socket.on('connect', () => {
    if (started && loaded.value) {
      void join();
    }
  });
  socket.on('disconnect', () => {
    if (live.value) {
      degrade();
    }
  });
  socket.on('deal:message', (m) => {
    if (m.dealId === dealId) {
      const { dealId: _room, ...message } = m;
      accept([message]);
    }
  });
  socket.on('deal:typing', (p) => {
    if (p.dealId === dealId) {
      presence.seeTyping(p.user, p.typing);
    }
  });
  socket.on('deal:presence', (p) => {
    if (p.dealId === dealId) {
      online.value = p.online;
    }
  });
  socket.on('deal:read', (p) => {
    if (p.dealId === dealId) {
      presence.seeRead(p.user, p.messageId, p.seq);
    }
  });
  socket.on('deal:updated', (p) => {
    if (p.dealId === dealId) {
      options.onUpdated?.(p);
    }
  });

  // Coming back to the tab marks read what arrived while it was hidden.
  const seen = () => void markRead();
  if (typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', seen);
  }

  function stop(): void {
    stopped = true;
    if (typeof document !== 'undefined') {
      document.removeEventListener('visibilitychange', seen);
    }
    stopPolling();
    presence.dispose();
    if (retryTimer) {
      clearTimeout(retryTimer);
    }
    if (live.value && socket.connected) {
      socket.emit('deal:leave', { dealId });
    }
    socket.removeAllListeners();
    socket.disconnect();
  }

  if (getCurrentScope()) {
    onScopeDispose(stop);
  }

  return {
    messages, pending, live, loaded, loadError, hasOlder, loadingOlder, online, typing, reads: presence.reads,
    start, stop, send, retry, discard, loadOlder, markRead,
    noteTyping: presence.noteTyping, stopTyping: presence.stopTyping, seedReads: presence.seedReads, readBy: presence.readBy,
    /** The seq a catch-up starts after (exposed for tests and diagnostics). */
    contiguous: computed(() => log.value.contiguous),
  };
}
